/**
 * Training records: quiz attempts and their answers, lessons opened, certificates.
 *
 * The rules that must hold under concurrency are keys, not application checks:
 * - one attempt per (user, course, number): two "start" requests racing cannot both create
 *   attempt N, so the attempt limit cannot be overrun;
 * - one answer row per (attempt, question): saving again replaces it (upsert);
 * - a result exactly when the attempt is submitted (CHECK), and grading is a conditional
 *   UPDATE `… where submitted_at is null`, so two submits grade once;
 * - one certificate per (user, course): issuing twice returns the first.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('quiz_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('course', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('seed', 'text', (c) => c.notNull())
    // JSON: [{ id, options: [option ids in the order shown] | null }], fixed at the start.
    .addColumn('questions', 'text', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('deadline', 'bigint')
    .addColumn('submitted_at', 'bigint')
    .addColumn('score', 'integer')
    .addColumn('passed', 'integer')
    // JSON: the graded result as the learner sees it after submitting.
    .addColumn('result', 'text')
    .addUniqueConstraint('quiz_attempts_user_course_number_key', ['user_id', 'course', 'number'])
    .addCheckConstraint('quiz_attempts_number_check', sql`number >= 1`)
    .addCheckConstraint(
      'quiz_attempts_graded_check',
      sql`(submitted_at is null and result is null and score is null and passed is null) or (submitted_at is not null and result is not null and score is not null and passed in (0, 1))`,
    )
    .execute();
  await db.schema.createIndex('quiz_attempts_course_idx').on('quiz_attempts').columns(['course', 'user_id']).execute();

  await db.schema
    .createTable('quiz_answers')
    .addColumn('attempt_id', 'text', (c) => c.notNull().references('quiz_attempts.id').onDelete('cascade'))
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('quiz_answers_pkey', ['attempt_id', 'question_id'])
    .execute();

  await db.schema
    .createTable('lesson_views')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('course', 'text', (c) => c.notNull())
    .addColumn('lesson', 'text', (c) => c.notNull())
    .addColumn('first_opened_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('lesson_views_pkey', ['user_id', 'lesson'])
    .execute();
  await db.schema.createIndex('lesson_views_course_idx').on('lesson_views').columns(['course', 'user_id']).execute();

  await db.schema
    .createTable('certificates')
    .addColumn('code', 'text', (c) => c.primaryKey().notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('course', 'text', (c) => c.notNull())
    .addColumn('attempt_id', 'text', (c) => c.notNull().references('quiz_attempts.id').onDelete('cascade'))
    .addColumn('issued_at', 'bigint', (c) => c.notNull())
    // As printed: later renames of the user, the company or the course do not change a certificate.
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('learner_name', 'text', (c) => c.notNull())
    .addColumn('company', 'text')
    .addColumn('course_title', 'text', (c) => c.notNull())
    .addUniqueConstraint('certificates_user_course_key', ['user_id', 'course'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('certificates').execute();
  await db.schema.dropTable('lesson_views').execute();
  await db.schema.dropTable('quiz_answers').execute();
  await db.schema.dropTable('quiz_attempts').execute();
}
