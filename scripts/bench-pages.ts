/**
 * `npm run bench:pages [-- --runs 3] [-- --json] [-- --markdown] [-- --save DIR] [-- --site DIR]`:
 * Lighthouse (performance, accessibility, best practices; mobile and desktop) on the home page
 * and a regulation page of the built site, served once by the Ayin server and once by
 * `docusaurus serve`. It builds nothing: run `npm run build` first.
 *
 * With --runs N every combination runs N times and the run with the median performance score
 * is kept (Lighthouse's performance score moves by several points from run to run).
 * Everything stays on the loopback; every server and browser it starts is stopped at the end,
 * also on error or Ctrl-C. Progress goes to stderr; the table, the failed audits and (with
 * --json) a final JSON line to stdout.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type * as LH from 'lighthouse';
import {
  CHROMIUM,
  erroredAudits,
  findings,
  pageMetrics,
  runLighthouse,
  type ChromeHandle,
  type Finding,
  type FormFactor,
  type PageMetrics,
} from './lib/bench/lighthouse';
import { describeMachine, machine } from './lib/bench/machine';
import { loadCorpus } from '../src/content/corpus';
import { buildToday, listedRegulations } from '../src/content/editions';
import { startAyinServer, startDocusaurusServe, type RunningServer } from './lib/bench/servers';
import { markdownTable, textTable, type Column } from './lib/bench/table';

const repoDir = path.resolve(__dirname, '..');
const progress = (line: string) => console.error(line);

// The staff build (the largest): the Ayin server serves it to visitors here (AYIN_AUDIENCE=staff),
// `docusaurus serve` serves its folder. CS-002 in the edition the build lists.
const AUDIENCE = 'staff';
const PAGES = [
  { name: 'home', path: '/' },
  { name: 'regulation', path: `${listedRegulations(loadCorpus(repoDir), buildToday()).get('CS-002')!.permalink}` },
] as const;
type Page = (typeof PAGES)[number];
const FORM_FACTORS: FormFactor[] = ['mobile', 'desktop'];

interface PageRun extends PageMetrics {
  server: string;
  page: string;
  formFactor: FormFactor;
  findings: Finding[];
  /** Audits Lighthouse failed to compute (they count in no score). */
  errors: { id: string; message: string }[];
}

const COLUMNS: Column<PageRun>[] = [
  { title: 'page', value: (r) => r.page },
  { title: 'form', value: (r) => r.formFactor },
  { title: 'server', value: (r) => r.server },
  { title: 'perf', value: (r) => r.performance },
  { title: 'a11y', value: (r) => r.accessibility },
  { title: 'best pr.', value: (r) => r.bestPractices },
  { title: 'LCP ms', value: (r) => r.lcpMs },
  { title: 'TBT ms', value: (r) => r.tbtMs },
  { title: 'CLS', value: (r) => r.cls, digits: 3 },
  { title: 'JS KB', value: (r) => r.scriptKB, digits: 1 },
  { title: 'total KB', value: (r) => r.transferKB, digits: 1 },
];

/** What must be stopped however the run ends. */
const running = { servers: [] as RunningServer[], chrome: undefined as ChromeHandle | undefined, interrupted: false };

async function stopEverything() {
  running.chrome?.kill();
  running.chrome = undefined;
  await Promise.all(running.servers.splice(0).map((server) => server.stop()));
}

async function main() {
  const { values: flags } = parseArgs({
    options: {
      runs: { type: 'string', default: '1' },
      json: { type: 'boolean' },
      markdown: { type: 'boolean' },
      save: { type: 'string' },
      site: { type: 'string', default: 'build' },
    },
  });
  const runs = Number(flags.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number ≥ 1, got "${flags.runs}"`);
  const siteDir = path.resolve(repoDir, flags.site!);
  requireBuiltSite(siteDir);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install it with apt-get install -y chromium`);
  if (flags.save) mkdirSync(flags.save, { recursive: true });
  // The servers' logs, for when one fails to start or to answer.
  const logDir = flags.save ?? mkdtempSync(path.join(os.tmpdir(), 'ayin-bench-pages-'));

  progress(`Machine: ${describeMachine()}. Serving ${siteDir}; server logs in ${logDir}`);
  running.servers.push(await startAyinServer({ repoDir, siteDir, audience: AUDIENCE, logFile: path.join(logDir, 'ayin-server.log') }));
  running.servers.push(await startDocusaurusServe({ repoDir, siteDir: path.join(siteDir, AUDIENCE), logFile: path.join(logDir, 'docusaurus-serve.log') }));

  const results: PageRun[] = [];
  // Same page and form factor back to back on both servers, so a slow moment hits both alike.
  for (const page of PAGES) {
    for (const formFactor of FORM_FACTORS) {
      for (const server of running.servers) results.push(await measure(server, page, formFactor, runs, flags.save));
    }
  }
  await stopEverything();
  report(results, runs, flags);
  // The logs only matter when something went wrong (or when asked to --save).
  if (!flags.save) rmSync(logDir, { recursive: true, force: true });
}

