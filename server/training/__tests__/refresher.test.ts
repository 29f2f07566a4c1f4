/**
 * Certificates that know their edition, and refreshers, through the API on SQLite and
 * PostgreSQL with an injected clock: a learner completes the course on 1404/08/24; edition
 * 1404-09 (1404/09/01) amends a clause one of its questions cites; the certificate then reads
 * «نیازمند بازآموزی» on /api/verify, the refresher shows the clause's redline and that question
 * (not one whose change the approver marked editorial), a failed refresher leaves it due,
 * a passed one renews the completion onto 1404-09 («معتبر»). Also: 404 for a course never
 * completed, a validity period that runs out («منقضی»), a withdrawn course («جایگزین‌شده»).
 */
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { userRowFor } from '../../accounts/users';
import { testDatabases } from '../../db/__tests__/test-databases';
import type { UserRow } from '../../db/schema';
import type { CatalogStaleFlag } from '../catalog';
import type { AttemptView, CourseProgress } from '../service';
import { amendedQuestionFlag, as, buildTrainingApp, COURSE, errorOf, LESSONS, RIGHT, signIn, STUDY_MS, testCatalog, WRONG, type Caller } from './fixture';

const dialects = testDatabases();
const BEFORE_1404_09 = Date.UTC(2025, 10, 15, 8, 0, 0); // 1404/08/24 in Tehran
const AFTER_1404_09 = Date.UTC(2025, 11, 1, 8, 0, 0); // 1404/09/10
const DAY = 86_400_000;

const unit = (anchor: string, text: string) => ({ anchor, title: anchor, change: 'amended' as const, titleSegments: [], segments: [{ kind: 'deleted' as const, text: '۶۰ روز' }, { kind: 'inserted' as const, text }] });
const FLAGS: CatalogStaleFlag[] = [
  amendedQuestionFlag([unit('ماده-۲', '۴۵ روز')]),
  // The approver marked this one's change editorial: flagged for editors, asked of nobody.
  {
    kind: 'question',
    id: 'q-num',
    course: COURSE,
    edition: '1404-09',
    from: '1403-07',
    cites: [{ cite: 'reg:ES-003#ماده-۴', code: 'ES-003', anchor: 'ماده-۴', change: 'amended', material: false, redline: [unit('ماده-۴', 'پانزده روز')] }],
  },
];

interface Refresher {
  due: boolean;
  status: string;
  statusLabel: string;
  restsOn: string;
  dueOn: string | null;
  editions: string[];
  clauses: { code: string; unit: { anchor: string } }[];
  questions: { id: string }[];
  attemptId: string | null;
}

