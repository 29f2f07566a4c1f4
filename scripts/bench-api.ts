/**
 * `npm run bench:api [-- --seconds 10] [--rounds 2] [--connections 100] [--learners 100] [--readers 2000] [--only sqlite|postgres] [--markdown]`
 *
 * The training API under load, on SQLite (a fresh file, WAL) and on a private PostgreSQL: 100
 * learners with real sessions and open attempts; 100 concurrent connections, each a learner
 * saving answers to their own attempt (PUT, the checked endpoint: session, CSRF, ownership,
 * answer validation, the guarded upsert) and then submitting it (POST; the first grades, the
 * rest are replays answered from the stored result). Beside them, measured in the same run on
 * the same database: the issue's baseline, a bare fastify endpoint that only upserts the row.
 * The inbox (issue 11): 2,000 contractors addressed by a sample announcement (its `roles:
 * [contractor]`), spread over the same connections: each reads their inbox (GET) and
 * acknowledges it (POST; the first records, the rest answer the record), in the same rounds.
 * Loopback only; every run is bounded by --seconds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase, type DialectName } from '../server/db/open';
import {
  acknowledgeRequest,
  answerRequests,
  bareRequests,
  drive,
  inboxRequest,
  perConnection,
  seedContractors,
  seedLearners,
  startBenchServer,
  submitRequests,
  type BenchServer,
  type LoadResult,
  type SignedIn,
} from './lib/bench/api-load';
import { describeMachine } from './lib/bench/machine';
import { markdownTable, textTable, type Column } from './lib/bench/table';
import { ensureTestPostgres } from './lib/postgres';

const root = path.resolve(__dirname, '..');
const log = (line: string) => process.stderr.write(`${line}\n`);
const COURSE = 'meter-reading';
/** A sample announcement every contractor must acknowledge (`acknowledge: { roles: [contractor] }`). */
const ANNOUNCEMENT = '1404-02-10-acknowledgement-procedure';
/** The issue's figures for the bare endpoint on "this machine" (req/s, p99 ms). */
const ISSUE_BASELINE: Record<DialectName, { rps: number; p99: number }> = { sqlite: { rps: 22_000, p99: 14 }, postgres: { rps: 11_500, p99: 16 } };

interface Row extends LoadResult {
  database: DialectName;
  endpoint: string;
  /** This row's req/s as a share of the bare baseline measured in the same run. */
  ofBaseline: number | null;
}

/** Several runs of one endpoint as one row: mean req/s and latencies, errors and requests summed. */
function combine(runs: readonly LoadResult[]): LoadResult {
  const mean = (pick: (r: LoadResult) => number) => runs.reduce((sum, r) => sum + pick(r), 0) / runs.length;
  return {
    requestsPerSecond: mean((r) => r.requestsPerSecond),
    p50: mean((r) => r.p50),
    p95: mean((r) => r.p95),
    p99: mean((r) => r.p99),
    requests: runs.reduce((sum, r) => sum + r.requests, 0),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
  };
}

