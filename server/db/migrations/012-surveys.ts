/**
 * Satisfaction surveys (issue 12): one answer per learner and subject (a course they completed
 * or a seminar they attended). The key makes a second submission count once: the first answer
 * stands. The learner's id is kept only for that key and for "already answered"; results are
 * read in groups, never per person. Company and presenter are stored as they were at answering,
 * so the groups do not move when a learner changes company or a seminar its presenter.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('survey_responses')
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('course', 'seminar')`))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('company', 'text')
    .addColumn('unit', 'text')
    .addColumn('presenter', 'text')
    // JSON: { question id: 1..5 }.
    .addColumn('ratings', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('answered_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_responses_pk', ['kind', 'subject', 'user_id'])
    .execute();
  await db.schema.createIndex('survey_responses_by_subject').on('survey_responses').columns(['kind', 'subject']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('survey_responses').execute();
}