describe.each(dialects)('certificate status and refreshers on $name', (t) => {
  let app: FastifyInstance;
  let clock: number;
  let reza: Caller;
  let seed: UserRow[];

  beforeAll(async () => {
    seed = [await userRowFor({ username: 'reza.karimi', password: 'reza-password-1', displayName: 'رضا کریمی', role: 'contractor', company: 'شرکت نور' }, BEFORE_1404_09)];
  });
  const boot = async (catalog = testCatalog({ draw: 5, staleFlags: FLAGS })) => {
    app = await buildTrainingApp(t.handle, () => clock, undefined, undefined, catalog);
    reza = await signIn(app, 'reza.karimi', 'reza-password-1');
  };
  beforeEach(async () => {
    clock = BEFORE_1404_09;
    await t.reset();
    await t.db.insertInto('users').values(seed).execute();
    await boot();
  });
  afterEach(() => app.close());

  /** Every lesson served and reported, the quiz passed, the reading time over: the certificate's code. */
  async function complete(): Promise<string> {
    for (const lesson of LESSONS) {
      expect((await as(app, reza).page(lesson)).statusCode).toBe(200);
      expect((await as(app, reza).post('/api/training/lessons/open', { course: COURSE, lesson })).statusCode).toBe(200);
    }
    const attempt = (await as(app, reza).post(`/api/training/courses/${COURSE}/attempts`)).json() as AttemptView;
    for (const q of attempt.questions) expect((await as(app, reza).put(`/api/training/attempts/${attempt.id}/answers/${q.id}`, { answer: RIGHT[q.id] })).statusCode).toBe(200);
    expect((await as(app, reza).post(`/api/training/attempts/${attempt.id}/submit`)).statusCode).toBe(200);
    clock += STUDY_MS + 1000;
    const me = (await as(app, reza).get('/api/training/me')).json() as { courses: CourseProgress[] };
    const code = me.courses.find((c) => c.course === COURSE)!.certificateCode;
    expect(code).toBeTruthy();
    return code!;
  }
  const verify = async (code: string) => (await app.inject({ method: 'GET', url: `/api/verify/${code}` })).json() as { status: string; statusLabel: string; restsOn: string; edition: string };
  const refresher = async () => {
    const res = await as(app, reza).get(`/api/training/courses/${COURSE}/refresher`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Refresher;
  };
  const submit = async (answers: Record<string, unknown>) => {
    const res = await as(app, reza).post(`/api/training/courses/${COURSE}/refresher/submit`, { answers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { result: { passed: boolean; total: number }; certificate: { status: string; restsOn: string } };
  };

  it('a completion before 1404-09 is due a refresher once it takes effect; failing leaves it due, passing renews it onto 1404-09', async () => {
    const code = await complete();
    expect(await verify(code)).toMatchObject({ status: 'valid', statusLabel: 'معتبر', restsOn: 'ویرایش ۱۴۰۳/۰۷', edition: 'ویرایش ۱۴۰۳/۰۷' });
    expect(await refresher()).toMatchObject({ due: false, status: 'valid', questions: [], attemptId: null });
    errorOf(await as(app, reza).post(`/api/training/courses/${COURSE}/refresher/submit`, { answers: {} }), 409, 'refresher_not_due');

    clock = AFTER_1404_09;
    // Two weeks later the session has lapsed: sign in again.
    reza = await signIn(app, 'reza.karimi', 'reza-password-1');
    expect(await verify(code)).toMatchObject({ status: 'refresher-due', statusLabel: 'نیازمند بازآموزی', restsOn: 'ویرایش ۱۴۰۳/۰۷' });
    const meRes = await as(app, reza).get('/api/training/me');
    expect(meRes.statusCode, meRes.body).toBe(200);
    const me = meRes.json() as { courses: CourseProgress[]; certificates: { status: string }[] };
    expect(me.courses.find((c) => c.course === COURSE)).toMatchObject({ refresherDueOn: '۱۴۰۴/۱۰/۰۱' });
    expect(me.certificates[0]).toMatchObject({ status: 'refresher-due' });

    const due = await refresher();
    expect(due).toMatchObject({ due: true, dueOn: '۱۴۰۴/۱۰/۰۱', editions: ['ویرایش ۱۴۰۴/۰۹'], status: 'refresher-due' });
    expect(due.questions.map((q) => q.id)).toEqual(['q-single']);
    expect(due.clauses.map((c) => `${c.code}#${c.unit.anchor}`)).toEqual(['ES-002#ماده-۲']);
    expect(JSON.stringify(due.questions)).not.toMatch(/"answer"|explanation/);
    // Drawn once: a reload shows the same refresher.
    expect((await refresher()).attemptId).toBe(due.attemptId);

    const failed = await submit({ 'q-single': WRONG['q-single'] });
    expect(failed).toMatchObject({ result: { passed: false, total: 1 }, certificate: { status: 'refresher-due' } });
    const again = await refresher();
    expect(again.due).toBe(true);
    expect(again.attemptId).not.toBe(due.attemptId);

    clock += 60_000;
    const passed = await submit({ 'q-single': RIGHT['q-single'] });
    expect(passed).toMatchObject({ result: { passed: true, total: 1 }, certificate: { status: 'valid', restsOn: 'ویرایش ۱۴۰۴/۰۹' } });
    // The printed edition stays as issued; what it rests on is renewed.
    expect(await verify(code)).toMatchObject({ status: 'valid', statusLabel: 'معتبر', restsOn: 'ویرایش ۱۴۰۴/۰۹', edition: 'ویرایش ۱۴۰۳/۰۷' });
    expect(await refresher()).toMatchObject({ due: false });
    const rows = await t.db.selectFrom('refresher_attempts').select(['passed']).orderBy('started_at').execute();
    expect(rows.map((r) => Number(r.passed))).toEqual([0, 1]);
  });

  it('is 404 for a course never completed, and for a course the learner may not take', async () => {
    errorOf(await as(app, reza).get(`/api/training/courses/${COURSE}/refresher`), 404, 'refresher_not_found');
    errorOf(await as(app, reza).post(`/api/training/courses/${COURSE}/refresher/submit`, { answers: {} }), 404, 'refresher_not_found');
    errorOf(await as(app, reza).get('/api/training/courses/staff-briefing/refresher'), 404, 'course_not_found');
    expect((await as(app, reza).post(`/api/training/courses/${COURSE}/refresher/submit`, { answers: 'همه درست' })).statusCode).toBe(400);
    expect(await t.db.selectFrom('refresher_attempts').selectAll().execute()).toEqual([]);
  });

  it('expires after the course validity period («منقضی»), and reads «جایگزین‌شده» once the course is withdrawn', async () => {
    await app.close();
    await boot(testCatalog({ draw: 5, validForMonths: 12 }));
    const code = await complete();
    expect(await verify(code)).toMatchObject({ status: 'valid', validUntil: '۱۴۰۵/۰۸/۲۴' });
    clock = BEFORE_1404_09 + 366 * DAY;
    expect(await verify(code)).toMatchObject({ status: 'expired', statusLabel: 'منقضی' });
    await app.close();
    await boot(testCatalog({ withdrawn: true }));
    expect(await verify(code)).toMatchObject({ status: 'superseded', statusLabel: 'جایگزین‌شده' });
  });
});
