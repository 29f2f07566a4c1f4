/**
 * `npm run bench:start [-- --keep]`: a newcomer's first minute. In a temporary copy of the
 * site with no build, no data and a cold bundler cache (as a fresh clone after `npm install`),
 * runs `npm start` and records, from the moment it is started: when it listens, when the
 * public home page is first served, when each audience's build is swapped in, when every
 * audience is current, and the peak memory of the whole process tree; then starts it again on
 * the same copy (nothing changed: it must serve at once). Beside it, in the same run, a plain
 * Docusaurus build of the same pages (the baseline `bench:build` uses).
 * Progress goes to stderr, the table to stdout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { measureBuild } from './lib/bench/build-measure';
import { describeMachine } from './lib/bench/machine';
import { copyAyinSite, makePlainSite } from './lib/bench/site-copies';
import { textTable, type Column } from './lib/bench/table';
import { watchStart } from './lib/bench/start-watch';
import { BUILD_AUDIENCES } from '../src/content/build-audience';

const repoDir = path.resolve(__dirname, '..');
const progress = (line: string) => console.error(line);
const { values } = parseArgs({ options: { keep: { type: 'boolean' } } });

interface Row {
  what: string;
  seconds: number | null;
  note: string;
}

async function main() {
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'ayin-bench-start-'));
  progress(`Machine: ${describeMachine()}\nWorking in ${workDir}`);
  try {
    const site = copyAyinSite(repoDir, path.join(workDir, 'ayin'));
    progress('1/3 npm start on a copy with no build, no data and a cold bundler cache …');
    const cold = await watchStart(site, path.join(workDir, 'start-cold.log'), false);
    progress('2/3 npm start again on the same copy (nothing changed) …');
    const warm = await watchStart(site, path.join(workDir, 'start-warm.log'), true);
    progress('3/3 A plain Docusaurus build of the same pages (baseline) …');
    const plainDir = makePlainSite(repoDir, path.join(workDir, 'plain'));
    // A failed baseline must not throw away the minutes of start-up measured above: its row
    // says it failed, with the log, and the ratios are left out.
    const plain = await measureBuild({ variant: 'plain', siteDir: plainDir, outDir: path.join(workDir, 'plain-build'), logFile: path.join(workDir, 'plain.log'), onTick: (s) => progress(`    … ${s} s`) }).catch(
      (error: unknown) => {
        progress(`    the plain build failed: ${(error as Error).message.split('\n')[0]}`);
        return null;
      },
    );

    const rows: Row[] = [
      { what: 'fresh: listening', seconds: cold.listening, note: 'validated, manifest written, server up ("being prepared" pages)' },
      { what: 'fresh: first public page', seconds: cold.firstPage, note: 'home page of the public build served' },
      ...BUILD_AUDIENCES.map((a) => ({ what: `fresh: ${a} served`, seconds: cold.served[a] ?? null, note: 'its build swapped in' })),
      { what: 'fresh: every audience current', seconds: cold.allCurrent, note: `peak RSS of the tree ${cold.peakRssMB.toFixed(0)} MB` },
      { what: 'restart: first public page', seconds: warm.firstPage, note: 'builds current: served at once' },
      plain
        ? { what: 'plain Docusaurus build (baseline)', seconds: plain.buildSeconds, note: `same pages, stock config; peak RSS ${plain.peakTreeRssMB.toFixed(0)} MB` }
        : { what: 'plain Docusaurus build (baseline)', seconds: null, note: `FAILED, see ${path.join(workDir, 'plain.log')} (run with --keep to keep it)` },
    ];
    const columns: Column<Row>[] = [
      { title: 'step', value: (r) => r.what },
      { title: 's since npm start', value: (r) => r.seconds, digits: 1 },
      { title: 'note', value: (r) => r.note },
    ];
    console.log(textTable(rows, columns));
    if (plain && cold.allCurrent !== null && cold.firstPage !== null) {
      console.log(`\nAll four audiences current after ${(cold.allCurrent / plain.buildSeconds).toFixed(2)}× one plain build; first page after ${(cold.firstPage / plain.buildSeconds).toFixed(2)}×.`);
    }
  } finally {
    if (values.keep) progress(`Kept ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench:start failed: ${(error as Error).message}`);
  process.exit(1);
});
