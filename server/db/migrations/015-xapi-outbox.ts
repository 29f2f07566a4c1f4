/**
 * xAPI statements waiting for the learning record store (server/xapi/), issue 12. A row is
 * written in the same transaction as the learning event it describes, so an event is never
 * recorded without its statement, nor a statement without its event. `id` is the statement's
 * own id (a UUID, fixed when the row is written): a resend after a crash carries the same id
 * and the LRS keeps one copy. `key` (unique) names the event, so one event queues one statement.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('xapi_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('verb', 'text', (c) => c.notNull())
    // JSON: the whole xAPI 1.0.3 statement as it is sent.
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    .addColumn('sent_at', 'bigint')
    .addColumn('last_error', 'text')
    .addColumn('last_failed_at', 'bigint')
    .execute();
  await db.schema.createIndex('xapi_outbox_due_idx').on('xapi_outbox').columns(['sent_at', 'next_attempt_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('xapi_outbox_due_idx').execute();
  await db.schema.dropTable('xapi_outbox').execute();
}
