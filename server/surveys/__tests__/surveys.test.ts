/**
 * Satisfaction surveys through the API on SQLite and PostgreSQL: only a learner who completed
 * the course (through the real lesson/quiz flow) or was marked present at the seminar may
 * answer (404 otherwise, also for a course outside their audience); ratings out of range are
 * 400 naming the field; a second submission counts once; supervisors' results withhold every
 * group below the minimum (count only, no means, no comments), and only supervisors see them.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { surveysSchema, type SurveysDefinition } from '../../../src/content/schemas/survey';
import { registerAccountRoutes } from '../../accounts/routes';
import { userRowFor } from '../../accounts/users';
import { testDatabases } from '../../db/__tests__/test-databases';
import type { UserRow } from '../../db/schema';
import { registerTraining } from '../../training';
import { as, COURSE, COURSE_TITLE, errorOf, LESSONS, RIGHT, signIn, STAFF_COURSE, STUDY_MS, testCatalog, TEST_ORIGIN, type Caller } from '../../training/__tests__/fixture';
import type { AttemptView, CourseProgress } from '../../training/service';
import type { SurveyResults } from '../../../src/api/surveys';

const dialects = testDatabases();
const START = Date.UTC(2025, 10, 15, 8, 0, 0);
const SEMINAR = 'tariff-seminar-1404';
const DEFINITION: SurveysDefinition = surveysSchema.parse(parse(readFileSync(path.join(__dirname, '../../../content/surveys.yml'), 'utf8')));
const COURSE_IDS = DEFINITION.course.map((q) => q.id);
const allFour = (n: number) => Object.fromEntries(COURSE_IDS.map((id) => [id, n]));

// Two organisations (`companies` rows, as content/organisations.yml makes them).
const NOOR = { id: 'c-noor', code: 'noor-khadamat', name: 'شرکت خدمات نور' };
const PARS = { id: 'c-pars', code: 'pars-niroo', name: 'شرکت پارس نیرو' };
// Five of شرکت خدمات نور (a group shown) whose free-text company is spelt two ways (Arabic kaf in
// two of them): they are one organisation and one group. One of پارس (withheld), plus a supervisor.
const LEARNERS = [
  ...['ali', 'sara', 'omid'].map((u) => ({ username: `${u}.noor`, company: 'شرکت نور', companyId: NOOR.id })),
  ...['nima', 'leila'].map((u) => ({ username: `${u}.noor`, company: 'شركت نور', companyId: NOOR.id })),
  { username: 'hamed.pars', company: 'شرکت پارس', companyId: PARS.id },
];

describe.each(dialects)('satisfaction surveys on $name', (t) => {
  let app: FastifyInstance;
  let clock: number;
  let seed: UserRow[];
  const callers = new Map<string, Caller>();

  beforeAll(async () => {
    seed = await Promise.all([
      ...LEARNERS.map((l) =>
        userRowFor({ username: l.username, password: 'learner-password-1', displayName: `کارآموز ${l.username}`, role: 'contractor', company: l.company }, START, { companyId: l.companyId, unitId: null }),
      ),
      userRowFor({ username: 'maryam.super', password: 'supervisor-password-1', displayName: 'مریم ناظر', role: 'supervisor', company: null }, START),
    ]);
  });
  beforeEach(async () => {
    clock = START;
    await t.reset();
    await t.db.insertInto('companies').values([NOOR, PARS].map((c) => ({ ...c, created_at: START }))).execute();
    await t.db.insertInto('users').values(seed).execute();
    app = Fastify({ logger: false });
    const guards = await registerAccountRoutes(app, { db: t.db, secureCookies: false, now: () => clock });
    await registerTraining(app, {
      database: t.handle,
      guards,
      catalog: testCatalog({ draw: 5 }),
      now: () => clock,
      siteDirOf: () => '/nonexistent',
      verifyOrigin: () => TEST_ORIGIN,
      surveys: { definition: DEFINITION, seminar: (id) => (id === SEMINAR ? { title: 'همایش تعرفه‌های ۱۴۰۴', presenter: 'مهندس رضایی' } : undefined) },
    });
    app.get('/courses/*', async (_request, reply) => reply.type('text/html; charset=utf-8').send('<html><body>درس</body></html>'));
    await app.ready();
    callers.clear();
    for (const l of LEARNERS) callers.set(l.username, await signIn(app, l.username, 'learner-password-1'));
    callers.set('maryam.super', await signIn(app, 'maryam.super', 'supervisor-password-1'));
  });
  afterEach(() => app.close());
  const who = (u: string) => as(app, callers.get(u)!);

  async function complete(username: string) {
    const me = who(username);
    for (const lesson of LESSONS) {
      expect((await me.page(lesson)).statusCode).toBe(200);
      expect((await me.post('/api/training/lessons/open', { course: COURSE, lesson })).statusCode).toBe(200);
    }
    const attempt = (await me.post(`/api/training/courses/${COURSE}/attempts`)).json() as AttemptView;
    for (const q of attempt.questions) expect((await me.put(`/api/training/attempts/${attempt.id}/answers/${q.id}`, { answer: RIGHT[q.id] })).statusCode).toBe(200);
    clock += STUDY_MS + 1000;
    expect((await me.post(`/api/training/attempts/${attempt.id}/submit`)).statusCode).toBe(200);
    const progress = (await me.get('/api/training/me')).json() as { courses: CourseProgress[] };
    expect(progress.courses.find((c) => c.course === COURSE)!.certificateCode).toBeTruthy();
  }
  const results = async (kind: 'course' | 'seminar', query = '') => {
    const res = await who('maryam.super').get(`/api/survey-results/${kind}${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as SurveyResults;
  };

  it('opens only after completion: 404 before, for another course and for one outside the audience; then once', async () => {
    const ali = who('ali.noor');
    errorOf(await ali.get(`/api/surveys/course/${COURSE}`), 404, 'survey_not_found');
    errorOf(await ali.post(`/api/surveys/course/${COURSE}`, { ratings: allFour(5) }), 404, 'survey_not_found');
    await complete('ali.noor');
    expect((await ali.get(`/api/surveys/course/${COURSE}`)).json()).toEqual({ questions: DEFINITION.course, commentPrompt: DEFINITION.commentPrompt, answered: false });
    errorOf(await ali.get('/api/surveys/course/customer-conduct'), 404, 'survey_not_found');
    errorOf(await ali.get(`/api/surveys/course/${STAFF_COURSE}`), 404, 'survey_not_found');
    errorOf(await ali.get('/api/surveys/course/no-such-course'), 404, 'survey_not_found');

    expect((await ali.post(`/api/surveys/course/${COURSE}`, { ratings: allFour(4), comment: 'مثال‌های قرائت کنتور دیماندی کم بود.' })).json()).toEqual({ recorded: true });
    // The second counts once: the first answer stands.
    expect((await ali.post(`/api/surveys/course/${COURSE}`, { ratings: allFour(1) })).json()).toEqual({ recorded: false });
    expect((await ali.get(`/api/surveys/course/${COURSE}`)).json()).toMatchObject({ answered: true });
    const rows = await t.db.selectFrom('survey_responses').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.ratings)).toEqual(allFour(4));
    expect(rows[0]).toMatchObject({ kind: 'course', subject: COURSE, company: 'شرکت نور', company_id: NOOR.id });
  });

  it('rejects ratings out of range, missing, not whole, or for a question not asked: 400 naming the field', async () => {
    await complete('ali.noor');
    const ali = who('ali.noor');
    const [first, second] = COURSE_IDS;
    for (const [ratings, field] of [
      [{ ...allFour(3), [first!]: 6 }, `ratings.${first}`],
      [{ ...allFour(3), [second!]: 0 }, `ratings.${second}`],
      [{ ...allFour(3), [first!]: 2.5 }, `ratings.${first}`],
      [{ ...allFour(3), [first!]: '۵' }, `ratings.${first}`],
      [Object.fromEntries(COURSE_IDS.slice(1).map((id) => [id, 3])), `ratings.${first}`],
      [{ ...allFour(3), mood: 4 }, 'ratings.mood'],
    ] as const) {
      const body = errorOf(await ali.post(`/api/surveys/course/${COURSE}`, { ratings }), 400, 'invalid_rating');
      expect(body.fields).toEqual([field]);
    }
    errorOf(await ali.post(`/api/surveys/course/${COURSE}`, { ratings: allFour(3), comment: 'x'.repeat(2001) }), 400, 'invalid_body');
    expect(await t.db.selectFrom('survey_responses').selectAll().execute()).toHaveLength(0);
  });

  it('seminars: only those marked present answer; results per seminar and presenter', async () => {
    const ratings = Object.fromEntries(DEFINITION.seminar.map((q) => [q.id, 5]));
    const ids = new Map(seed.map((u) => [u.username, u.id]));
    const register = (username: string, attended: number | null) =>
      t.db.insertInto('seminar_registrations').values({ seminar_id: SEMINAR, user_id: ids.get(username)!, registered_at: START, attended, attendance_marked_by: null, attendance_marked_at: null }).execute();
    await register('ali.noor', 1);
    await register('sara.noor', 0);
    await register('omid.noor', null);
    expect((await who('ali.noor').post(`/api/surveys/seminar/${SEMINAR}`, { ratings })).json()).toEqual({ recorded: true });
    for (const u of ['sara.noor', 'omid.noor', 'nima.noor']) errorOf(await who(u).post(`/api/surveys/seminar/${SEMINAR}`, { ratings }), 404, 'survey_not_found');
    errorOf(await who('ali.noor').get('/api/surveys/seminar/no-such-seminar'), 404, 'survey_not_found');
    const res = await results('seminar');
    expect(res.bySubject).toEqual([{ key: SEMINAR, label: 'همایش تعرفه‌های ۱۴۰۴', answers: 1, hidden: true, means: null, overall: null, comments: null }]);
    expect(res.byPresenter).toEqual([{ key: 'مهندس رضایی', label: 'مهندس رضایی', answers: 1, hidden: true, means: null, overall: null, comments: null }]);
  });

  it('results: a group of five shows means and comments, a group of one only its count; supervisors only', async () => {
    const scores = [5, 4, 4, 3, 5];
    for (const [i, l] of LEARNERS.entries()) {
      await complete(l.username);
      const given = i < 5 ? scores[i]! : 1;
      expect((await who(l.username).post(`/api/surveys/course/${COURSE}`, { ratings: allFour(given), comment: `نظر شمارهٔ ${i + 1}` })).statusCode).toBe(200);
    }
    const res = await results('course');
    expect(res.minimum).toBe(5);
    const [course] = res.bySubject;
    expect(course).toMatchObject({ key: COURSE, label: COURSE_TITLE, answers: 6, hidden: false, overall: 3.7 });
    expect(course!.comments).toHaveLength(6);
    // By organisation: the two spellings of نور are one group of five, shown; پارس's one answer is withheld.
    expect(res.byCompany.map((g) => g.key).sort()).toEqual([NOOR.id, PARS.id]);
    const noor = res.byCompany.find((g) => g.key === NOOR.id)!;
    expect(noor).toMatchObject({ label: NOOR.name, answers: 5, hidden: false, overall: 4.2, means: allFour(4.2) });
    expect(noor.comments).toEqual([1, 2, 3, 4, 5].map((n) => `نظر شمارهٔ ${n}`));
    expect(res.byCompany.find((g) => g.key === PARS.id)).toEqual({ key: PARS.id, label: PARS.name, answers: 1, hidden: true, means: null, overall: null, comments: null });

    // The reports' filters: by company (the minimum still applies inside it), by date, and bad input.
    const parsOnly = await results('course', `?company=${PARS.code}`);
    expect(parsOnly.bySubject).toEqual([expect.objectContaining({ key: COURSE, answers: 1, hidden: true, means: null, comments: null })]);
    expect(parsOnly.byCompany.map((g) => g.key)).toEqual([PARS.id]);
    expect((await results('course', `?company=${NOOR.code}&from=${encodeURIComponent('۱۴۰۴/۰۸/۲۴')}&to=1404/8/24`)).bySubject[0]).toMatchObject({ answers: 5, hidden: false });
    // 1404/08/24 is 15 Nov 2025 (START): nothing was answered the day before.
    expect((await results('course', '?to=1404/08/23')).bySubject).toEqual([]);
    const maryam = who('maryam.super');
    const bad = errorOf(await maryam.get(`/api/survey-results/course?from=${encodeURIComponent('۱۴۰۴/۱۲/۳۰')}`), 400, 'invalid_query');
    expect(bad.message).toContain('«از تاریخ»');
    expect(bad.message).toContain('کبیسه نیست');
    expect(errorOf(await maryam.get('/api/survey-results/course?company=no-such-co'), 400, 'unknown_organisation').fields).toEqual(['company']);
    expect(JSON.stringify(res)).not.toContain('hamed');
    expect(JSON.stringify(res)).not.toContain('ali.noor');
    errorOf(await who('ali.noor').get('/api/survey-results/course'), 403, 'forbidden');
    expect((await app.inject({ method: 'GET', url: '/api/survey-results/course' })).statusCode).toBe(401);
  });
});
