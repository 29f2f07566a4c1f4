/**
 * The training API through fastify's inject on a real database, SQLite and PostgreSQL: the
 * whole learner flow, resuming after a restart, the deadline on an injected clock, races
 * (double submit, double start, answer against submit), ownership, and the bad input of issue 5.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { testDatabases } from '../../db/__tests__/test-databases';
import type { UserRow } from '../../db/schema';
import { userRowFor } from '../../accounts/users';
import { createCertificatePdfRenderer } from '../../certificates/pdf';
import { newCertificateCode, normalizeCertificateCode } from '../../certificates/code';
import type { AttemptView, CourseProgress } from '../service';
import { as, buildTrainingApp, COURSE, COURSE_TITLE, errorOf, LESSONS, QUIZ, RIGHT, signIn, STUDY_MS, TEST_ORIGIN, testCatalog, WRONG, type Caller } from './fixture';

const dialects = testDatabases();

/** The QR codes on the PDF's first page: rendered by poppler's pdftoppm, decoded by zbarimg (Debian `zbar-tools`). */
function qrCodesOn(file: string): string[] {
  try {
    execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', file, file.replace(/\.pdf$/, '')]);
    const found = execFileSync('zbarimg', ['-q', '--raw', file.replace(/\.pdf$/, '.png')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return found.trim().split('\n').filter(Boolean);
  } catch (error) {
    throw new Error(`reading the QR code failed (install Debian's poppler-utils and zbar-tools): ${(error as Error).message}`);
  }
}

/** The PDF's text through poppler's pdftotext (Debian `poppler-utils`). */
function pdfText(file: string): string {
  try {
    // -layout gives the logical (reading) order, with bidi embedding marks around runs: drop them.
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[\u202a-\u202e\u200e\u200f]/g, '').replace(/[ \t]+/g, ' ');
  } catch (error) {
    throw new Error(`pdftotext failed (install Debian's poppler-utils): ${(error as Error).message}`);
  }
}

const START = Date.UTC(2025, 11, 1, 8, 0, 0); // 1404/09/10, 11:30 in Tehran
const MINUTE = 60_000;
const COMPANY = 'شرکت پیمانکاری نمونه نور';

describe.each(dialects)('training API on $name', (t) => {
  let app: FastifyInstance;
  let clock: number;
  const now = () => clock;
  let reza: Caller;
  let sara: Caller;
  let seed: UserRow[];

  beforeAll(async () => {
    seed = await Promise.all([
      userRowFor({ username: 'reza.karimi', password: 'reza-password-1', displayName: 'رضا کریمی', role: 'contractor', company: COMPANY }, START),
      userRowFor({ username: 'sara.ahmadi', password: 'sara-password-1', displayName: 'سارا احمدی', role: 'contractor', company: 'شرکت "برق‌آوران", شعبهٔ ۲' }, START),
      userRowFor({ username: 'naser.supervisor', password: 'naser-password-1', displayName: 'ناصر ناظری', role: 'supervisor', company: null }, START),
    ]);
  });

  beforeEach(async () => {
    clock = START;
    await t.reset();
    await t.db.insertInto('users').values(seed).execute();
    app = await buildTrainingApp(t.handle, now);
    reza = await signIn(app, 'reza.karimi', 'reza-password-1');
    sara = await signIn(app, 'sara.ahmadi', 'sara-password-1');
  });
  afterEach(() => app.close());

  const start = async (who: Caller) => {
    const res = await as(app, who).post(`/api/training/courses/${COURSE}/attempts`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as AttemptView;
  };
  const answerAll = async (who: Caller, attempt: AttemptView, answers: Record<string, unknown>) => {
    for (const q of attempt.questions) {
      const res = await as(app, who).put(`/api/training/attempts/${attempt.id}/answers/${q.id}`, { answer: answers[q.id] });
      expect(res.statusCode, res.body).toBe(200);
    }
  };
  const submit = async (who: Caller, id: string) => {
    const res = await as(app, who).post(`/api/training/attempts/${id}/submit`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as AttemptView;
  };
  /** Reads a lesson as the browser does: the server serves its page, then the page reports it opened. */
  const openLesson = async (who: Caller, lesson: string) => {
    const page = await as(app, who).page(lesson);
    expect(page.statusCode, page.body).toBe(200);
    const res = await as(app, who).post('/api/training/lessons/open', { course: COURSE, lesson });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as CourseProgress;
  };

  it('takes a learner from the first lesson to a verified certificate: fail, retake, pass', async () => {
    const overview = await as(app, reza).get(`/api/training/courses/${COURSE}/quiz`);
    expect(overview.json()).toEqual({
      quiz: { title: QUIZ.title, draw: 4, passMark: 70, maxAttempts: 3, timeLimitMinutes: 10 },
      attempts: [],
      openAttemptId: null,
      attemptsLeft: 3,
      passed: false,
    });
    // The number prefix may be left off, as Docusaurus does in doc ids.
    expect((await openLesson(reza, 'meter-reading/schedule-routes')).lessonsOpened).toEqual([LESSONS[0]]);

    const first = await start(reza);
    expect(first).toMatchObject({ course: COURSE, number: 1, submittedAt: null, result: null, answers: {}, deadline: new Date(START + 10 * MINUTE).toISOString() });
    expect(first.questions).toHaveLength(4);
    // Nothing that gives the answer away before submitting.
    expect(JSON.stringify(first)).not.toMatch(/"answer"|explanation|cites/);
    expect(first.questions.every((q) => QUIZ.questions.some((p) => p.id === q.id))).toBe(true);

    await answerAll(reza, first, WRONG);
    const failed = await submit(reza, first.id);
    expect(failed.result).toMatchObject({ score: 0, correct: 0, total: 4, passed: false });
    const explained = failed.result!.perQuestion[0]!;
    const defined = QUIZ.questions.find((q) => q.id === explained.id)!;
    expect(explained.explanation).toBe(defined.explanation);
    expect(explained.cites[0]).toMatchObject({ code: defined.cites[0]!.slice(4, 10), url: expect.stringMatching(/^\/regulations\/1404-09\/energy-sales\/es-00\d#ماده-/) });
    expect(failed.answers[failed.questions[0]!.id]).toEqual(expect.anything());

    const second = await start(reza);
    expect(second.number).toBe(2);
    expect(second.id).not.toBe(first.id);
    await answerAll(reza, second, RIGHT);
    const passed = await submit(reza, second.id);
    expect(passed.result).toMatchObject({ score: 100, correct: 4, total: 4, passed: true });

    // Passed, but one lesson is still unread: not complete yet.
    let me = (await as(app, reza).get('/api/training/me')).json() as { courses: CourseProgress[] };
    expect(me.courses.find((c) => c.course === COURSE)).toMatchObject({ passed: true, completed: false, certificateCode: null, bestScore: 100, attemptsLeft: 1 });
    errorOf(await as(app, reza).post(`/api/training/courses/${COURSE}/attempts`), 409, 'already_passed');

    clock += MINUTE;
    // Every lesson opened now, but the second only just: its reading time has not passed.
    const opened = await openLesson(reza, LESSONS[1]!);
    expect(opened).toMatchObject({ completed: false, certificateCode: null, lessonsRequired: 2, lessonsOpened: LESSONS });
    clock += STUDY_MS / 2 - 1;
    expect((await as(app, reza).get('/api/training/me')).json().courses.find((c: CourseProgress) => c.course === COURSE)).toMatchObject({ completed: false });
    clock += STUDY_MS / 2 + 1;
    me = (await as(app, reza).get('/api/training/me')).json() as { courses: CourseProgress[] };
    const done = me.courses.find((c) => c.course === COURSE)!;
    expect(done).toMatchObject({ completed: true, lessonsRequired: 2, lessonsOpened: LESSONS });
    const code = done.certificateCode!;
    expect(code).toMatch(/^[2-9A-Z]{5}-[2-9A-Z]{5}$/);
    expect(normalizeCertificateCode(code)).toBeDefined();
    // Opening a lesson again (or passing again) issues nothing new.
    expect((await openLesson(reza, LESSONS[0]!)).certificateCode).toBe(code);
    me = (await as(app, reza).get('/api/training/me')).json() as { courses: CourseProgress[] };
    expect(me.courses.find((c) => c.course === COURSE)?.certificateCode).toBe(code);

    const certificate = (await as(app, reza).get(`/api/certificates/${code}`)).json();
    expect(certificate).toMatchObject({
      code,
      course: COURSE,
      courseTitle: COURSE_TITLE,
      learner: 'رضا کریمی',
      company: COMPANY,
      issuedAtJalali: '۱۴۰۴/۰۹/۱۰',
      issuedAtJalaliLong: '۱۰ آذر ۱۴۰۴',
      edition: 'ویرایش ۱۴۰۴/۰۹',
      verifyPath: `/verify/${code}`,
    });

    // Anyone may verify, and learns only this.
    const verified = await app.inject({ method: 'GET', url: `/api/verify/${code.toLowerCase().replace('-', '')}` });
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toEqual({
      valid: true,
      code,
      learner: 'رضا کریمی',
      course: COURSE_TITLE,
      issuedAt: '۱۴۰۴/۰۹/۱۰',
      edition: 'ویرایش ۱۴۰۴/۰۹',
      status: 'valid',
      statusLabel: 'معتبر',
      restsOn: 'ویرایش ۱۴۰۴/۰۹',
      validUntil: null,
    });
    expect(verified.body).not.toContain(COMPANY);
    expect(verified.body).not.toContain('reza.karimi');

    // Someone else cannot read it (not even that it exists).
    errorOf(await as(app, sara).get(`/api/certificates/${code}`), 404, 'certificate_not_found');
    errorOf(await as(app, sara).get(`/api/certificates/${code}/pdf`), 404, 'certificate_not_found');
  });

  it('resumes an attempt after the server and the database are closed and opened again', async () => {
    await app.close();
    const firstHandle = await openDatabase(t.options);
    app = await buildTrainingApp(firstHandle, now);
    reza = await signIn(app, 'reza.karimi', 'reza-password-1');
    const attempt = await start(reza);
    const [q1, q2] = attempt.questions;
    await as(app, reza).put(`/api/training/attempts/${attempt.id}/answers/${q1!.id}`, { answer: RIGHT[q1!.id] });
    await as(app, reza).put(`/api/training/attempts/${attempt.id}/answers/${q2!.id}`, { answer: WRONG[q2!.id] });
    // Changing one's mind replaces the answer.
    await as(app, reza).put(`/api/training/attempts/${attempt.id}/answers/${q2!.id}`, { answer: RIGHT[q2!.id] });
    await app.close();
    await firstHandle.close();

    const reopened = await openDatabase(t.options);
    try {
      app = await buildTrainingApp(reopened, now);
      // The session survived too: same cookie.
      const again = (await as(app, reza).get(`/api/training/attempts/${attempt.id}`)).json() as AttemptView;
      expect(again.questions).toEqual(attempt.questions);
      const normalized = (id: string) => (id === 'q-num' ? 15 : RIGHT[id]);
      expect(again.answers).toEqual({ [q1!.id]: normalized(q1!.id), [q2!.id]: normalized(q2!.id) });
      // Starting again resumes it rather than drawing a new one.
      expect((await start(reza)).id).toBe(attempt.id);
      const overview = (await as(app, reza).get(`/api/training/courses/${COURSE}/quiz`)).json();
      expect(overview).toMatchObject({ openAttemptId: attempt.id, attemptsLeft: 2 });
    } finally {
      await app.close();
      await reopened.close();
      app = await buildTrainingApp(t.handle, now);
    }
  });

  it('refuses answers after the deadline and grades what was saved before it', async () => {
    const attempt = await start(reza);
    const [q1, q2, q3] = attempt.questions;
    clock = START + 9 * MINUTE;
    await as(app, reza).put(`/api/training/attempts/${attempt.id}/answers/${q1!.id}`, { answer: RIGHT[q1!.id] });
    await as(app, reza).put(`/api/training/attempts/${attempt.id}/answers/${q2!.id}`, { answer: RIGHT[q2!.id] });
    clock = START + 10 * MINUTE; // the deadline itself is too late
    errorOf(await as(app, reza).put(`/api/training/attempts/${attempt.id}/answers/${q3!.id}`, { answer: RIGHT[q3!.id] }), 409, 'time_up');
    clock = START + 12 * MINUTE;
    const graded = (await as(app, reza).get(`/api/training/attempts/${attempt.id}`)).json() as AttemptView;
    expect(graded.submittedAt).toBe(new Date(START + 10 * MINUTE).toISOString());
    expect(graded.result).toMatchObject({ correct: 2, total: 4, score: 50, passed: false });
    expect(Object.keys(graded.answers).sort()).toEqual([q1!.id, q2!.id].sort());
    errorOf(await as(app, reza).put(`/api/training/attempts/${attempt.id}/answers/${q3!.id}`, { answer: RIGHT[q3!.id] }), 409, 'attempt_closed');
    // A submit after the deadline is the same grading, not a second one.
    expect((await submit(reza, attempt.id)).result).toEqual(graded.result);
  });

  it('grades once when the same submit arrives five times at once', async () => {
    const attempt = await start(reza);
    await answerAll(reza, attempt, RIGHT);
    const results = await Promise.all(Array.from({ length: 5 }, () => as(app, reza).post(`/api/training/attempts/${attempt.id}/submit`)));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const bodies = results.map((r) => r.json() as AttemptView);
    expect(new Set(bodies.map((b) => b.submittedAt)).size).toBe(1);
    expect(new Set(bodies.map((b) => JSON.stringify(b.result))).size).toBe(1);
    clock += MINUTE;
    // A replayed submit later still returns the first grading.
    expect((await submit(reza, attempt.id)).submittedAt).toBe(bodies[0]!.submittedAt);
    const rows = await t.db.selectFrom('quiz_attempts').select(['submitted_at', 'score']).execute();
    expect(rows).toEqual([{ submitted_at: START, score: 100 }]);
  });

  it('starts one attempt when five starts race, and never more than the limit', async () => {
    const racing = await Promise.all(Array.from({ length: 5 }, () => as(app, reza).post(`/api/training/courses/${COURSE}/attempts`)));
    expect(racing.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(racing.map((r) => (r.json() as AttemptView).id)).size).toBe(1);
    for (let n = 1; n <= 3; n++) {
      const attempt = n === 1 ? (racing[0]!.json() as AttemptView) : await start(reza);
      expect(attempt.number).toBe(n);
      await submit(reza, attempt.id); // nothing answered: a fail
    }
    errorOf(await as(app, reza).post(`/api/training/courses/${COURSE}/attempts`), 409, 'no_attempts_left');
    expect(await t.db.selectFrom('quiz_attempts').select('number').orderBy('number').execute()).toEqual([{ number: 1 }, { number: 2 }, { number: 3 }]);
  });

  it('never stores an answer after the grading it raced with', async () => {
    for (let round = 0; round < 5; round++) {
      await t.reset();
      await t.db.insertInto('users').values(seed).execute();
      reza = await signIn(app, 'reza.karimi', 'reza-password-1');
      const attempt = await start(reza);
      const saves = attempt.questions.map((q) => as(app, reza).put(`/api/training/attempts/${attempt.id}/answers/${q.id}`, { answer: RIGHT[q.id] }));
      const [graded, ...saved] = await Promise.all([as(app, reza).post(`/api/training/attempts/${attempt.id}/submit`), ...saves]);
      const accepted = saved.filter((r) => r.statusCode === 200).length;
      saved.filter((r) => r.statusCode !== 200).forEach((r) => errorOf(r, 409, 'attempt_closed'));
      // Every answer the server said it saved was graded, and no refused one was stored.
      expect((graded.json() as AttemptView).result!.correct).toBe(accepted);
      expect(await t.db.selectFrom('quiz_answers').select('question_id').execute()).toHaveLength(accepted);
    }
  });

  it("answers 404 for someone else's attempt, whatever they try", async () => {
    const attempt = await start(reza);
    const q = attempt.questions[0]!;
    errorOf(await as(app, sara).get(`/api/training/attempts/${attempt.id}`), 404, 'attempt_not_found');
    errorOf(await as(app, sara).put(`/api/training/attempts/${attempt.id}/answers/${q.id}`, { answer: RIGHT[q.id] }), 404, 'attempt_not_found');
    errorOf(await as(app, sara).post(`/api/training/attempts/${attempt.id}/submit`), 404, 'attempt_not_found');
    expect(await t.db.selectFrom('quiz_answers').selectAll().execute()).toEqual([]);
    expect((await t.db.selectFrom('quiz_attempts').select('submitted_at').executeTakeFirstOrThrow()).submitted_at).toBeNull();
  });

  it('refuses an answer of the right JSON kind that is still wrong for its question, of every type', async () => {
    // A quiz that draws all five questions, so no type depends on the random draw.
    const whole = await buildTrainingApp(t.handle, now, undefined, undefined, testCatalog({ draw: QUIZ.questions.length }));
    try {
      const learner = await signIn(whole, 'reza.karimi', 'reza-password-1');
      const res = await as(whole, learner).post(`/api/training/courses/${COURSE}/attempts`);
      expect(res.statusCode, res.body).toBe(200);
      const attempt = res.json() as AttemptView;
      expect(attempt.questions.map((q) => q.type).sort()).toEqual(['multiple', 'numeric', 'ordering', 'single', 'true-false']);
      // An option the question lacks, a word for a number, a repeated option.
      const invalidFor: Record<string, unknown> = { single: 'z', multiple: ['z'], 'true-false': 'درست', numeric: 'پانزده', ordering: ['a', 'a', 'b'] };
      for (const q of attempt.questions) {
        errorOf(await as(whole, learner).put(`/api/training/attempts/${attempt.id}/answers/${q.id}`, { answer: invalidFor[q.type] }), 400, 'invalid_answer');
      }
      expect(await t.db.selectFrom('quiz_answers').selectAll().execute()).toEqual([]);
    } finally {
      await whole.close();
    }
  });

  it('never draws a question whose cited clause was repealed, and draws the rest when fewer than draw remain', async () => {
    const retired = ['q-single', 'q-num'];
    const trimmed = await buildTrainingApp(t.handle, now, undefined, undefined, testCatalog({ retiredQuestions: retired }));
    try {
      const learner = await signIn(trimmed, 'reza.karimi', 'reza-password-1');
      const res = await as(trimmed, learner).post(`/api/training/courses/${COURSE}/attempts`);
      expect(res.statusCode, res.body).toBe(200);
      // Five questions, two retired: the three left are all drawn, though draw is four.
      expect((res.json() as AttemptView).questions.map((q) => q.id).sort()).toEqual(['q-multi', 'q-order', 'q-tf']);
    } finally {
      await trimmed.close();
    }
  });

  it('refuses bad input with a 4xx and a Persian message, storing nothing', async () => {
    const attempt = await start(reza);
    const url = (questionId: string) => `/api/training/attempts/${attempt.id}/answers/${questionId}`;
    const r = as(app, reza);

    // Wrong types, named.
    const multi = attempt.questions.find((q) => q.type === 'multiple' || q.type === 'ordering')!;
    expect(errorOf(await r.put(url(multi.id), { answer: 'a' }), 400, 'invalid_answer').fields).toEqual(['answer']);
    const single = attempt.questions.find((q) => q.type === 'single' || q.type === 'numeric' || q.type === 'true-false')!;
    errorOf(await r.put(url(single.id), { answer: { $gt: '' } }), 400, 'invalid_answer');
    expect(errorOf(await r.put(url(single.id), { answr: 'b' }), 400, 'invalid_body').message).toContain('«پاسخ»');
    errorOf(await r.put(url(single.id), ['b']), 400, 'invalid_body');
    errorOf(await app.inject({ method: 'PUT', url: url(single.id), headers: { cookie: reza.cookie, 'x-csrf-token': reza.csrf, 'content-type': 'application/json' }, payload: '{"answer":' }), 400, 'invalid_json');

    // Unknown ids.
    const notDrawn = QUIZ.questions.find((q) => !attempt.questions.some((d) => d.id === q.id))!;
    errorOf(await r.put(url(notDrawn.id), { answer: RIGHT[notDrawn.id] }), 400, 'unknown_question');
    errorOf(await r.put(url('no-such-question'), { answer: 'a' }), 400, 'unknown_question');
    errorOf(await r.put(`/api/training/attempts/00000000-0000-4000-8000-000000000000/answers/q-single`, { answer: 'b' }), 404, 'attempt_not_found');
    errorOf(await r.put(`/api/training/attempts/not-a-uuid/answers/q-single`, { answer: 'b' }), 404, 'attempt_not_found');
    errorOf(await r.get(`/api/training/courses/no-such-course/quiz`), 404, 'course_not_found');
    errorOf(await r.post(`/api/training/courses/customer-conduct/attempts`), 404, 'quiz_not_found');
    errorOf(await r.post('/api/training/lessons/open', { course: COURSE, lesson: 'meter-reading/99-nothing' }), 404, 'lesson_not_found');
    errorOf(await r.post('/api/training/lessons/open', { course: 'nope', lesson: LESSONS[0] }), 404, 'course_not_found');
    expect(errorOf(await r.post('/api/training/lessons/open', { course: COURSE, lesson: 7 }), 400, 'invalid_body').fields).toEqual(['lesson']);
    expect(errorOf(await r.post('/api/training/lessons/open', { lesson: LESSONS[0] }), 400, 'invalid_body').fields).toEqual(['course']);

    // Oversized bodies: 413 before anything is parsed.
    errorOf(await r.put(url(single.id), { answer: 'x'.repeat(17 * 1024) }), 413, 'body_too_large');

    // No CSRF token, or a stale one; not signed in.
    errorOf(await app.inject({ method: 'PUT', url: url(single.id), headers: { cookie: reza.cookie }, payload: { answer: RIGHT[single.id] } }), 403, 'csrf_failed');
    errorOf(await app.inject({ method: 'POST', url: `/api/training/attempts/${attempt.id}/submit`, headers: { cookie: reza.cookie, 'x-csrf-token': sara.csrf } }), 403, 'csrf_failed');
    errorOf(await app.inject({ method: 'POST', url: `/api/training/courses/${COURSE}/attempts` }), 401, 'not_signed_in');
    errorOf(await app.inject({ method: 'GET', url: '/api/training/me' }), 401, 'not_signed_in');

    // None of it stored anything.
    expect(await t.db.selectFrom('quiz_answers').selectAll().execute()).toEqual([]);
    expect(await t.db.selectFrom('lesson_views').selectAll().execute()).toEqual([]);
    expect(await t.db.selectFrom('quiz_attempts').select('submitted_at').execute()).toEqual([{ submitted_at: null }]);

    // After submitting, answers are refused; the replayed submit changes nothing.
    await submit(reza, attempt.id);
    errorOf(await r.put(url(single.id), { answer: RIGHT[single.id] }), 409, 'attempt_closed');
    expect(await t.db.selectFrom('quiz_answers').selectAll().execute()).toEqual([]);

    // Certificate codes: malformed (wrong length, a look-alike, a wrong check character) vs unknown.
    errorOf(await app.inject({ method: 'GET', url: '/api/verify/ABC' }), 400, 'invalid_code');
    errorOf(await app.inject({ method: 'GET', url: '/api/verify/ABCDE-FGHJ0' }), 400, 'invalid_code');
    const someCode = newCertificateCode(); // well formed, never issued
    const at = [...someCode].findIndex((c, i) => c !== someCode[i + 1]);
    const swapped = someCode.slice(0, at) + someCode[at + 1] + someCode[at] + someCode.slice(at + 2);
    errorOf(await app.inject({ method: 'GET', url: `/api/verify/${swapped}` }), 400, 'invalid_code');
    errorOf(await app.inject({ method: 'GET', url: `/api/verify/${someCode}` }), 404, 'certificate_not_found');
  });

  it('reports completion per course and company, learners, and the hardest questions, as JSON and CSV', async () => {
    const naser = await signIn(app, 'naser.supervisor', 'naser-password-1');
    // Reza completes; Sara fails once.
    for (const lesson of LESSONS) await openLesson(reza, lesson);
    clock += STUDY_MS;
    const passed = await start(reza);
    await answerAll(reza, passed, RIGHT);
    await submit(reza, passed.id);
    const failed = await start(sara);
    await answerAll(sara, failed, WRONG);
    await submit(sara, failed.id);

    errorOf(await as(app, reza).get('/api/reports/courses'), 403, 'forbidden');
    errorOf(await as(app, naser).get('/api/reports/learners?course=nope'), 404, 'course_not_found');

    const courses = (await as(app, naser).get('/api/reports/courses')).json().rows as Record<string, unknown>[];
    expect(courses.filter((r) => r.course === COURSE)).toEqual([
      { course: COURSE, courseTitle: COURSE_TITLE, company: 'همه', learners: 2, attempted: 2, passed: 1, completed: 1, passRate: 50, completionRate: 50 },
      expect.objectContaining({ company: 'شرکت "برق‌آوران", شعبهٔ ۲', learners: 1, passed: 0, passRate: 0, completionRate: 0 }),
      expect.objectContaining({ company: COMPANY, learners: 1, passed: 1, passRate: 100, completionRate: 100 }),
    ]);

    const learners = (await as(app, naser).get(`/api/reports/learners?course=${COURSE}`)).json().rows as Record<string, unknown>[];
    expect(learners.find((r) => r.username === 'reza.karimi')).toMatchObject({ attempts: 1, bestScore: 100, passed: true, completed: true, lessonsOpened: 2, lastActivity: '1404/09/10' });
    expect(learners.find((r) => r.username === 'sara.ahmadi')).toMatchObject({ attempts: 1, bestScore: 0, passed: false, completed: false, certificateCode: null });

    const questions = (await as(app, naser).get(`/api/reports/questions?course=${COURSE}`)).json().rows as Record<string, unknown>[];
    expect(questions).toHaveLength(QUIZ.questions.length);
    const rates = questions.map((q) => (q.correctRate as number | null) ?? 101);
    expect(rates).toEqual([...rates].sort((a, b) => a - b));
    const bothDrew = questions.filter((q) => q.answered === 2);
    bothDrew.forEach((q) => expect(q).toMatchObject({ correct: 1, correctRate: 50 }));

    const csv = await as(app, naser).get('/api/reports/courses?format=csv');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toContain('attachment');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('شناسهٔ دوره,دوره,شرکت,فراگیران,آزمون‌داده,قبول‌شده,دورهٔ کامل,درصد قبولی,درصد تکمیل');
    expect(lines).toContain(`${COURSE},${COURSE_TITLE},"شرکت ""برق‌آوران"", شعبهٔ ۲",1,1,0,0,0,0`);
    expect(lines).toContain(`${COURSE},${COURSE_TITLE},همه,2,2,1,1,50,50`);
    expect(lines.at(-1)).toBe('');
    const learnersCsv = (await as(app, naser).get(`/api/reports/learners?course=${COURSE}&format=csv`)).body;
    expect(learnersCsv).toMatch(/\r\nmeter-reading,[^\r\n]*,رضا کریمی,reza\.karimi,[^\r\n]*,2,2,1,100,بله,بله,[2-9A-Z]{5}-[2-9A-Z]{5},1404\/09\/10\r\n/);
  });
});

describe.each(dialects.slice(0, 1))('certificate PDF on $name', (t) => {
  it('prints an A4 landscape PDF with Vazirmatn embedded and the verification address', async () => {
    let clock = START;
    await t.reset();
    const [user] = await Promise.all([userRowFor({ username: 'reza.karimi', password: 'reza-password-1', displayName: 'رضا کریمی', role: 'contractor', company: COMPANY }, START)]);
    await t.db.insertInto('users').values(user!).execute();
    const pdf = createCertificatePdfRenderer();
    const app = await buildTrainingApp(t.handle, () => clock, pdf);
    try {
      const reza = await signIn(app, 'reza.karimi', 'reza-password-1');
      for (const lesson of LESSONS) {
        await as(app, reza).page(lesson);
        await as(app, reza).post('/api/training/lessons/open', { course: COURSE, lesson });
      }
      clock += STUDY_MS;
      const attempt = (await as(app, reza).post(`/api/training/courses/${COURSE}/attempts`)).json() as AttemptView;
      for (const q of attempt.questions) await as(app, reza).put(`/api/training/attempts/${attempt.id}/answers/${q.id}`, { answer: RIGHT[q.id] });
      await as(app, reza).post(`/api/training/attempts/${attempt.id}/submit`);
      const code = ((await as(app, reza).get('/api/training/me')).json() as { certificates: { code: string }[] }).certificates[0]!.code;
      const res = await app.inject({ method: 'GET', url: `/api/certificates/${code}/pdf`, headers: { cookie: reza.cookie, host: 'evil.example', 'x-forwarded-host': 'evil.example' } });
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="certificate-${code}.pdf"`);
      const text = res.rawPayload.toString('latin1');
      expect(text.startsWith('%PDF-')).toBe(true);
      expect(text).toMatch(/\/FontName \/[A-Z]{6}\+Vazirmatn-Regular/);
      expect(text).toMatch(/\/FontName \/[A-Z]{6}\+Vazirmatn-Bold/);
      // A4 landscape: 297 × 210 mm = 841.9 × 595 points.
      expect(text).toMatch(/\/MediaBox \[0 0 841\.9\d* 59[45]\.\d+\]/);
      // The text as a reader (or a screen reader) gets it back: shaped Persian with its ToUnicode maps.
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'ayin-cert-')), 'certificate.pdf');
      writeFileSync(file, res.rawPayload);
      const extracted = pdfText(file);
      // (pdftotext moves a combining hamza «ٔ» and colons around; what it keeps intact is checked.)
      for (const expected of ['بدین‌وسیله گواهی می‌شود', 'رضا کریمی', COMPANY, `«${COURSE_TITLE}»`, 'آذر ۱۴۰۴', 'ویرایش ۱۴۰۴/۰۹', `${TEST_ORIGIN}/verify/${code}`]) {
        expect(extracted).toContain(expected);
      }
      // The QR code, as a phone would read it from the printed page: the configured origin, not the forged Host.
      expect(qrCodesOn(file)).toEqual([`${TEST_ORIGIN}/verify/${code}`]);
      expect(extracted).not.toContain('evil.example');
    } finally {
      await app.close();
    }
  }, 60_000);
});
