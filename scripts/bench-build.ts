/**
 * `npm run bench:build [-- --runs 3] [-- --json] [-- --markdown] [-- --keep] [-- --part start|plain|editions]
 * [-- --editions 1,3,10]`: first a newcomer's `npm start` on a fresh copy (no build, cold
 * caches): when the first public page is served, each audience's build time, their sum, when
 * every audience is current and the peak memory of the whole tree, beside a plain Docusaurus
 * build of the staff pages in the same run; then a cold production build of Ayin beside a plain Docusaurus build of
 * the same pages, then the build-scale of editions: the staff build of copies of the site with
 * 1, 3 and 10 published editions (scripts/lib/bench/edition-sites.ts), each with the JavaScript
 * a regulation page of the edition in force makes the browser download (page-js.ts). All in
 * temporary copies (the working tree, its build/ and its caches are not touched).
 *
 * With --runs N each variant is built N times, alternating, each time cold; the table shows
 * medians. Progress goes to stderr; the table (and with --json a final JSON line) to stdout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { GNU_TIME, hasGnuTime, measureBuild, type BuildMeasurement } from './lib/bench/build-measure';
import { makeEditionSite } from './lib/bench/edition-sites';
import { describeMachine, machine } from './lib/bench/machine';
import { measurePageJs, type PageJs } from './lib/bench/page-js';
import { buildToday } from '../src/content/editions';
import { formatJalaliIso } from '../src/domain/jalali';
import { clearCaches, copyAyinSite, makePlainSite } from './lib/bench/site-copies';
import { watchStart } from './lib/bench/start-watch';
import { BUILD_AUDIENCES } from '../src/content/build-audience';
import { DEFAULT_PARALLEL_BUILDS } from './lib/site-build';
import { markdownTable, textTable, type Cell, type Column } from './lib/bench/table';

const repoDir = path.resolve(__dirname, '..');
const progress = (line: string) => console.error(line);

/** A table row: a measurement, or the ratio row whose cells are preformatted text. */
type Row = { [K in keyof BuildMeasurement]: Cell };

const COLUMNS: Column<Row>[] = [
  { title: 'variant', value: (r) => r.variant },
  { title: 'pages', value: (r) => r.pages },
  { title: 'build s', value: (r) => r.buildSeconds, digits: 1 },
  { title: 'CPU s', value: (r) => r.cpuSeconds, digits: 1 },
  { title: 'peak RSS MB (tree)', value: (r) => r.peakTreeRssMB },
  { title: 'max RSS MB (1 proc)', value: (r) => r.maxProcessRssMB },
  { title: 'output MB', value: (r) => r.outputMB, digits: 1 },
  { title: 'main bundle JS gz KB', value: (r) => r.mainJsGzipKB, digits: 1 },
  { title: 'all JS gz KB', value: (r) => r.allJsGzipKB, digits: 1 },
];

interface Variant {
  name: string;
  siteDir: string;
  runs: BuildMeasurement[];
  env?: NodeJS.ProcessEnv;
}

/** One edition count: its build and what its regulation page downloads. */
interface EditionsRow extends BuildMeasurement {
  editions: number;
  page: string;
  pageJs: PageJs;
}

/** The regulation page measured in every copy: the same text, in the edition in force. */
const PAGE_CODE_PATH = 'connection-sales/cs-002';
/** Issue 4's limits: the page's JS within 1.2× and the build within 3× of one edition's, at 10. */
const PAGE_JS_LIMIT = 1.2;
const BUILD_TIME_LIMIT = 3;

type ScaleRow = Pick<EditionsRow, 'editions' | 'pages' | 'buildSeconds' | 'cpuSeconds' | 'peakTreeRssMB' | 'outputMB'> & {
  pageJsKB: number;
  entryKB: number;
  files: number;
  buildX: string;
  jsX: string;
};

const EDITION_COLUMNS: Column<ScaleRow>[] = [
  { title: 'editions', value: (r) => r.editions },
  { title: 'pages', value: (r) => r.pages },
  { title: 'build s', value: (r) => r.buildSeconds, digits: 1 },
  { title: 'CPU s', value: (r) => r.cpuSeconds, digits: 1 },
  { title: 'peak RSS MB (tree)', value: (r) => r.peakTreeRssMB },
  { title: 'output MB', value: (r) => r.outputMB, digits: 1 },
  { title: 'regulation page JS gz KB', value: (r) => r.pageJsKB, digits: 1 },
  { title: 'of which main+runtime gz KB', value: (r) => r.entryKB, digits: 1 },
  { title: 'JS files', value: (r) => r.files },
  { title: 'build ×1', value: (r) => r.buildX },
  { title: 'page JS ×1', value: (r) => r.jsX },
];

