/**
 * Proof of study and the audience policy in the training API, on a real database (SQLite, and
 * PostgreSQL when it runs here): API calls alone never earn a certificate; a lesson counts once
 * the server has served its page to the learner and only after its reading time; a course
 * outside the learner's audience is "not found" on every training route.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { planAttempt } from '../../../src/domain/quiz';
import { testDatabases } from '../../db/__tests__/test-databases';
import type { UserRow } from '../../db/schema';
import { userRowFor } from '../../accounts/users';
import type { AttemptView, CourseProgress } from '../service';
import { courseStudied, minimumReadingMs } from '../study';
import { as, buildTrainingApp, COURSE, errorOf, LESSONS, QUIZ, RIGHT, signIn, STAFF_COURSE, STAFF_LESSON, STUDY_MS, type Caller } from './fixture';

const START = Date.UTC(2025, 11, 1, 8, 0, 0);
const HOUR = 3_600_000;

describe('the study rule', () => {
  it('asks each lesson for its words at 300 a minute, at least 20 s', () => {
    expect(minimumReadingMs(0)).toBe(20_000);
    expect(minimumReadingMs(150)).toBe(30_000);
    expect(minimumReadingMs(900)).toBe(180_000);
  });

  it('needs every lesson served, each open its minimum, and the sum of them since the first', () => {
    const lesson = (servedAt: number | undefined) => ({ lesson: `l-${servedAt}`, words: 0, servedAt });
    expect(courseStudied([lesson(0), lesson(undefined)], HOUR)).toMatchObject({ studied: false, reason: 'not-served' });
    // Both pages opened at once: 20 s each is not enough, 40 s is.
    expect(courseStudied([lesson(0), lesson(0)], 20_000)).toEqual({ studied: false, reason: 'too-soon', msLeft: 20_000 });
    expect(courseStudied([lesson(0), lesson(0)], 40_000)).toEqual({ studied: true });
    // One after the other, the last one still needs its own time.
    expect(courseStudied([lesson(0), lesson(39_000)], 40_000)).toMatchObject({ studied: false, msLeft: 19_000 });
    expect(courseStudied([], 0)).toEqual({ studied: true });
  });
});

describe.each(testDatabases())('proof of study and audiences on $name', (t) => {
  let app: FastifyInstance;
  let clock: number;
  let reza: Caller;
  let naser: Caller;
  let seed: UserRow[];

  beforeAll(async () => {
    seed = await Promise.all([
      userRowFor({ username: 'reza.karimi', password: 'reza-password-1', displayName: 'رضا کریمی', role: 'contractor', company: 'شرکت نمونه' }, START),
      userRowFor({ username: 'naser.supervisor', password: 'naser-password-1', displayName: 'ناصر ناظری', role: 'supervisor', company: null }, START),
    ]);
  });

  beforeEach(async () => {
    clock = START;
    await t.reset();
    await t.db.insertInto('users').values(seed).execute();
    app = await buildTrainingApp(t.handle, () => clock);
    reza = await signIn(app, 'reza.karimi', 'reza-password-1');
    naser = await signIn(app, 'naser.supervisor', 'naser-password-1');
  });
  afterEach(() => app.close());

  const passQuiz = async (who: Caller, course = COURSE) => {
    const attempt = (await as(app, who).post(`/api/training/courses/${course}/attempts`)).json() as AttemptView;
    for (const q of attempt.questions) expect((await as(app, who).put(`/api/training/attempts/${attempt.id}/answers/${q.id}`, { answer: RIGHT[q.id] })).statusCode).toBe(200);
    const submitted = (await as(app, who).post(`/api/training/attempts/${attempt.id}/submit`)).json() as AttemptView;
    expect(submitted.result?.passed).toBe(true);
  };
  const progress = async (who: Caller, course = COURSE) => ((await as(app, who).get('/api/training/me')).json() as { courses: CourseProgress[] }).courses.find((c) => c.course === course);

  it('never issues a certificate for API calls alone, however long one waits', async () => {
    for (const lesson of LESSONS) {
      // The page's report, without the page ever having been served: refused, nothing recorded.
      errorOf(await as(app, reza).post('/api/training/lessons/open', { course: COURSE, lesson }), 409, 'lesson_not_served');
      // Whatever the browser adds to its report changes nothing.
      errorOf(await as(app, reza).post('/api/training/lessons/open', { course: COURSE, lesson, servedAt: 0, readingMs: 1e9 }), 409, 'lesson_not_served');
    }
    await passQuiz(reza);
    clock += 24 * HOUR;
    reza = await signIn(app, 'reza.karimi', 'reza-password-1'); // the session of yesterday has lapsed
    expect(await progress(reza)).toMatchObject({ passed: true, completed: false, certificateCode: null, lessonsOpened: [] });
    expect(((await as(app, reza).get('/api/training/me')).json() as { certificates: unknown[] }).certificates).toEqual([]);
    expect(await t.db.selectFrom('certificates').selectAll().execute()).toEqual([]);
  });

  it('counts a lesson once its page was served, and completes only after the reading time', async () => {
    await passQuiz(reza);
    // Both pages at the same moment: each lesson's 20 s is not the 40 s of both.
    for (const lesson of LESSONS) expect((await as(app, reza).page(lesson)).statusCode).toBe(200);
    clock += STUDY_MS / 2;
    expect(await progress(reza)).toMatchObject({ lessonsOpened: LESSONS, completed: false });
    clock += STUDY_MS / 2;
    const done = await progress(reza);
    expect(done).toMatchObject({ lessonsOpened: LESSONS, completed: true, certificateCode: expect.stringMatching(/^[2-9A-Z]{5}-[2-9A-Z]{5}$/) });
    // Serving a page again does not move its time (first served counts).
    const before = await t.db.selectFrom('lesson_views').select(['lesson', 'first_opened_at']).orderBy('lesson').execute();
    clock += HOUR;
    await as(app, reza).page(LESSONS[0]!);
    expect(await t.db.selectFrom('lesson_views').select(['lesson', 'first_opened_at']).orderBy('lesson').execute()).toEqual(before);
  });

  it('records nothing for a page served to nobody signed in, or of a course the reader may not take', async () => {
    await app.inject({ method: 'GET', url: '/courses/meter-reading/schedule-routes' });
    await as(app, reza).page(STAFF_LESSON.id);
    expect(await t.db.selectFrom('lesson_views').selectAll().execute()).toEqual([]);
    await as(app, naser).page(STAFF_LESSON.id);
    expect(await t.db.selectFrom('lesson_views').select(['course', 'lesson']).execute()).toEqual([{ course: STAFF_COURSE, lesson: STAFF_LESSON.id }]);
  });

  it('answers 404 on every training route for a course outside the reader’s audience', async () => {
    const r = as(app, reza);
    errorOf(await r.get(`/api/training/courses/${STAFF_COURSE}/quiz`), 404, 'course_not_found');
    errorOf(await r.post(`/api/training/courses/${STAFF_COURSE}/attempts`), 404, 'course_not_found');
    errorOf(await r.post('/api/training/lessons/open', { course: STAFF_COURSE, lesson: STAFF_LESSON.id }), 404, 'course_not_found');
    const courses = ((await r.get('/api/training/me')).json() as { courses: CourseProgress[] }).courses.map((c) => c.course);
    expect(courses).toContain(COURSE);
    expect(courses).not.toContain(STAFF_COURSE);
    expect(courses).not.toContain('no-audience');

    // An attempt of that course (as if its audience had narrowed since it was started) is gone too.
    const id = randomUUID();
    const planned = planAttempt(QUIZ, id);
    await t.db
      .insertInto('quiz_attempts')
      .values({ id, user_id: seed[0]!.id, course: STAFF_COURSE, number: 1, seed: id, questions: JSON.stringify(planned.map((d) => ({ id: d.question.id, options: d.optionOrder ?? null }))), started_at: clock, deadline: null, submitted_at: null, score: null, passed: null, result: null })
      .execute();
    errorOf(await r.get(`/api/training/attempts/${id}`), 404, 'attempt_not_found');
    const question = planned[0]!.question;
    errorOf(await r.put(`/api/training/attempts/${id}/answers/${question.id}`, { answer: RIGHT[question.id] }), 404, 'attempt_not_found');
    errorOf(await r.post(`/api/training/attempts/${id}/submit`), 404, 'attempt_not_found');
    expect((await t.db.selectFrom('quiz_attempts').select('submitted_at').where('id', '=', id).executeTakeFirstOrThrow()).submitted_at).toBeNull();

    // Staff may take it; a course naming no audience nobody may.
    expect((await as(app, naser).get(`/api/training/courses/${STAFF_COURSE}/quiz`)).statusCode).toBe(200);
    errorOf(await as(app, naser).get('/api/training/courses/no-audience/quiz'), 404, 'course_not_found');
    errorOf(await as(app, naser).post('/api/training/courses/no-audience/attempts'), 404, 'course_not_found');
  });
});
