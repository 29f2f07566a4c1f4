/**
 * Runs one audience's rebuild in a child process (`scripts/rebuild-audience.ts`): Docusaurus,
 * the synchronous precompression and the content validation all stay off the server's event
 * loop. The child's output is kept (its tail) to say why a build failed.
 */
import { spawn } from 'node:child_process';
import type { BuildAudience } from '../../src/policy/audience';
import { outputTail, tsxScript } from './tsx-child';

export interface ChildCommand {
  readonly file: string;
  readonly args: (audience: BuildAudience) => readonly string[];
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
}

/** `tsx scripts/rebuild-audience.ts --site-dir … --out-dir … --audience …`. */
export function rebuildScriptCommand({ siteDir, outDir }: { siteDir: string; outDir: string }): ChildCommand {
  const { file, script } = tsxScript('rebuild-audience.ts');
  return {
    file,
    args: (audience) => [script, '--site-dir', siteDir, '--out-dir', outDir, '--audience', audience],
    cwd: siteDir,
  };
}

/** How long a stopped build may take to exit on SIGTERM before it is killed outright. */
const STOP_GRACE_MS = 5_000;

/**
 * Builds one audience in a child process. The child leads a process group of its own, so that
 * aborting `signal` (the server stopping) ends it and everything it started (tsx runs the
 * script in a grandchild): no Docusaurus build outlives the server that asked for it.
 */
export function childProcessBuild(command: ChildCommand, log: (line: string) => void = () => {}): (audience: BuildAudience, signal?: AbortSignal) => Promise<void> {
  return (audience, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(new Error(`building ${audience} was stopped`));
      const child = spawn(command.file, [...command.args(audience)], { cwd: command.cwd, env: { ...process.env, ...command.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
      const killGroup = (sig: NodeJS.Signals) => {
        try {
          process.kill(-child.pid!, sig);
        } catch {
          // Already gone.
        }
      };
      let forceKill: NodeJS.Timeout | undefined;
      const onAbort = () => {
        killGroup('SIGTERM');
        forceKill = setTimeout(() => killGroup('SIGKILL'), STOP_GRACE_MS);
        forceKill.unref();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const tail = outputTail();
      const keep = (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        tail.add(text);
        for (const line of text.split('\n')) if (line.trim()) log(`[${audience}] ${line}`);
      };
      child.stdout.on('data', keep);
      child.stderr.on('data', keep);
      child.on('error', reject);
      child.on('exit', (code, exitSignal) => {
        signal?.removeEventListener('abort', onAbort);
        if (forceKill) clearTimeout(forceKill);
        // The group may hold the grandchild still: make sure nothing of this build is left.
        if (signal?.aborted) {
          killGroup('SIGKILL');
          return reject(new Error(`building ${audience} was stopped`));
        }
        if (code === 0) return resolve();
        // Its last line says why (the build's located error); the rest is in the server's log.
        const reason = tail.lastLine();
        reject(new Error(`building ${audience} failed (${exitSignal ?? `exit ${code}`})${reason ? `: ${reason}` : ''}`));
      });
    });
}
