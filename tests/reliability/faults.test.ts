/**
 * Faults on the quiz path, each on the real server in its own process:
 * - the server SIGKILLed while learners answer: every acknowledged answer is there after a
 *   restart, and the attempts resume (answer the rest, submit, graded);
 * - PostgreSQL stopped under a running server: 503 with a Persian message (no 500, no stack),
 *   and answers are saved again once it is back, without restarting the server;
 * - the disk full under SQLite (a 2 MB tmpfs): the save is refused with a Persian message,
 *   the file passes integrity_check and the earlier answers are intact.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedLearners, someAnswer, type BenchLearner } from '../../scripts/lib/bench/api-load';
import { ensureTestPostgres, type TestPostgres } from '../../scripts/lib/postgres';
import { openDatabase, type DatabaseHandle } from '../../server/db/open';
import { startAyin, type AyinProcess, type DatabaseLocation } from './support/ayin-process';
import { reportFigure } from './support/figures';
import { answerConcurrently, lostAnswers, saveAnswer } from './support/learners';

const COURSE = 'meter-reading';
const dir = mkdtempSync(path.join(tmpdir(), 'ayin-reliability-faults-'));
let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await ensureTestPostgres();
});
afterAll(async () => {
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const PERSIAN = /[\u0600-\u06FF]{3}/;
const until = async (what: string, check: () => Promise<boolean>, timeoutMs = 30_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

/** Answers every question of an attempt and submits it: the attempt is usable. */
async function finishAttempt(origin: string, learner: BenchLearner) {
  for (const question of learner.questions) expect((await saveAnswer(origin, learner, question.id, someAnswer(question, 1))).status).toBe(200);
  const res = await fetch(`${origin}/api/training/attempts/${learner.attemptId}/submit`, { method: 'POST', headers: { cookie: learner.cookie, 'x-csrf-token': learner.csrf, 'content-type': 'application/json' }, body: '{}' });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { submittedAt: string | null; result: { total: number } | null };
  expect(body.submittedAt).not.toBeNull();
  expect(body.result?.total).toBe(learner.questions.length);
}

describe.each(['sqlite', 'postgres'] as const)('server killed mid-quiz on %s', (dialect) => {
  let location: DatabaseLocation;
  let handle: DatabaseHandle;
  let server: AyinProcess;

  beforeAll(async () => {
    location = { url: dialect === 'postgres' ? postgres.url : undefined, sqlitePath: path.join(dir, 'killed.sqlite') };
    handle = await openDatabase(location);
    server = await startAyin(location);
  });
  afterAll(async () => {
    await server?.stop();
    await handle?.close();
  });

  it('no acknowledged answer is lost and the attempts resume after a restart', async () => {
    const scenario = `server SIGKILLed mid-quiz, ${dialect}`;
    const learners = await seedLearners(handle.db, server.origin, COURSE, 20);
    let killed: Promise<void> | undefined;
    let acknowledgedAtKill = 0;
    const run = await answerConcurrently(server.origin, learners, 40, {
      onAcknowledged(total) {
        // Kill it while every learner is still answering.
        if (total === 150 && !killed) {
          acknowledgedAtKill = total;
          killed = server.kill();
        }
      },
    });
    await killed;
    expect(acknowledgedAtKill, 'the server was killed while answers were being saved').toBe(150);
    const refused = [...run.failures.values()].reduce((a, b) => a + b, 0);
    expect(refused, 'answers sent after the kill failed').toBeGreaterThan(0);
    const t0 = performance.now();
    await server.restart();
    reportFigure({ scenario, figure: 'restart until /api/health answers', value: performance.now() - t0, unit: 'ms' });
    const { lost, checked } = await lostAnswers(server.origin, run);
    reportFigure({ scenario, figure: 'acknowledged answers checked / lost', value: `${checked} / ${lost}` });
    reportFigure({ scenario, figure: 'answers in flight or after the kill (not acknowledged)', value: refused });
    expect(checked).toBeGreaterThanOrEqual(150 / 4); // at least the distinct questions answered before the kill
    expect(lost).toBe(0);
    // The same attempts, open, with the same questions: answer the rest and submit.
    for (const learner of learners) await finishAttempt(server.origin, learner);
    reportFigure({ scenario, figure: 'attempts resumed and submitted after restart', value: learners.length });
  });
});

