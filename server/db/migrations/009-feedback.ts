/**
 * Feedback from the field (issue 10): a reader's suggestion on a clause of a regulation as
 * they read it (code, clause anchor, edition), and the editor's answer that closes it. The
 * author is a user row; the answer is written once (a closed suggestion stays closed).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('clause_feedback')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('regulation_code', 'text', (c) => c.notNull())
    .addColumn('clause_anchor', 'text', (c) => c.notNull())
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'text', (c) => c.references('users.id'))
    .addColumn('answered_at', 'bigint')
    .execute();
  await db.schema.createIndex('clause_feedback_author_idx').on('clause_feedback').column('author_id').execute();
  await db.schema.createIndex('clause_feedback_open_idx').on('clause_feedback').columns(['answered_at', 'regulation_code']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('clause_feedback').execute();
}
