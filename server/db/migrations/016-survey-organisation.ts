/**
 * Survey results by organisation (issue 12): each answer keeps the learner's company id
 * (`users.company_id`) as it was at answering, beside the free-text name it kept before, so
 * results group by the organisation and two spellings of one company are one group. Answers
 * given before this migration take the learner's present company: the best that is known.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('survey_responses')
    .addColumn('company_id', 'text', (c) => c.references('companies.id').onDelete('set null'))
    .execute();
  await sql`update survey_responses set company_id = (select u.company_id from users u where u.id = survey_responses.user_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('survey_responses').dropColumn('company_id').execute();
}
