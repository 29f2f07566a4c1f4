/**
 * A contractor who completed the customer-conduct course on 1404/08/20, before edition 1404-09
 * amended ES-007 ماده ۵ which the course cites (the sample history): the e2e refresher scenario
 * starts from a completion the real clock cannot produce today. Written as the training
 * service writes a completion (a passed attempt, the lessons served, the certificate).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { userRowFor } from '../../server/accounts/users';
import { newCertificateCode } from '../../server/certificates/code';
import type { Database } from '../../server/db/schema';

export const REFRESHER_LEARNER = { username: 'refresher.contractor', name: 'کاوه رفیعی', company: 'شرکت پیمانکاری نمونه روشنا', course: 'customer-conduct' } as const;
/** 1404/08/20, 10:00 in Tehran. */
export const COMPLETED_AT = Date.parse('2025-11-11T06:30:00Z');

export async function seedRefresherLearner(db: Kysely<Database>, password: string, course: { title: string; lessons: readonly string[] }): Promise<void> {
  const { lessons } = course;
  const user = await userRowFor({ username: REFRESHER_LEARNER.username, password, displayName: REFRESHER_LEARNER.name, role: 'contractor', company: REFRESHER_LEARNER.company }, COMPLETED_AT - 30 * 86_400_000);
  await db.insertInto('users').values(user).execute();
  const attempt = randomUUID();
  await db
    .insertInto('quiz_attempts')
    .values({ id: attempt, user_id: user.id, course: REFRESHER_LEARNER.course, number: 1, seed: attempt, questions: '[]', started_at: COMPLETED_AT - 600_000, deadline: null, submitted_at: COMPLETED_AT, score: 90, passed: 1, result: JSON.stringify({ score: 90, correct: 9, total: 10, passed: true, perQuestion: [] }) })
    .execute();
  for (const lesson of lessons) await db.insertInto('lesson_views').values({ user_id: user.id, course: REFRESHER_LEARNER.course, lesson, first_opened_at: COMPLETED_AT - 86_400_000 }).execute();
  await db
    .insertInto('certificates')
    .values({ code: newCertificateCode(), user_id: user.id, course: REFRESHER_LEARNER.course, attempt_id: attempt, issued_at: COMPLETED_AT, edition: '1403-07', learner_name: user.display_name, company: REFRESHER_LEARNER.company, course_title: course.title })
    .execute();
}
