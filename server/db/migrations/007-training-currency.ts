/**
 * Training that stays current (issue 12): an editor's review of a stale flag.
 *
 * A flag is a (question or lesson, edition) pair the build computes from the edition history
 * (src/domain/training/stale.ts); only the review is stored: who marked it reviewed and when.
 * The reviewer's id and name are kept as they were, without a foreign key, so the record
 * outlives the account (like the audit log). One row per flag: the first review stands.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('stale_reviews')
    .addColumn('kind', 'text', (c) => c.notNull().check(sqlIn('kind', ['question', 'lesson'])))
    .addColumn('course', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'text', (c) => c.notNull())
    .addColumn('reviewer_name', 'text', (c) => c.notNull())
    .addColumn('reviewed_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('stale_reviews_pk', ['kind', 'course', 'item_id', 'edition'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('stale_reviews').execute();
}

function sqlIn(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}
