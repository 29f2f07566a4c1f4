/**
 * `npm run bench:import [-- --rows 1000] [--concurrency 4,1] [--markdown]`
 *
 * Sign-in latency while an admin imports contractor staff. One server (fastify, the real
 * accounts routes, a fresh SQLite file), one user signing in over and over (real scrypt),
 * first with nothing else running, then during a `--rows`-row import at each hashing
 * concurrency given (4: four rows hashed at once, the old setting; 1: today's
 * IMPORT_HASH_CONCURRENCY), all in the same run. Loopback only (fastify's inject).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Fastify from 'fastify';
import { importContractorsCsv } from '../server/accounts/import-contractors';
import { registerAccountRoutes } from '../server/accounts/routes';
import { createUser } from '../server/accounts/users';
import { openDatabase } from '../server/db/open';
import { describeMachine } from './lib/bench/machine';
import { markdownTable, textTable, type Column } from './lib/bench/table';

const log = (line: string) => process.stderr.write(`${line}\n`);

interface Row {
  readonly while: string;
  readonly importSeconds: number | null;
  readonly signIns: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
}

const quantile = (sorted: readonly number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function main() {
  const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000' }, concurrency: { type: 'string', default: '4,1' }, markdown: { type: 'boolean', default: false } } });
  const rows = Number(values.rows);
  const settings = values.concurrency!.split(',').map(Number);
  if (!Number.isInteger(rows) || rows < 1 || rows > 1000) throw new Error(`--rows: a whole number from 1 to 1000, got "${values.rows}"`);
  if (settings.some((c) => !Number.isInteger(c) || c < 1)) throw new Error(`--concurrency: positive whole numbers separated by commas, got "${values.concurrency}"`);

  const dir = mkdtempSync(path.join(tmpdir(), 'ayin-bench-import-'));
  const database = await openDatabase({ sqlitePath: path.join(dir, 'ayin.sqlite') });
  const app = Fastify({ logger: false });
  // Limits far above the probe's pace: the bench measures hashing, not the limiter.
  await registerAccountRoutes(app, { db: database.db, secureCookies: false, limits: { perIp: { max: 1e6, windowMs: 60_000 } } });
  await app.ready();
  await createUser(database.db, { username: 'probe.user', password: 'probe-password-1', displayName: 'کاربر آزمون', role: 'staff' });

  /** Signs in one after another, a pause between, until `until` resolves; latencies in ms. */
  async function probe(until: Promise<unknown>, minimum = 0): Promise<number[]> {
    let done = false;
    void until.finally(() => (done = true));
    const latencies: number[] = [];
    while (!done || latencies.length < minimum) {
      const started = performance.now();
      const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'probe.user', password: 'probe-password-1' } });
      if (res.statusCode !== 200) throw new Error(`sign-in answered ${res.statusCode}: ${res.body}`);
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return latencies;
  }
  const row = (label: string, latencies: number[], importSeconds: number | null): Row => {
    const sorted = [...latencies].sort((a, b) => a - b);
    return { while: label, importSeconds, signIns: sorted.length, p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), max: sorted[sorted.length - 1]! };
  };

  const results: Row[] = [];
  log('idle: 10 sign-ins');
  results.push(row('nothing else', await probe(Promise.resolve(), 10), null));
  for (const [n, concurrency] of settings.entries()) {
    const csv = ['username,display_name,company,password', ...Array.from({ length: rows }, (_, i) => `import${n}.user${i},کاربر ${i},شرکت پیمانکاری نمونه نور,password-of-row-${i}`)].join('\n');
    log(`import of ${rows} rows, ${concurrency} hashed at once`);
    const started = performance.now();
    const job = importContractorsCsv(database.db, csv, { hashConcurrency: concurrency }).then((result) => {
      if (!result.ok) throw new Error(`import failed: ${result.errors.slice(0, 3).join('; ')}`);
      return (performance.now() - started) / 1000;
    });
    const latencies = await probe(job);
    results.push(row(`import, ${concurrency} at once`, latencies, await job));
  }
  await app.close();
  await database.close();
  rmSync(dir, { recursive: true, force: true });

  const columns: Column<Row>[] = [
    { title: 'sign-ins while', value: (r) => r.while },
    { title: `import of ${rows} (s)`, value: (r) => r.importSeconds, digits: 1 },
    { title: 'sign-ins', value: (r) => r.signIns },
    { title: 'p50 ms', value: (r) => r.p50 },
    { title: 'p95 ms', value: (r) => r.p95 },
    { title: 'max ms', value: (r) => r.max },
  ];
  console.log(describeMachine());
  console.log(values.markdown ? markdownTable(results, columns) : textTable(results, columns));
}

main().catch((error: unknown) => {
  console.error(`bench-import: ${(error as Error).message}`);
  process.exit(1);
});
