/**
 * The real Ayin server in a process of its own (`scripts/lib/bench/api-server.ts`: `buildServer`
 * on a given database), so a scenario can SIGKILL it and start it again on the same port and
 * database, as a crash and a restart would.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { exited, freeLoopbackPort, startInGroup, stopGroup, tail, waitForHttp } from '../../../scripts/lib/bench/processes';

const root = path.resolve(__dirname, '../../..');

export interface DatabaseLocation {
  readonly url?: string;
  readonly sqlitePath: string;
}

export interface AyinProcess {
  readonly origin: string;
  readonly port: number;
  readonly logFile: string;
  /** SIGKILL: no shutdown hook runs, nothing is flushed. */
  kill(): Promise<void>;
  /** The same server again (same port, same database) after a kill or stop. */
  restart(): Promise<void>;
  stop(): Promise<void>;
  log(): string;
}

export async function startAyin(database: DatabaseLocation, options: { port?: number; env?: NodeJS.ProcessEnv } = {}): Promise<AyinProcess> {
  const port = options.port ?? (await freeLoopbackPort());
  const logFile = path.join(mkdtempSync(path.join(tmpdir(), 'ayin-reliability-server-')), 'server.log');
  const origin = `http://127.0.0.1:${port}`;
  let child: ChildProcess;
  const start = async () => {
    child = startInGroup(process.execPath, ['--import', 'tsx', 'scripts/lib/bench/api-server.ts'], {
      cwd: root,
      logFile,
      env: { PORT: String(port), AYIN_BENCH_MODE: 'ayin', DATABASE_URL: database.url ?? '', AYIN_BENCH_SQLITE: database.sqlitePath, NODE_ENV: 'production', ...options.env },
    });
    await waitForHttp(`${origin}/api/health`, child, { logFile, timeoutMs: 90_000 });
  };
  await start();
  return {
    origin,
    port,
    logFile,
    async kill() {
      process.kill(-child.pid!, 'SIGKILL');
      await exited(child);
    },
    restart: start,
    stop: () => stopGroup(child),
    log: () => tail(logFile, 40),
  };
}
