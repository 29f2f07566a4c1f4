/**
 * The zero-result report reads what the real search log wrote (createZeroResultsLog, with an
 * injected clock, rotated files included): counted per normalised query, newest first, then
 * most asked; torn lines skipped; editors, approvers and supervisors see it, learners do not.
 */
import { appendFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAccountRoutes } from '../../accounts/routes';
import { userRowFor } from '../../accounts/users';
import { testDatabases } from '../../db/__tests__/test-databases';
import { createZeroResultsLog } from '../../search/zero-results';
import { as, signIn } from '../../training/__tests__/fixture';
import { EDITING_ROLES } from '../../../src/api/editorial';
import { readZeroResults, registerZeroResultReport, ZERO_RESULT_READERS } from '../zero-results';

const [sqlite] = testDatabases();
const DAY = 86_400_000;
const T0 = Date.UTC(2025, 11, 1, 9);

describe('zero-result search report', () => {
  let dataDir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'ayin-zero-'));
    let clock = T0;
    // A small file limit makes the log rotate, so the report must read the rotated files too.
    const log = createZeroResultsLog({ dataDir, now: () => clock, limits: { maxLinesPerFile: 3, perAddress: { max: 1000, windowMs: 60_000 } } });
    const ask = (query: string) => expect(log.record('10.0.0.1', { query })).toEqual({ kind: 'recorded' });
    ask('جریمه تجاوز از قدرت');
    ask('جريمه تجاوز از قدرت'); // Arabic ي: the same query once normalised
    ask('انشعاب موقت کارگاهی');
    clock += DAY;
    ask('تعرفه برق چاه کشاورزی');
    ask('انشعاب موقت کارگاهی');
    ask('انشعاب موقت کارگاهی');
    clock += DAY;
    ask('مهلت پروانه ساختمان');
    await log.close();
    expect(readdirSync(dataDir).sort()).toEqual(['zero-results.1.jsonl', 'zero-results.2.jsonl', 'zero-results.jsonl']);
    appendFileSync(path.join(dataDir, 'zero-results.jsonl'), '{"at":"2025-12-0'); // torn last line

    await sqlite!.reset();
    await sqlite!.db
      .insertInto('users')
      .values([
        await userRowFor({ username: 'zahra.editor', password: 'editor-password-1', displayName: 'زهرا ویراستار', role: 'editor', company: null }, T0),
        await userRowFor({ username: 'amir.approver', password: 'approver-password-1', displayName: 'امیر تأییدکننده', role: 'approver', company: null }, T0),
        await userRowFor({ username: 'maryam.super', password: 'supervisor-password-1', displayName: 'مریم ناظر', role: 'supervisor', company: null }, T0),
        await userRowFor({ username: 'reza.karimi', password: 'reza-password-1', displayName: 'رضا کریمی', role: 'contractor', company: 'شرکت نور' }, T0),
      ])
      .execute();
    app = Fastify({ logger: false });
    const guards = await registerAccountRoutes(app, { db: sqlite!.db, secureCookies: false });
    await registerZeroResultReport(app, { dataDir, guards });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('counts each query across rotated files, newest first, then most asked', () => {
    expect(readZeroResults(dataDir)).toEqual([
      { query: 'مهلت پروانه ساختمان', count: 1, firstSeen: '2025-12-03', lastSeen: '2025-12-03' },
      { query: 'انشعاب موقت کارگاهی', count: 3, firstSeen: '2025-12-01', lastSeen: '2025-12-02' },
      { query: 'تعرفه برق چاه کشاورزی', count: 1, firstSeen: '2025-12-02', lastSeen: '2025-12-02' },
      { query: 'جریمه تجاوز از قدرت', count: 2, firstSeen: '2025-12-01', lastSeen: '2025-12-01' },
    ]);
    expect(readZeroResults(dataDir, { from: '2025-12-02', to: '2025-12-02' }).map((r) => [r.query, r.count])).toEqual([
      ['انشعاب موقت کارگاهی', 2],
      ['تعرفه برق چاه کشاورزی', 1],
    ]);
    expect(readZeroResults(path.join(dataDir, 'missing'))).toEqual([]);
  });

  it('is served to editors, approvers and supervisors, refused to a contractor and to nobody signed in', async () => {
    // The editors' dashboard (/editorial, for EDITING_ROLES) shows the report: the route must let each of them in.
    expect(EDITING_ROLES.filter((role) => !ZERO_RESULT_READERS.includes(role))).toEqual([]);
    for (const [user, password] of [['zahra.editor', 'editor-password-1'], ['amir.approver', 'approver-password-1'], ['maryam.super', 'supervisor-password-1']] as const) {
      const res = await as(app, await signIn(app, user, password)).get('/api/reports/zero-results');
      expect(res.statusCode, res.body).toBe(200);
      expect((res.json() as { rows: { query: string }[] }).rows.map((r) => r.query)[0]).toBe('مهلت پروانه ساختمان');
      expect(res.headers['cache-control']).toContain('no-store');
    }
    expect((await as(app, await signIn(app, 'reza.karimi', 'reza-password-1')).get('/api/reports/zero-results')).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/reports/zero-results' })).statusCode).toBe(401);
  });
});
