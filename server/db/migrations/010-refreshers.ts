/**
 * Refreshers (issue 12): a completion renewed after a cited clause changed materially.
 *
 * `certificates.renewed_at` / `renewed_edition`: the last refresher passed and the edition in
 * force then; the completion now rests on that edition (the printed `edition` stays as issued).
 *
 * `refresher_attempts`: one row per refresher taken. The questions (and option orders) are
 * drawn on the server when it is first shown and stored, so a reload shows the same ones; it
 * is graded once, on the server's clock (`… where submitted_at is null`). At most one open
 * refresher per learner and course (a partial unique index: two racing first views make one).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('certificates').addColumn('renewed_at', 'bigint').execute();
  await db.schema.alterTable('certificates').addColumn('renewed_edition', 'text').execute();

  await db.schema
    .createTable('refresher_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('course', 'text', (c) => c.notNull())
    .addColumn('certificate_code', 'text', (c) => c.notNull().references('certificates.code').onDelete('cascade'))
    // JSON: the editions whose material changes made it due, oldest first.
    .addColumn('editions', 'text', (c) => c.notNull())
    // JSON: [{ id, options: [option ids in the order shown] | null }], fixed when first shown.
    .addColumn('questions', 'text', (c) => c.notNull())
    // Jalali `1404/10/01`: the day it is due by.
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('submitted_at', 'bigint')
    .addColumn('score', 'integer')
    .addColumn('passed', 'integer')
    // JSON: the graded result as the learner sees it.
    .addColumn('result', 'text')
    .addCheckConstraint(
      'refresher_attempts_graded_check',
      sql`(submitted_at is null and result is null and score is null and passed is null) or (submitted_at is not null and result is not null and score is not null and passed in (0, 1))`,
    )
    .execute();
  await db.schema.createIndex('refresher_attempts_open_key').on('refresher_attempts').columns(['user_id', 'course']).unique().where(sql.ref('submitted_at'), 'is', null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('refresher_attempts').execute();
  await db.schema.alterTable('certificates').dropColumn('renewed_edition').execute();
  await db.schema.alterTable('certificates').dropColumn('renewed_at').execute();
}
