/**
 * `npm run bench:build [-- --json] [-- --markdown] [-- --keep]`: a cold production build of
 * Ayin beside a plain Docusaurus build of the same pages, both in temporary copies (the
 * working tree, its build/ and its caches are not touched).
 *
 * Progress goes to stderr; the table (and with --json a final JSON line) to stdout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { GNU_TIME, hasGnuTime, measureBuild, type BuildMeasurement } from './lib/bench/build-measure';
import { describeMachine, machine } from './lib/bench/machine';
import { copyAyinSite, makePlainSite } from './lib/bench/site-copies';
import { markdownTable, textTable, type Cell, type Column } from './lib/bench/table';

const repoDir = path.resolve(__dirname, '..');
const progress = (line: string) => console.error(line);

/** A table row: a measurement, or the ratio row whose cells are preformatted text. */
type Row = { [K in keyof BuildMeasurement]: Cell };

const COLUMNS: Column<Row>[] = [
  { title: 'variant', value: (r) => r.variant },
  { title: 'pages', value: (r) => r.pages },
  { title: 'build s', value: (r) => r.buildSeconds, digits: 1 },
  { title: 'peak RSS MB (tree)', value: (r) => r.peakTreeRssMB },
  { title: 'max RSS MB (1 proc)', value: (r) => r.maxProcessRssMB },
  { title: 'output MB', value: (r) => r.outputMB, digits: 1 },
  { title: 'main bundle JS gz KB', value: (r) => r.mainJsGzipKB, digits: 1 },
  { title: 'all JS gz KB', value: (r) => r.allJsGzipKB, digits: 1 },
];

async function main() {
  const { values: flags } = parseArgs({ options: { json: { type: 'boolean' }, markdown: { type: 'boolean' }, keep: { type: 'boolean' } } });
  explainMissingGnuTime();

  const workDir = mkdtempSync(path.join(os.tmpdir(), 'ayin-bench-build-'));
  progress(`Machine: ${describeMachine()}. Working in ${workDir}`);
  let failed = false;
  try {
    const ayin = await coldBuild('Ayin', () => copyAyinSite(repoDir, path.join(workDir, 'ayin')), workDir);
    const plain = await coldBuild('plain Docusaurus', () => makePlainSite(repoDir, path.join(workDir, 'plain')), workDir);
    report([ayin, plain], flags);
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    // A failed build's log is worth keeping; otherwise the copies (with their caches) go.
    if (flags.keep || failed) progress(`Kept ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  }
}

async function coldBuild(variant: string, prepare: () => string, workDir: string): Promise<BuildMeasurement> {
  progress(`Preparing ${variant} (temporary copy, caches cleared)…`);
  const siteDir = prepare();
  progress(`Building ${variant} (cold)…`);
  const slug = variant.split(' ')[0]!.toLowerCase();
  const result = await measureBuild({
    variant,
    siteDir,
    outDir: path.join(workDir, `${slug}-out`),
    logFile: path.join(workDir, `${slug}-build.log`),
    onTick: (seconds) => progress(`  … ${seconds} s`),
  });
  progress(`  done in ${result.buildSeconds.toFixed(1)} s, ${result.pages} pages.`);
  return result;
}

function report([ayin, plain]: [BuildMeasurement, BuildMeasurement], flags: { json?: boolean; markdown?: boolean }) {
  const ratio = ratios(ayin, plain);
  const ratioRow: Row = { ...ratio, variant: 'ratio Ayin/plain' };
  for (const key of Object.keys(ratio) as (keyof BuildMeasurement)[]) {
    if (typeof ratio[key] === 'number') ratioRow[key] = `${ratio[key].toFixed(2)}×`;
  }
  const rows: Row[] = [ayin, plain, ratioRow];
  console.log(`\nCold production build, ${describeMachine()}\n`);
  console.log(flags.markdown ? markdownTable(rows, COLUMNS) : textTable(rows, COLUMNS));
  if (flags.json) {
    console.log(JSON.stringify({ benchmark: 'build', date: new Date().toISOString(), machine: machine(), results: [ayin, plain], ratio }));
  }
}

/** Ayin ÷ plain, column by column (pages too: Ayin adds index, glossary and guide pages). */
function ratios(ayin: BuildMeasurement, plain: BuildMeasurement): BuildMeasurement {
  const divide = (a: number | null, b: number | null) => (a === null || b === null ? null : Number((a / b).toFixed(3)));
  return {
    variant: 'Ayin/plain',
    pages: divide(ayin.pages, plain.pages)!,
    buildSeconds: divide(ayin.buildSeconds, plain.buildSeconds)!,
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
    `Note: ${GNU_TIME} (GNU time) is not installed, so the "max RSS (1 proc)" column stays empty;\n` +
      '      the whole-tree peak is still measured from /proc. Install it with: apt-get install -y time',
  );
}

main().catch((error: unknown) => {
  console.error(`bench:build failed: ${(error as Error).message}`);
  process.exit(1);
});