describe('PostgreSQL stopped under a running server', () => {
  let handle: DatabaseHandle;
  let server: AyinProcess;
  beforeAll(async () => {
    // A database of its own on the same cluster: the learners of the test above are not in it.
    const url = new URL(postgres.url);
    const admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();
    await admin.query('create database ayin_outage');
    await admin.end();
    url.pathname = '/ayin_outage';
    const location = { url: url.toString(), sqlitePath: path.join(dir, 'unused.sqlite') };
    handle = await openDatabase(location);
    server = await startAyin(location);
  });
  afterAll(async () => {
    await postgres.resume?.().catch(() => undefined);
    await server?.stop();
    await handle?.close();
  });

  it('answers 503 with a Persian message while it is down, and recovers without a restart', async () => {
    const scenario = 'database unavailable, postgres';
    expect(postgres.pause, 'the private cluster can be stopped (TEST_DATABASE_URL servers cannot)').toBeDefined();
    const [learner] = await seedLearners(handle.db, server.origin, COURSE, 1);
    const [first, second] = learner!.questions;
    const before = someAnswer(first!, 0);
    expect((await saveAnswer(server.origin, learner!, first!.id, before)).status).toBe(200);

    await postgres.pause!();
    const t0 = performance.now();
    const down = await saveAnswer(server.origin, learner!, second!.id, someAnswer(second!, 0));
    reportFigure({ scenario, figure: 'answer while down: status', value: down.status });
    reportFigure({ scenario, figure: 'answer while down: time to the answer', value: performance.now() - t0, unit: 'ms' });
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ error: 'database_unavailable', message: expect.stringMatching(PERSIAN) });
    expect(JSON.stringify(down.body)).not.toMatch(/ECONNREFUSED|stack|\bat \w+ \(|postgres/i);
    // (`/api/auth/me` may still answer from the server's one-second session memory.)
    for (const url of ['/api/training/me', `/api/training/attempts/${learner!.attemptId}`]) {
      const res = await fetch(`${server.origin}${url}`, { headers: { cookie: learner!.cookie } });
      expect(res.status, url).toBe(503);
      expect(((await res.json()) as { message: string }).message, url).toMatch(PERSIAN);
    }

    await postgres.resume!();
    const t1 = performance.now();
    let status = 0;
    await until('the answer to be saved again', async () => (status = (await saveAnswer(server.origin, learner!, second!.id, someAnswer(second!, 0))).status) === 200);
    reportFigure({ scenario, figure: 'database back → first answer saved (same server process)', value: performance.now() - t1, unit: 'ms' });
    expect(status).toBe(200);
    const attempt = (await (await fetch(`${server.origin}/api/training/attempts/${learner!.attemptId}`, { headers: { cookie: learner!.cookie } })).json()) as { answers: Record<string, unknown> };
    expect(Object.keys(attempt.answers).sort()).toEqual([first!.id, second!.id].sort());
  });
});

describe('disk full under SQLite (a 2 MB tmpfs)', () => {
  const mountPoint = path.join(dir, 'tiny-disk');
  let server: AyinProcess | undefined;
  let filler: string;

  beforeAll(() => {
    expect(process.getuid?.(), 'mounting a tmpfs needs root').toBe(0);
    mkdirSync(mountPoint, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mountPoint]);
    filler = path.join(mountPoint, 'filler');
  });
  afterAll(async () => {
    await server?.stop();
    execFileSync('umount', ['-l', mountPoint]);
  });

  it('a save on a full disk is refused in Persian; the file is not corrupt and earlier answers are intact', async () => {
    const scenario = 'disk full on a save, sqlite';
    const location = { sqlitePath: path.join(mountPoint, 'ayin.sqlite') };
    const handle = await openDatabase(location);
    server = await startAyin(location);
    const [learner] = await seedLearners(handle.db, server.origin, COURSE, 1);
    await handle.close();
    const saved = new Map<string, unknown>();
    for (const [i, question] of learner!.questions.slice(0, 5).entries()) {
      const res = await saveAnswer(server.origin, learner!, question.id, someAnswer(question, i));
      expect(res.status).toBe(200);
      saved.set(question.id, (res.body as { answer: unknown }).answer);
    }
    // Fill what is left of the disk.
    const fd = openSync(filler, 'w');
    const block = Buffer.alloc(16 * 1024, 1);
    try {
      for (;;) writeSync(fd, block);
    } catch (error) {
      expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
    } finally {
      closeSync(fd);
    }
    // Keep saving (other answers, and changes to saved ones) until one is refused.
    let refused: { status: number; body: unknown } | undefined;
    let tries = 0;
    for (; tries < 200 && !refused; tries++) {
      const question = learner!.questions[5 + (tries % (learner!.questions.length - 5))]!;
      const res = await saveAnswer(server.origin, learner!, question.id, someAnswer(question, tries));
      if (res.status !== 200) refused = res;
    }
    reportFigure({ scenario, figure: 'saves accepted on the full disk before the first refusal', value: tries - 1 });
    expect(refused, 'a save was refused once the disk was full').toBeDefined();
    reportFigure({ scenario, figure: 'refused save: status', value: refused!.status });
    expect(refused!.status).toBe(503);
    expect(refused!.body).toMatchObject({ error: 'storage_full', message: expect.stringMatching(PERSIAN) });

    // Space again: the same server process saves again.
    unlinkSync(filler);
    const question = learner!.questions[5]!;
    expect((await saveAnswer(server.origin, learner!, question.id, someAnswer(question, 0))).status).toBe(200);
    await server.stop();
    server = undefined;

    const file = new SqliteDatabase(location.sqlitePath);
    try {
      expect(file.pragma('integrity_check', { simple: true })).toBe('ok');
      const rows = file.prepare('select question_id, answer from quiz_answers where attempt_id = ?').all(learner!.attemptId) as { question_id: string; answer: string }[];
      const stored = new Map(rows.map((r) => [r.question_id, JSON.parse(r.answer) as unknown]));
      for (const [id, answer] of saved) expect(stored.get(id), id).toEqual(answer);
      reportFigure({ scenario, figure: 'integrity_check / earlier answers intact', value: `ok / ${saved.size} of ${saved.size}` });
    } finally {
      file.close();
    }
  });
});
