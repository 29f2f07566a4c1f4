/**
 * Child processes for the benchmarks: each one runs in its own process group so that stopping
 * it also stops what it started (npx → node, docusaurus → workers, chrome → renderers), and
 * its output goes to a log file instead of drowning the benchmark's own progress lines.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, closeSync, readFileSync } from 'node:fs';
export { freeLoopbackPort } from '../../../server/free-port';

export interface StartOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** stdout and stderr are appended here. */
  logFile: string;
}

/** Starts `command` as the leader of a new process group (so `stopGroup` reaches its children). */
export function startInGroup(command: string, args: readonly string[], { cwd, env, logFile }: StartOptions): ChildProcess {
  const log = openSync(logFile, 'a');
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', log, log] });
  // The child holds its own copy of the descriptor.
  closeSync(log);
  return child;
}

/** Resolves with the exit code (or signal) once the child has ended. */
export function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

/** SIGTERM to the whole group, SIGKILL after `graceMs` if anything is still there. */
export async function stopGroup(child: ChildProcess, graceMs = 5000): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  if (!signalGroup(pid, 'SIGTERM')) return;
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!groupAlive(pid)) return;
    await sleep(100);
  }
  signalGroup(pid, 'SIGKILL');
}

function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // ESRCH: the group is already gone.
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}


/** Polls `url` until it answers 200, failing early when the server process dies. */
export async function waitForHttp(url: string, server: ChildProcess, { timeoutMs = 60_000, logFile }: { timeoutMs?: number; logFile: string }) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`the server exited before answering ${url}:\n${tail(logFile)}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new Error(`no answer from ${url} within ${timeoutMs / 1000} s:\n${tail(logFile)}`);
}

/** The last lines of a log, to explain a failure without sending the reader to a file. */
export function tail(file: string, lines = 25): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
