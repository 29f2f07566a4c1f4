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
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('acknowledgments_user_idx').execute();
  await db.schema.dropTable('acknowledgments').execute();
}
