/**
 * Acknowledgments of announcements (issue 11): who confirmed having read which text, when and
 * from where. One row per (announcement, user, text): acknowledging the same text twice finds
 * the row already there (the unique key decides, also under two servers), and a changed text
 * (another sha256) asks for a new row. The user's role and company are copied as they were at
 * the time, so a later move to another company does not rewrite what was acknowledged for whom.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('acknowledgments')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('announcement_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('text_sha256', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('company_id', 'text', (c) => c.references('companies.id'))
    .addColumn('company_name', 'text')
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('acknowledged_at', 'bigint', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addUniqueConstraint('acknowledgments_once_per_text', ['announcement_id', 'user_id', 'text_sha256'])
    .execute();
  await db.schema.createIndex('acknowledgments_user_idx').on('acknowledgments').column('user_id').execute();

  // Mail waiting to be sent (server/notifications/): written before it is sent, so nothing is
  // lost when the SMTP server refuses; `key` (unique) makes each notification one row however
  // many processes decide to send it.
  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    .addColumn('sent_at', 'bigint')
    .addColumn('last_error', 'text')
    .execute();
  await db.schema.createIndex('outbox_due_idx').on('outbox').columns(['sent_at', 'next_attempt_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('outbox_due_idx').execute();
  await db.schema.dropTable('outbox').execute();
  await db.schema.dropIndex('acknowledgments_user_idx').execute();
  await db.schema.dropTable('acknowledgments').execute();
}
