/**
 * xAPI statements from the training API to a real local LRS (`lrs-receiver.ts`), on SQLite and
 * PostgreSQL: the shape of what arrives, an LRS down then up, 500s and timeouts backing off, a
 * second server taking over a queue its predecessor died sending, a hung LRS never reaching the
 * learner, and nothing queued when no LRS is configured.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { userRowFor } from '../../accounts/users';
import { readConfig, ConfigError } from '../../config';
import { openDatabase } from '../../db/open';
import { testDatabases } from '../../db/__tests__/test-databases';
import type { UserRow } from '../../db/schema';
import { as, buildTrainingApp, COURSE, COURSE_TITLE, LESSONS, RIGHT, signIn, STUDY_MS, TEST_ORIGIN, WRONG, type Caller } from '../../training/__tests__/fixture';
import type { AttemptView } from '../../training/service';
import { lrsTransport } from '../lrs';
import { createLearningRecorder, sendDueStatements, XAPI_BACKOFF, xapiQueueStatus } from '../outbox';
import { ADL_VERBS } from '../statement-schema';
import { LRS_PASSWORD, LRS_USER, startTestLrs, type TestLrs } from './lrs-receiver';

const dialects = testDatabases();
const START = Date.UTC(2025, 11, 1, 8, 0, 0); // 1404/09/10 in Tehran: edition 1404-09 in force
const PER_LEARNER = 5; // attempted, failed, attempted, passed, completed

describe.each(dialects)('xAPI statements on $name', (t) => {
  let app: FastifyInstance;
  let lrs: TestLrs;
  let clock: number;
  const now = () => clock;
  let seed: UserRow[];
  const transport = (timeoutMs = 2000) => lrsTransport({ endpoint: lrs.endpoint, auth: { username: LRS_USER, password: LRS_PASSWORD }, timeoutMs });

  beforeAll(async () => {
    lrs = await startTestLrs();
    seed = await Promise.all([
      userRowFor({ username: 'reza.karimi', password: 'reza-password-1', displayName: 'رضا کریمی', role: 'contractor', company: 'شرکت نمونه نور' }, START),
      userRowFor({ username: 'sara.ahmadi', password: 'sara-password-1', displayName: 'سارا احمدی', role: 'contractor', company: 'شرکت نمونه نور' }, START),
    ]);
  });
  afterAll(() => lrs.stop());

  beforeEach(async () => {
    clock = START;
    await t.reset();
    await t.db.deleteFrom('xapi_outbox').execute();
    await t.db.insertInto('users').values(seed).execute();
    lrs.stored.clear();
    lrs.invalid.length = 0;
    lrs.posts = 0;
    lrs.duplicates = 0;
    lrs.mode = 'accept';
    app = await buildTrainingApp(t.handle, now, undefined, undefined, undefined, { xapi: createLearningRecorder(TEST_ORIGIN) });
  });
  afterEach(async () => {
    lrs.release();
    await app.close();
  });

  /** Both lessons studied, a failed attempt, a passed one: five statements. */
  async function learn(who: Caller): Promise<AttemptView> {
    const r = as(app, who);
    for (const lesson of LESSONS) {
      expect((await r.page(lesson)).statusCode).toBe(200);
      expect((await r.post('/api/training/lessons/open', { course: COURSE, lesson })).statusCode).toBe(200);
    }
    clock += STUDY_MS + 1;
    let last: AttemptView | undefined;
    for (const answers of [WRONG, RIGHT]) {
      const attempt = (await r.post(`/api/training/courses/${COURSE}/attempts`)).json() as AttemptView;
      clock += 1000;
      for (const q of attempt.questions) expect((await r.put(`/api/training/attempts/${attempt.id}/answers/${q.id}`, { answer: answers[q.id] })).statusCode).toBe(200);
      const submitted = await r.post(`/api/training/attempts/${attempt.id}/submit`);
      expect(submitted.statusCode, submitted.body).toBe(200);
      last = submitted.json() as AttemptView;
      clock += 1000;
    }
    return last!;
  }
  const outboxRows = () => t.db.selectFrom('xapi_outbox').selectAll().orderBy('created_at').execute();

  it('sends attempts, the pass and the completion as valid xAPI 1.0.3, by account, with the edition, once', async () => {
    const reza = await signIn(app, 'reza.karimi', 'reza-password-1');
    await learn(reza);
    expect(await sendDueStatements(t.db, transport(), clock)).toEqual({ sent: PER_LEARNER, failed: 0 });
    expect(lrs.invalid).toEqual([]);
    // By time; the completion shares the pass's instant and comes after it.
    const stored = [...lrs.stored.values()].sort((a, b) => a.timestamp.localeCompare(b.timestamp) || Number(a.verb.id === ADL_VERBS.completed) - Number(b.verb.id === ADL_VERBS.completed));
    expect(stored.map((s) => s.verb.id)).toEqual([ADL_VERBS.attempted, ADL_VERBS.failed, ADL_VERBS.attempted, ADL_VERBS.passed, ADL_VERBS.completed]);
    for (const s of stored) {
      expect(s.actor).toEqual({ objectType: 'Agent', name: 'رضا کریمی', account: { homePage: `${TEST_ORIGIN}/`, name: 'reza.karimi' } });
      expect(JSON.stringify(s)).not.toMatch(/mbox|mailto/);
      expect(s.context.contextActivities.grouping[0]!.id).toBe(`${TEST_ORIGIN}/editions/1404-09`);
      expect(s.context.extensions[`${TEST_ORIGIN}/xapi/extensions/edition`]).toBe('1404-09');
    }
    expect(stored[1]!.object.id).toBe(`${TEST_ORIGIN}/courses/${COURSE}/quiz`);
    expect(stored[1]!.result).toEqual({ score: { scaled: 0, raw: 0, min: 0, max: 100 }, success: false, completion: true });
    expect(stored[3]!.result).toMatchObject({ score: { scaled: 1, raw: 100 }, success: true });
    expect(stored[4]!.object).toEqual({ objectType: 'Activity', id: `${TEST_ORIGIN}/courses/${COURSE}`, definition: { type: 'http://adlnet.gov/expapi/activities/course', name: { 'fa-IR': COURSE_TITLE } } });
    expect(stored[1]!.context.contextActivities.parent?.[0]!.id).toBe(`${TEST_ORIGIN}/courses/${COURSE}`);
    // The row's id is the statement's id.
    expect(new Set((await outboxRows()).map((r) => r.id))).toEqual(new Set(lrs.stored.keys()));
    expect(await sendDueStatements(t.db, transport(), clock + 3600_000)).toEqual({ sent: 0, failed: 0 });
    expect(lrs.posts).toBe(1);
  });

  it('keeps statements while the LRS is down, says why, and delivers each once when it is back', async () => {
    await lrs.stop();
    await learn(await signIn(app, 'reza.karimi', 'reza-password-1'));
    expect(await sendDueStatements(t.db, transport(), clock)).toEqual({ sent: 0, failed: PER_LEARNER });
    const status = await xapiQueueStatus(t.db);
    expect(status).toMatchObject({ sent: 0, pending: PER_LEARNER, failing: PER_LEARNER, lastFailedAt: clock, nextAttemptAt: clock + XAPI_BACKOFF.baseMs });
    expect(status.lastError).toMatch(/^اتصال به سامانهٔ LRS ممکن نشد \(ECONNREFUSED\)/);
    await lrs.start();
    expect(await sendDueStatements(t.db, transport(), clock + XAPI_BACKOFF.baseMs - 1)).toEqual({ sent: 0, failed: 0 });
    expect(await sendDueStatements(t.db, transport(), clock + XAPI_BACKOFF.baseMs)).toEqual({ sent: PER_LEARNER, failed: 0 });
    expect(lrs.stored.size).toBe(PER_LEARNER);
    expect(lrs.duplicates).toBe(0);
    expect(await xapiQueueStatus(t.db)).toMatchObject({ sent: PER_LEARNER, pending: 0, failing: 0, lastError: null });
  });

  it('backs off after 500s and timeouts, doubling, and sends when the LRS answers', async () => {
    await learn(await signIn(app, 'reza.karimi', 'reza-password-1'));
    const t0 = clock;
    const base = XAPI_BACKOFF.baseMs;
    lrs.mode = 'error-500';
    expect((await sendDueStatements(t.db, transport(), t0)).failed).toBe(PER_LEARNER);
    expect((await xapiQueueStatus(t.db)).lastError).toBe('سامانهٔ LRS پاسخ 500 داد: {"error":"database unavailable"}');
    await sendDueStatements(t.db, transport(), t0 + base - 1);
    expect(lrs.posts).toBe(1); // not due yet: nothing asked
    await sendDueStatements(t.db, transport(), t0 + base);
    expect(lrs.posts).toBe(2);
    // Second failure: twice the delay.
    await sendDueStatements(t.db, transport(), t0 + base + 2 * base - 1);
    expect(lrs.posts).toBe(2);
    lrs.mode = 'hang';
    const started = Date.now();
    expect((await sendDueStatements(t.db, transport(200), t0 + 3 * base)).failed).toBe(PER_LEARNER);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(lrs.posts).toBe(3);
    const status = await xapiQueueStatus(t.db);
    expect(status.lastError).toBe('سامانهٔ LRS در ۰٫۲ ثانیه پاسخ نداد');
    expect(status.nextAttemptAt).toBe(t0 + 3 * base + 4 * base);
    lrs.release();
    lrs.mode = 'accept';
    expect(await sendDueStatements(t.db, transport(), t0 + 7 * base)).toEqual({ sent: PER_LEARNER, failed: 0 });
    expect(lrs.stored.size).toBe(PER_LEARNER);
    expect((await outboxRows()).map((r) => Number(r.attempts))).toEqual(Array(PER_LEARNER).fill(3));
  });

  it('a server restarted mid-queue resends what its predecessor left unacknowledged: nothing lost, nothing stored twice', async () => {
    await learn(await signIn(app, 'reza.karimi', 'reza-password-1'));
    await learn(await signIn(app, 'sara.ahmadi', 'sara-password-1'));
    const total = 2 * PER_LEARNER;
    // The first server's sender: the LRS stores its batch but the answer never comes back (it "dies").
    lrs.mode = 'store-then-hang';
    const dying = sendDueStatements(t.db, transport(30_000), clock, { batch: 4 });
    for (let i = 0; i < 200 && lrs.stored.size < 4; i++) await new Promise((r) => setTimeout(r, 10));
    expect(lrs.stored.size).toBe(4);
    // The restarted server: its own connection to the same database, after the lease ran out.
    const restarted = await openDatabase(t.options);
    try {
      lrs.mode = 'accept';
      const later = clock + 120_001;
      expect(await sendDueStatements(restarted.db, transport(), later, { batch: 4 })).toEqual({ sent: 4, failed: 0 });
      expect(await sendDueStatements(restarted.db, transport(), later, { batch: 4 })).toEqual({ sent: 4, failed: 0 });
      expect(await sendDueStatements(restarted.db, transport(), later, { batch: 4 })).toEqual({ sent: 2, failed: 0 });
      expect(lrs.stored.size).toBe(total);
      // The four the first server sent came again with the same ids: the LRS kept one copy each.
      expect(lrs.duplicates).toBe(4);
      lrs.release();
      await dying;
      expect(lrs.stored.size).toBe(total);
      expect((await outboxRows()).every((r) => r.sent_at !== null)).toBe(true);
    } finally {
      await restarted.close();
    }
  });

  it('a hung LRS changes nothing for the learner: the submit answers while a send is stuck', async () => {
    lrs.mode = 'hang';
    await t.db.insertInto('xapi_outbox').values({ id: '00000000-0000-4000-8000-000000000000', key: 'seed', user_id: null, verb: 'attempted', statement: '{}', created_at: clock, attempts: 0, next_attempt_at: clock, sent_at: null, last_error: null, last_failed_at: null }).execute();
    let sending = true;
    const stuck = sendDueStatements(t.db, transport(30_000), clock).finally(() => (sending = false));
    for (let i = 0; i < 200 && lrs.hanging() < 1; i++) await new Promise((r) => setTimeout(r, 10));
    expect(lrs.hanging()).toBe(1);
    const started = Date.now();
    const result = await learn(await signIn(app, 'reza.karimi', 'reza-password-1'));
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(sending).toBe(true); // the send was still waiting on the LRS all along
    expect(result.result).toMatchObject({ passed: true, score: 100 });
    expect((await outboxRows()).filter((r) => r.sent_at === null)).toHaveLength(PER_LEARNER + 1);
    lrs.release();
    await stuck;
  });

  it('queues nothing when no LRS is configured', async () => {
    const plain = await buildTrainingApp(t.handle, now);
    try {
      const reza = await signIn(plain, 'reza.karimi', 'reza-password-1');
      const previous = app;
      app = plain;
      await learn(reza);
      app = previous;
      expect(await outboxRows()).toEqual([]);
    } finally {
      await plain.close();
    }
  });
});

describe('XAPI_ENDPOINT and XAPI_AUTH in the configuration', () => {
  const base = { PUBLIC_URL: 'https://ayin.example' };
  it('reads the endpoint and the Basic credentials once', () => {
    expect(readConfig({ ...base, XAPI_ENDPOINT: 'https://lrs.example/xapi', XAPI_AUTH: 'key:se:cret' }).xapi).toEqual({ endpoint: 'https://lrs.example/xapi/', auth: { username: 'key', password: 'se:cret' } });
    expect(readConfig(base).xapi).toBeUndefined();
  });
  it('names the setting when it is wrong, without the credentials', () => {
    expect(() => readConfig({ ...base, XAPI_ENDPOINT: 'lrs.example' })).toThrow(/XAPI_ENDPOINT must start with http/);
    expect(() => readConfig({ XAPI_ENDPOINT: 'https://lrs.example/' })).toThrow(/PUBLIC_URL is not/);
    expect(() => readConfig({ ...base, XAPI_AUTH: 'k:s' })).toThrow(ConfigError);
    expect(() => readConfig({ ...base, XAPI_ENDPOINT: 'https://lrs.example/', XAPI_AUTH: 'nocolon' })).toThrow(/XAPI_AUTH must be "key:secret"/);
  });
});
