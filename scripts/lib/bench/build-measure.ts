/**
 * One measured `docusaurus build`: wall time, peak memory and what it produced.
 *
 * Memory is measured twice, because the two tools answer different questions:
 * - the /proc poller (tree-memory.ts): the whole process tree's high-water mark;
 * - `/usr/bin/time -v` "Maximum resident set size": the largest single process, exact
 *   (the kernel's own accounting), when GNU time is installed.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { exited, startInGroup, tail } from './processes';
import { sampleTreeRss } from './tree-memory';

export const GNU_TIME = '/usr/bin/time';

export interface BuildMeasurement {
  variant: string;
  pages: number;
  buildSeconds: number;
  /** User + system CPU time of the whole tree per GNU time (steadier than wall time on a busy machine). */
  cpuSeconds: number | null;
  /** Whole process tree, polled from /proc. */
  peakTreeRssMB: number;
  /** Largest single process per GNU time; null when /usr/bin/time is missing. */
  maxProcessRssMB: number | null;
  outputMB: number;
  /** main.*.js + runtime~main.*.js, the scripts every page loads, gzip -9. */
  mainJsGzipKB: number;
  /** Every .js file of the build, gzip -9 (pages load only some of them). */
  allJsGzipKB: number;
}

export interface BuildRun {
  variant: string;
  siteDir: string;
  outDir: string;
  logFile: string;
  /** Called every `tickSeconds` while the build runs. */
  onTick?: (seconds: number) => void;
  /** Extra environment for the build (e.g. `AYIN_BUILD_AUDIENCE`, `AYIN_TODAY`). */
  env?: NodeJS.ProcessEnv;
}

/** Whether GNU time is there; without it only the /proc figure is available. */
export function hasGnuTime(): boolean {
  return existsSync(GNU_TIME);
}

export async function measureBuild({ variant, siteDir, outDir, logFile, onTick, env }: BuildRun): Promise<BuildMeasurement> {
  const docusaurus = path.join(siteDir, 'node_modules/.bin/docusaurus');
  const timeFile = `${logFile}.time`;
  const useTime = hasGnuTime();
  const [command, args] = useTime
    ? [GNU_TIME, ['-v', '-o', timeFile, docusaurus, 'build', '--out-dir', outDir]]
    : [docusaurus, ['build', '--out-dir', outDir]];

  const started = performance.now();
  const child = startInGroup(command, args, { cwd: siteDir, logFile, env });
  const sampler = sampleTreeRss(child.pid!);
  const ticker = setInterval(() => onTick?.(Math.round((performance.now() - started) / 1000)), 15_000);
  const { code, signal } = await exited(child).finally(() => clearInterval(ticker));
  const buildSeconds = (performance.now() - started) / 1000;
  const peakTreeRss = sampler.stop();

  if (code !== 0) throw new Error(`${variant} build failed (${signal ?? `exit ${code}`}); log: ${logFile}\n${tail(logFile)}`);

  const output = measureOutput(outDir);
  const gnuTime = useTime ? readGnuTime(timeFile) : null;
  return {
    variant,
    pages: output.pages,
    buildSeconds,
    cpuSeconds: gnuTime?.cpuSeconds ?? null,
    peakTreeRssMB: peakTreeRss / 2 ** 20,
    maxProcessRssMB: gnuTime ? gnuTime.maxRssKB / 1024 : null,
    outputMB: output.bytes / 2 ** 20,
    mainJsGzipKB: output.mainJsGzip / 1024,
    allJsGzipKB: output.allJsGzip / 1024,
  };
}

/** "Maximum resident set size (kbytes): 1234" and the CPU times from `time -v -o FILE`. */
function readGnuTime(file: string): { maxRssKB: number; cpuSeconds: number } {
  const text = readFileSync(file, 'utf8');
  const field = (label: string) => {
    const match = new RegExp(`${label}: ([\\d.]+)`).exec(text);
    if (!match) throw new Error(`no "${label}" in ${file}`);
    return Number(match[1]);
  };
  return {
    maxRssKB: field('Maximum resident set size \\(kbytes\\)'),
    cpuSeconds: field('User time \\(seconds\\)') + field('System time \\(seconds\\)'),
  };
}

const MAIN_BUNDLE = /^(main|runtime~main)\.[0-9a-f]+\.js$/;

export function measureOutput(outDir: string) {
  const totals = { pages: 0, bytes: 0, mainJsGzip: 0, allJsGzip: 0 };
  for (const file of walk(outDir)) {
    totals.bytes += statSync(file).size;
    if (file.endsWith('.html')) totals.pages += 1;
    if (!file.endsWith('.js')) continue;
    const gzipped = gzipSync(readFileSync(file), { level: 9 }).length;
    totals.allJsGzip += gzipped;
    if (MAIN_BUNDLE.test(path.basename(file))) totals.mainJsGzip += gzipped;
  }
  if (totals.mainJsGzip === 0) throw new Error(`no main.*.js bundle found in ${outDir}/assets/js`);
  return totals;
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}
