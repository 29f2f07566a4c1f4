/**
 * `npm run bench:build [-- --runs 3] [-- --json] [-- --markdown] [-- --keep]`: a cold production
 * build of Ayin beside a plain Docusaurus build of the same pages, both in temporary copies
 * (the working tree, its build/ and its caches are not touched).
 *
 * With --runs N each variant is built N times, alternating, each time cold; the table shows
 * medians. Progress goes to stderr; the table (and with --json a final JSON line) to stdout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { GNU_TIME, hasGnuTime, measureBuild, type BuildMeasurement } from './lib/bench/build-measure';
import { describeMachine, machine } from './lib/bench/machine';
import { clearCaches, copyAyinSite, makePlainSite } from './lib/bench/site-copies';
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
}

async function main() {
  const { values: flags } = parseArgs({
    options: { runs: { type: 'string', default: '1' }, json: { type: 'boolean' }, markdown: { type: 'boolean' }, keep: { type: 'boolean' } },
  });
  const runs = Number(flags.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number ≥ 1, got "${flags.runs}"`);
  explainMissingGnuTime();

  const workDir = mkdtempSync(path.join(os.tmpdir(), 'ayin-bench-build-'));
  progress(`Machine: ${describeMachine()}. Working in ${workDir}`);
  let failed = false;
  try {
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
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    // A failed build's log is worth keeping; otherwise the copies (with their caches) go.
    if (flags.keep || failed) progress(`Kept ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  }
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
  });
  progress(`  done in ${result.buildSeconds.toFixed(1)} s, ${result.pages} pages.`);
  return result;
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
