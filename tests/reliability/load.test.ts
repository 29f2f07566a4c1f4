/**
 * Load: many learners answering at once (each one answer after another, as a person clicks)
 * through the real server, on SQLite and on PostgreSQL; then two server processes on one
 * PostgreSQL behind one port. Asserted: every acknowledged answer is there when read back, no
 * answer refused, sessions valid on both processes. Reported: p50/p99 per answer and answers/s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedLearners, type BenchLearner } from '../../scripts/lib/bench/api-load';
import { ensureTestPostgres, type TestPostgres } from '../../scripts/lib/postgres';
import { openDatabase, type DatabaseHandle } from '../../server/db/open';
import { startAyin, type AyinProcess, type DatabaseLocation } from './support/ayin-process';
import { quantile, reportFigure } from './support/figures';
import { answerConcurrently, lostAnswers, type AnswerRun } from './support/learners';
import { reliabilityMode } from './support/mode';
import { startRoundRobinProxy } from './support/round-robin-proxy';

const { learners: LEARNERS, answersPerLearner: ANSWERS } = reliabilityMode();
const COURSE = 'meter-reading';
const dir = mkdtempSync(path.join(tmpdir(), 'ayin-reliability-load-'));
let postgres: TestPostgres;
afterAll(async () => {
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function report(scenario: string, run: AnswerRun) {
  reportFigure({ scenario, figure: `${LEARNERS} learners × ${ANSWERS} answers: answers/s`, value: (run.latenciesMs.length / run.wallMs) * 1000 });
  reportFigure({ scenario, figure: 'answer p50', value: quantile(run.latenciesMs, 0.5), unit: 'ms' });
  reportFigure({ scenario, figure: 'answer p99', value: quantile(run.latenciesMs, 0.99), unit: 'ms' });
}

async function expectNothingLost(scenario: string, origin: string, run: AnswerRun) {
  expect(Object.fromEntries(run.failures), 'answers refused or failed under load').toEqual({});
  const { lost, checked } = await lostAnswers(origin, run);
  reportFigure({ scenario, figure: 'answers saved and read back / lost', value: `${checked} / ${lost}` });
  expect(checked).toBe(LEARNERS * Math.min(ANSWERS, run.acknowledged.keys().next().value!.questions.length));
  expect(lost).toBe(0);
}

describe.each(['sqlite', 'postgres'] as const)('%s: concurrent learners', (dialect) => {
  let location: DatabaseLocation;
  let handle: DatabaseHandle;
  let server: AyinProcess;
  let learners: BenchLearner[];
  const scenario = `load, ${dialect}, one server`;

  beforeAll(async () => {
    if (dialect === 'postgres') postgres = await ensureTestPostgres();
    location = { url: dialect === 'postgres' ? postgres.url : undefined, sqlitePath: path.join(dir, 'load.sqlite') };
    handle = await openDatabase(location);
    server = await startAyin(location);
    learners = await seedLearners(handle.db, server.origin, COURSE, LEARNERS);
  });
  afterAll(async () => {
    await server?.stop();
    await handle?.close();
  });

  it(`${LEARNERS} learners × ${ANSWERS} answers at once: 0 lost`, async () => {
    const run = await answerConcurrently(server.origin, learners, ANSWERS);
    report(scenario, run);
    await expectNothingLost(scenario, server.origin, run);
  });

  if (dialect === 'postgres') {
    it('two server processes on one PostgreSQL behind one port: sessions valid on both, 0 lost, throughput of two vs one', async () => {
      const second = await startAyin(location);
      try {
        // A session made through one process is honoured by the other (it lives in the database).
        for (const learner of learners.slice(0, 20)) {
          for (const origin of [server.origin, second.origin]) {
            const res = await fetch(`${origin}/api/auth/me`, { headers: { cookie: learner.cookie } });
            expect(res.status, `${origin} /api/auth/me`).toBe(200);
          }
        }
        // The same load through the proxy, first with one process behind it, then with two.
        const one = await startRoundRobinProxy([server]);
        const runOne = await answerConcurrently(one.origin, learners, ANSWERS);
        await one.close();
        report('load, postgres, proxy → 1 process', runOne);
        await expectNothingLost('load, postgres, proxy → 1 process', server.origin, runOne);

        const two = await startRoundRobinProxy([server, second]);
        const runTwo = await answerConcurrently(two.origin, learners, ANSWERS);
        const perBackend = [...two.connections];
        await two.close();
        report('load, postgres, proxy → 2 processes', runTwo);
        reportFigure({ scenario: 'load, postgres, proxy → 2 processes', figure: 'connections to process 1 / 2', value: perBackend.join(' / ') });
        expect(perBackend.every((n) => n > 0), 'both processes served').toBe(true);
        // Read back through the second process: what the first saved is there too.
        await expectNothingLost('load, postgres, proxy → 2 processes', second.origin, runTwo);
        const rate = (run: AnswerRun) => run.latenciesMs.length / run.wallMs;
        reportFigure({ scenario: 'load, postgres, proxy → 2 processes', figure: 'throughput two processes / one', value: rate(runTwo) / rate(runOne), unit: '×' });
      } finally {
        await second.stop();
      }
    });
  }
});