async function benchDatabase(dialect: DialectName, options: { seconds: number; connections: number; learners: number; readers: number; rounds: number }, workDir: string): Promise<Row[]> {
  const postgres = dialect === 'postgres' ? await ensureTestPostgres() : undefined;
  const database = { url: postgres?.url, sqlitePath: path.join(workDir, `${dialect}.sqlite`) };
  const handle = await openDatabase(database);
  const run = { connections: options.connections, seconds: options.seconds };
  const warm = { connections: options.connections, seconds: 2 };
  const servers: BenchServer[] = [];
  try {
    // Both servers run side by side and are driven in turns (bare, checked, bare, checked…), so
    // that the other load on a shared machine falls on both alike.
    const ayin = await startBenchServer(root, 'ayin', database, path.join(workDir, `${dialect}-ayin.log`));
    servers.push(ayin);
    const bare = await startBenchServer(root, 'bare', database, path.join(workDir, `${dialect}-bare.log`));
    servers.push(bare);
    log(`${dialect}: seeding ${options.learners} learners with sessions and attempts…`);
    const learners = await seedLearners(handle.db, ayin.origin, COURSE, options.learners);
    const answers = learners.map(answerRequests);
    const bareAnswers = learners.map(bareRequests);
    log(`${dialect}: seeding ${options.readers} contractors with sessions, addressed by ${ANNOUNCEMENT}…`);
    const readers = await seedContractors(handle.db, 'bench.reader', options.readers);
    const textSha256 = await textToAcknowledge(ayin.origin, readers[0]!);
    const inboxes = perConnection(readers, options.connections, (r) => [inboxRequest(r)]);
    const acknowledgments = perConnection(readers, options.connections, (r) => [acknowledgeRequest(r, ANNOUNCEMENT, textSha256)]);
    await drive(bare.origin, bareAnswers, warm);
    await drive(ayin.origin, answers, warm);
    await drive(ayin.origin, inboxes, warm);
    const bareRuns: LoadResult[] = [];
    const ayinRuns: LoadResult[] = [];
    const inboxRuns: LoadResult[] = [];
    const acknowledgeRuns: LoadResult[] = [];
    for (let round = 1; round <= options.rounds; round++) {
      log(`${dialect}: round ${round}/${options.rounds}: bare upsert, the checked PUT, GET inbox, POST acknowledge (${options.connections} connections, ${options.seconds} s each)…`);
      bareRuns.push(await drive(bare.origin, bareAnswers, run));
      ayinRuns.push(await drive(ayin.origin, answers, run));
      inboxRuns.push(await drive(ayin.origin, inboxes, run));
      acknowledgeRuns.push(await drive(ayin.origin, acknowledgments, run));
    }
    const recorded = await handle.db.selectFrom('acknowledgments').select((eb) => eb.fn.countAll<number>().as('n')).where('announcement_id', '=', ANNOUNCEMENT).executeTakeFirstOrThrow();
    log(`${dialect}: ${recorded.n} of ${options.readers} contractors' acknowledgments recorded (one each; the rest were answered from the record)`);
    const stored = await handle.db.selectFrom('quiz_answers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    log(`${dialect}: ${stored.n} answer rows stored by the checked endpoint`);
    log(`${dialect}: POST submit…`);
    const submits = await drive(ayin.origin, learners.map(submitRequests), run);
    const baseline = combine(bareRuns);
    const ofBaseline = (r: LoadResult) => r.requestsPerSecond / baseline.requestsPerSecond;
    return [
      { database: dialect, endpoint: 'PUT bare upsert (baseline)', ...baseline, ofBaseline: 1 },
      { database: dialect, endpoint: 'PUT answer (Ayin, checked)', ...combine(ayinRuns), ofBaseline: combine(ayinRuns).requestsPerSecond / baseline.requestsPerSecond },
      { database: dialect, endpoint: 'POST submit (Ayin; 1st grades, replays)', ...submits, ofBaseline: submits.requestsPerSecond / baseline.requestsPerSecond },
      { database: dialect, endpoint: `GET inbox (${options.readers} targeted)`, ...combine(inboxRuns), ofBaseline: ofBaseline(combine(inboxRuns)) },
      { database: dialect, endpoint: `POST acknowledge (1st records, replays)`, ...combine(acknowledgeRuns), ofBaseline: ofBaseline(combine(acknowledgeRuns)) },
    ];
  } finally {
    for (const server of servers) await server.stop();
    await handle.close();
    await postgres?.stop();
  }
}

/** The text hash the inbox offers for the announcement, as the browser sends it back. */
async function textToAcknowledge(origin: string, reader: SignedIn): Promise<string> {
  const res = await fetch(`${origin}/api/inbox`, { headers: { cookie: reader.cookie } });
  if (!res.ok) throw new Error(`GET /api/inbox for ${reader.username} failed: ${res.status} ${await res.text()}`);
  const item = ((await res.json()) as { pending: { id: string; textSha256: string }[] }).pending.find((p) => p.id === ANNOUNCEMENT);
  if (!item) throw new Error(`${ANNOUNCEMENT} is not in a contractor's inbox: does it still ask contractors to acknowledge it?`);
  return item.textSha256;
}

async function main() {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '10' },
      connections: { type: 'string', default: '100' },
      learners: { type: 'string', default: '100' },
      readers: { type: 'string', default: '2000' },
      rounds: { type: 'string', default: '2' },
      only: { type: 'string' },
      markdown: { type: 'boolean', default: false },
    },
  });
  const options = { seconds: Number(values.seconds), connections: Number(values.connections), learners: Number(values.learners), readers: Number(values.readers), rounds: Number(values.rounds) };
  if (!(options.seconds > 0 && options.seconds <= 120)) throw new Error('--seconds must be between 1 and 120');
  if (!(Number.isInteger(options.readers) && options.readers >= 1)) throw new Error('--readers must be a whole number of at least 1');
  const dialects: DialectName[] = values.only ? [values.only as DialectName] : ['sqlite', 'postgres'];
  if (!dialects.every((d) => d === 'sqlite' || d === 'postgres')) throw new Error('--only must be sqlite or postgres');

  log(`bench:api on ${describeMachine()}`);
  const workDir = mkdtempSync(path.join(tmpdir(), 'ayin-bench-api-'));
  const rows: Row[] = [];
  try {
    for (const dialect of dialects) rows.push(...(await benchDatabase(dialect, options, workDir)));
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }

  const columns: Column<Row>[] = [
    { title: 'database', value: (r) => r.database },
    { title: 'endpoint', value: (r) => r.endpoint },
    { title: 'req/s', value: (r) => r.requestsPerSecond },
    { title: 'p50 ms', value: (r) => r.p50 },
    { title: 'p95 ms', value: (r) => r.p95 },
    { title: 'p99 ms', value: (r) => r.p99 },
    { title: 'requests', value: (r) => r.requests },
    { title: 'errors', value: (r) => r.errors },
    { title: '× baseline', value: (r) => r.ofBaseline, digits: 2 },
  ];
  console.log(`\n${options.connections} connections, ${options.seconds} s per run, ${options.rounds} rounds (means), ${options.learners} learners, ${options.readers} targeted readers; ${describeMachine()}`);
  console.log(values.markdown ? markdownTable(rows, columns) : textTable(rows, columns));
  console.log(
    `\nThe issue's baseline on its machine: ${dialects.map((d) => `${d} ${ISSUE_BASELINE[d].rps.toLocaleString('en')} req/s, p99 ${ISSUE_BASELINE[d].p99} ms`).join('; ')}.`,
  );
  if (rows.some((r) => r.errors > 0 && !r.endpoint.startsWith('POST'))) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