async function main() {
  const { values: flags } = parseArgs({
    options: {
      runs: { type: 'string', default: '1' },
      json: { type: 'boolean' },
      markdown: { type: 'boolean' },
      keep: { type: 'boolean' },
      part: { type: 'string', default: 'all' },
      editions: { type: 'string', default: '1,3,10' },
    },
  });
  const runs = Number(flags.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number ≥ 1, got "${flags.runs}"`);
  if (!['all', 'start', 'plain', 'editions'].includes(flags.part!)) throw new Error(`--part must be all, start, plain or editions, got "${flags.part}"`);
  const counts = flags.editions!.split(',').map(Number);
  if (!counts.length || counts.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--editions must list whole numbers ≥ 1, like 1,3,10; got "${flags.editions}"`);
  explainMissingGnuTime();

  const workDir = mkdtempSync(path.join(os.tmpdir(), 'ayin-bench-build-'));
  progress(`Machine: ${describeMachine()}. Working in ${workDir}`);
  let failed = false;
  try {
    if (flags.part === 'all' || flags.part === 'start') await newcomerStart(workDir, flags);
    if (flags.part === 'all' || flags.part === 'plain') {
      progress('Preparing the temporary copies (Ayin as is; plain Docusaurus with the same MDX files)…');
      const variants: Variant[] = [
        { name: 'Ayin', siteDir: copyAyinSite(repoDir, path.join(workDir, 'ayin')), runs: [] },
        { name: 'plain Docusaurus', siteDir: makePlainSite(repoDir, path.join(workDir, 'plain')), runs: [] },
      ];
      // Alternating the variants spreads a passing disturbance (another job on the machine) over both.
      for (let run = 1; run <= runs; run += 1) {
        for (const variant of variants) variant.runs.push(await coldBuild(variant, workDir, runs > 1 ? ` run ${run}/${runs}` : ''));
      }
      report(variants, flags);
    }
    if (flags.part === 'all' || flags.part === 'editions') await editionsScale(workDir, counts, runs, flags);
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    // A failed build's log is worth keeping; otherwise the copies (with their caches) go.
    if (flags.keep || failed) progress(`Kept ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  }
}

interface StartRow {
  step: string;
  seconds: number | null;
  peakMB: number | null;
  note: string;
}

/**
 * `npm start` on a fresh copy (what a newcomer waits for: scripts/lib/bench/start-watch.ts),
 * then a plain Docusaurus build of the staff pages, one after the other in the same run.
 */
async function newcomerStart(workDir: string, flags: { json?: boolean; markdown?: boolean }) {
  progress(`npm start on a fresh copy (no build, no data, cold bundler cache)… (load average ${os.loadavg()[0]!.toFixed(1)})`);
  const site = copyAyinSite(repoDir, path.join(workDir, 'start'));
  const start = await watchStart(site, path.join(workDir, 'start.log'), false);
  progress(`  first public page after ${start.firstPage?.toFixed(1)} s; every audience current after ${start.allCurrent?.toFixed(1)} s.`);
  const plain: Variant = { name: 'plain Docusaurus', siteDir: makePlainSite(repoDir, path.join(workDir, 'plain-start')), runs: [] };
  const baseline = await coldBuild(plain, workDir, ' (staff pages, baseline)');
  const sum = BUILD_AUDIENCES.reduce((total, a) => total + (start.buildSeconds[a] ?? Number.NaN), 0);
  const rows: StartRow[] = [
    { step: 'npm start: listening', seconds: start.listening, peakMB: null, note: 'content validated, "being prepared" pages' },
    { step: 'npm start: first public page', seconds: start.firstPage, peakMB: null, note: 'the public build served (built alone, first)' },
    ...BUILD_AUDIENCES.map((a) => ({ step: `  ${a} build`, seconds: start.buildSeconds[a] ?? null, peakMB: null, note: `served ${start.served[a]?.toFixed(1) ?? '—'} s after start` })),
    { step: 'sum of the four builds', seconds: sum, peakMB: null, note: `others ${DEFAULT_PARALLEL_BUILDS} at a time, so the sum exceeds the wall time` },
    { step: 'npm start: every audience current', seconds: start.allCurrent, peakMB: start.peakRssMB, note: 'peak RSS of the whole tree: server, builds, bundled Meilisearch' },
    { step: 'plain Docusaurus build (staff pages)', seconds: baseline.buildSeconds, peakMB: baseline.peakTreeRssMB, note: 'same MDX files, stock config, cold' },
  ];
  const columns: Column<StartRow>[] = [
    { title: 'step', value: (r) => r.step },
    { title: 's', value: (r) => r.seconds, digits: 1 },
    { title: 'peak RSS MB', value: (r) => (r.peakMB === null ? null : Math.round(r.peakMB)) },
    { title: 'note', value: (r) => r.note },
  ];
  console.log(`\nA newcomer's npm start beside a plain build; ${describeMachine()}\n`);
  console.log((flags.markdown ? markdownTable : textTable)(rows, columns));
  if (start.allCurrent !== null) {
    console.log(`\nEvery audience current after ${(start.allCurrent / baseline.buildSeconds).toFixed(2)}× one plain build (target ≤ 2×); sum of the four builds ${(sum / baseline.buildSeconds).toFixed(2)}×.`);
  }
  if (flags.json) console.log(JSON.stringify({ benchmark: 'build-start', date: new Date().toISOString(), machine: machine(), start, plain: baseline }));
}

async function coldBuild(variant: Variant, workDir: string, label: string): Promise<BuildMeasurement> {
  const slug = `${variant.name.split(' ')[0]!.toLowerCase()}-${variant.runs.length + 1}`;
  // Cold every time: no .docusaurus, no bundler cache, a fresh output directory.
  clearCaches(variant.siteDir);
  progress(`Building ${variant.name} (cold)${label}… (load average ${os.loadavg()[0]!.toFixed(1)})`);
  const result = await measureBuild({
    variant: variant.name,
    siteDir: variant.siteDir,
    outDir: path.join(workDir, `${slug}-out`),
    logFile: path.join(workDir, `${slug}-build.log`),
    onTick: (seconds) => progress(`  … ${seconds} s`),
    env: variant.env,
  });
  progress(`  done in ${result.buildSeconds.toFixed(1)} s, ${result.pages} pages.`);
  return result;
}

/**
 * The staff build (the largest audience) of copies with `counts` editions, each cold, with the
 * day pinned (AYIN_TODAY) so every copy lists the same edition in force.
 */
async function editionsScale(workDir: string, counts: number[], runs: number, flags: { json?: boolean; markdown?: boolean }) {
  const today = buildToday();
  const env = { AYIN_BUILD_AUDIENCE: 'staff', AYIN_TODAY: formatJalaliIso(today) };
  const rows: EditionsRow[] = [];
  for (const count of counts) {
    progress(`Preparing a copy with ${count} edition${count > 1 ? 's' : ''}…`);
    const site = makeEditionSite(repoDir, path.join(workDir, `editions-${count}`), count, today);
    const variant: Variant = { name: `editions-${count}`, siteDir: site.siteDir, runs: [], env };
    for (let run = 1; run <= runs; run += 1) variant.runs.push(await coldBuild(variant, workDir, runs > 1 ? ` run ${run}/${runs}` : ''));
    const build = median(variant.runs);
    const page = `/regulations/${site.inForce}/${PAGE_CODE_PATH}`;
    const outDir = path.join(workDir, `editions-${count}-${variant.runs.length}-out`);
    const pageJs = await measurePageJs(outDir, page);
    progress(`  ${page}: ${pageJs.files.length} scripts, ${pageJs.gzipKB.toFixed(1)} KB gzip`);
    rows.push({ ...build, editions: count, page, pageJs });
  }
  const base = rows.find((r) => r.editions === Math.min(...counts))!;
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  const table = rows.map((r): ScaleRow => ({
    ...r,
    pageJsKB: r.pageJs.gzipKB,
    entryKB: r.pageJs.entryGzipKB,
    files: r.pageJs.files.length,
    buildX: ratio(r.buildSeconds, base.buildSeconds),
    jsX: ratio(r.pageJs.gzipKB, base.pageJs.gzipKB),
  }));
  console.log(`\nEditions at scale: cold staff build (AYIN_BUILD_AUDIENCE=staff, AYIN_TODAY=${env.AYIN_TODAY})${runs > 1 ? `, median of ${runs} runs` : ''}; page ${base.page}; ${describeMachine()}\n`);
  console.log((flags.markdown ? markdownTable : textTable)(table, EDITION_COLUMNS));
  const most = rows.find((r) => r.editions === Math.max(...counts))!;
  if (most !== base) {
    const js = most.pageJs.gzipKB / base.pageJs.gzipKB;
    const time = most.buildSeconds / base.buildSeconds;
    console.log(`\n${most.editions} editions vs ${base.editions}: regulation page JS ${js.toFixed(2)}× (limit ${PAGE_JS_LIMIT}×: ${js <= PAGE_JS_LIMIT ? 'within' : 'EXCEEDED'}), build time ${time.toFixed(2)}× (limit ${BUILD_TIME_LIMIT}×: ${time <= BUILD_TIME_LIMIT ? 'within' : 'EXCEEDED'})`);
  }
  if (flags.json) {
    console.log(JSON.stringify({ benchmark: 'build-editions', date: new Date().toISOString(), machine: machine(), today: env.AYIN_TODAY, rows }));
  }
}

function report(variants: Variant[], flags: { json?: boolean; markdown?: boolean }) {
  const [ayin, plain] = variants.map((variant) => median(variant.runs)) as [BuildMeasurement, BuildMeasurement];
  const ratio = ratios(ayin, plain);
  const ratioRow: Row = { ...ratio, variant: 'ratio Ayin/plain' };
  for (const key of Object.keys(ratio) as (keyof BuildMeasurement)[]) {
    const value = ratio[key];
    if (typeof value === 'number') ratioRow[key] = `${value.toFixed(2)}×`;
  }
  const runs = variants[0]!.runs.length;
  console.log(`\nCold production build${runs > 1 ? `, median of ${runs} runs` : ''}; ${describeMachine()}\n`);
  console.log((flags.markdown ? markdownTable : textTable)([ayin, plain, ratioRow], COLUMNS));
  if (flags.json) {
    const all = Object.fromEntries(variants.map((variant) => [variant.name, variant.runs]));
    console.log(JSON.stringify({ benchmark: 'build', date: new Date().toISOString(), machine: machine(), median: [ayin, plain], ratio, runs: all }));
  }
}

/** The median of every numeric field (with an even count, the mean of the middle two). */
function median(runs: BuildMeasurement[]): BuildMeasurement {
  const result = { ...runs[0]! };
  for (const key of Object.keys(result) as (keyof BuildMeasurement)[]) {
    const values = runs.map((run) => run[key]).filter((v): v is number => typeof v === 'number').sort((a, b) => a - b);
    if (values.length !== runs.length) continue;
    const middle = Math.floor(values.length / 2);
    (result as Record<string, unknown>)[key] = values.length % 2 ? values[middle] : (values[middle - 1]! + values[middle]!) / 2;
  }
  return result;
}

/** Ayin ÷ plain, column by column (pages too: Ayin adds index, glossary and guide pages). */
function ratios(ayin: BuildMeasurement, plain: BuildMeasurement): BuildMeasurement {
  const divide = (a: number | null, b: number | null) => (a === null || b === null ? null : Number((a / b).toFixed(3)));
  return {
    variant: 'Ayin/plain',
    pages: divide(ayin.pages, plain.pages)!,
    buildSeconds: divide(ayin.buildSeconds, plain.buildSeconds)!,
    cpuSeconds: divide(ayin.cpuSeconds, plain.cpuSeconds),
    peakTreeRssMB: divide(ayin.peakTreeRssMB, plain.peakTreeRssMB)!,
    maxProcessRssMB: divide(ayin.maxProcessRssMB, plain.maxProcessRssMB),
    outputMB: divide(ayin.outputMB, plain.outputMB)!,
    mainJsGzipKB: divide(ayin.mainJsGzipKB, plain.mainJsGzipKB)!,
    allJsGzipKB: divide(ayin.allJsGzipKB, plain.allJsGzipKB)!,
  };
}

function explainMissingGnuTime() {
  if (hasGnuTime()) return;
  progress(
    `Note: ${GNU_TIME} (GNU time) is not installed, so the "CPU s" and "max RSS (1 proc)" columns stay\n` +
      '      empty; wall time and the whole-tree peak are still measured (from /proc).\n' +
      '      Install it with: apt-get install -y time',
  );
}

main().catch((error: unknown) => {
  console.error(`bench:build failed: ${(error as Error).message}`);
  process.exit(1);
});