/** `runs` Lighthouse runs of one page, one form factor, one server; keeps the median one. */
async function measure(server: RunningServer, page: Page, formFactor: FormFactor, runs: number, saveDir?: string): Promise<PageRun> {
  const reports: LH.Result[] = [];
  for (let run = 1; run <= runs; run += 1) {
    progress(`Lighthouse ${formFactor} ${page.path} on ${server.name}${runs > 1 ? ` (${run}/${runs})` : ''}…`);
    const started = performance.now();
    const lhr = await runLighthouse(`${server.origin}${page.path}`, formFactor, (chrome) => (running.chrome = chrome));
    const { performance: perf, accessibility, bestPractices } = pageMetrics(lhr);
    progress(`  performance ${perf}, accessibility ${accessibility}, best practices ${bestPractices} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    reports.push(lhr);
  }
  const lhr = medianByPerformance(reports);
  if (saveDir) {
    const file = path.join(saveDir, `${server.name.split(' ')[0]!.toLowerCase()}-${page.name}-${formFactor}.json`);
    writeFileSync(file, JSON.stringify(lhr));
  }
  return { server: server.name, page: page.path, formFactor, ...pageMetrics(lhr), findings: findings(lhr), errors: erroredAudits(lhr) };
}

function medianByPerformance(reports: LH.Result[]): LH.Result {
  const sorted = [...reports].sort((a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0));
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

function requireBuiltSite(siteDir: string) {
  if (existsSync(path.join(siteDir, AUDIENCE, 'index.html'))) return;
  console.error(`No built site in ${siteDir}: run "npm run build" first (bench:pages measures a build, it does not make one).`);
  process.exit(1);
}

function report(results: PageRun[], runs: number, flags: { json?: boolean; markdown?: boolean }) {
  console.log(`\nLighthouse ${results.length} combinations${runs > 1 ? `, median of ${runs} runs each` : ''}; ${describeMachine()}\n`);
  console.log((flags.markdown ? markdownTable : textTable)(results, COLUMNS));
  console.log('\nFailed audits (accessibility, best practices: every failed audit; performance: score < 0.9 or estimated savings):\n');
  console.log(describeFindings(results));
  const errors = describeErrors(results);
  if (errors) console.log(`\n${errors}`);
  if (flags.json) {
    console.log(JSON.stringify({ benchmark: 'pages', date: new Date().toISOString(), machine: machine(), runsPerCombination: runs, results }));
  }
}

/** One paragraph per failed audit: where it failed, and the elements or resources at fault. */
function describeFindings(results: PageRun[]): string {
  const byAudit = new Map<string, { finding: Finding; where: string[]; items: Set<string> }>();
  for (const result of results) {
    const pageName = PAGES.find((page) => page.path === result.page)?.name ?? result.page;
    for (const finding of result.findings) {
      const key = `${finding.category} ${finding.id}`;
      const entry = byAudit.get(key) ?? { finding, where: [], items: new Set<string>() };
      entry.where.push(`${result.server.split(' ')[0]} ${result.formFactor} ${pageName}${finding.displayValue ? ` (${finding.displayValue})` : ''}`);
      for (const item of finding.items) entry.items.add(item);
      byAudit.set(key, entry);
    }
  }
  if (!byAudit.size) return 'none';
  const MAX_ITEMS = 8;
  return [...byAudit.values()]
    .map(({ finding, where, items }) => {
      const scored = finding.category === 'performance' || finding.weighted ? '' : ' (reported, not scored)';
      const listed = [...items].slice(0, MAX_ITEMS).join(', ') + (items.size > MAX_ITEMS ? `, … (+${items.size - MAX_ITEMS})` : '');
      return `[${finding.category}] ${finding.id}: ${finding.title}${scored}\n    in: ${where.join('; ')}${items.size ? `\n    at: ${listed}` : ''}`;
    })
    .join('\n');
}

/** Lighthouse 13 needs Node ≥ 22.19; on older Node a few insights fail (and count in no score). */
function describeErrors(results: PageRun[]): string {
  const ids = [...new Set(results.flatMap((result) => result.errors.map((error) => error.id)))];
  if (!ids.length) return '';
  const oldNode = Number(process.versions.node.split('.')[0]) < 22;
  return (
    `Lighthouse could not compute: ${ids.join(', ')}` +
    (oldNode ? `\n(Lighthouse 13 requires Node >= 22.19; this is Node ${process.versions.node}. These audits carry no weight in the scores.)` : '')
  );
}

// Ctrl-C or a kill reaches only this process (servers and browsers have their own groups).
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    running.interrupted = true;
    progress(`\n${signal}: stopping the servers and the browser…`);
    void stopEverything().finally(() => process.exit(130));
  });
}

main()
  .catch((error: unknown) => {
    // After Ctrl-C, the browser's "Connection closed" is a consequence, not news.
    if (running.interrupted) return;
    console.error(`bench:pages failed: ${(error as Error).message}`);
    process.exitCode = 1;
  })
  .finally(stopEverything);
