/**
 * Watching `npm start` from the outside, as a newcomer would: when it listens, when the public
 * home page is first served (the public build, not the "being prepared" page), when each
 * audience's build is swapped in, when every audience is current, and the peak memory of the
 * whole process tree. Used by `bench:start` and `bench:build`.
 */
import { readFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { freeLoopbackPort, sleep, startInGroup, stopGroup, tail } from './processes';
import { sampleTreeRss } from './tree-memory';
import { BUILD_AUDIENCES, type BuildAudience } from '../../../src/content/build-audience';

export interface StartRun {
  listening: number | null;
  firstPage: number | null;
  served: Partial<Record<BuildAudience, number>>;
  /** Each audience's own build time, as `npm start` logs it ("… served (47.5 s to build; …"). */
  buildSeconds: Partial<Record<BuildAudience, number>>;
  allCurrent: number | null;
  peakRssMB: number;
}

/** Starts `npm start` in `siteDir` and watches it until every audience is current (or `untilFirstPage`). */
export async function watchStart(siteDir: string, logFile: string, untilFirstPage: boolean): Promise<StartRun> {
  const port = await freeLoopbackPort();
  const started = performance.now();
  const child = startInGroup('npm', ['start'], { cwd: siteDir, logFile, env: { PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', MEILI_HOST: '' } });
  const sampler = sampleTreeRss(child.pid!, 500);
  const at = () => (performance.now() - started) / 1000;
  const run: StartRun = { listening: null, firstPage: null, served: {}, buildSeconds: {}, allCurrent: null, peakRssMB: 0 };
  const deadline = Date.now() + 20 * 60_000;
  try {
    while (Date.now() < deadline) {
      if (exitedEarly(child)) throw new Error(`npm start exited:\n${tail(logFile)}`);
      const log = readFileSync(logFile, 'utf8');
      if (run.listening === null && log.includes('Ayin is running at')) run.listening = at();
      for (const audience of BUILD_AUDIENCES) {
        if (run.served[audience] === undefined && log.includes(`The ${audience} site is served`)) run.served[audience] = at();
        const built = new RegExp(`The ${audience} site is served \\(([\\d.]+) s to build`).exec(log);
        if (built) run.buildSeconds[audience] = Number(built[1]);
      }
      if (run.firstPage === null && run.listening !== null && (await isPublicHome(port))) run.firstPage = at();
      if (run.allCurrent === null && (log.includes('Every audience is current') || log.includes('The built site is up to date.'))) run.allCurrent = at();
      if (run.firstPage !== null && (untilFirstPage || run.allCurrent !== null)) break;
      await sleep(250);
    }
    if (run.firstPage === null) throw new Error(`no public page within 20 minutes:\n${tail(logFile)}`);
    return run;
  } finally {
    run.peakRssMB = sampler.stop() / 2 ** 20;
    await stopGroup(child);
  }
}

const exitedEarly = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** The public build's home page (its meta tag names the build), not the "being prepared" page. */
async function isPublicHome(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2000) });
    // The minified HTML drops the quotes: <meta name=ayin-build content=public>.
    return response.ok && /<meta name="?ayin-build"? content="?public"?>/.test(await response.text());
  } catch {
    return false;
  }
}
