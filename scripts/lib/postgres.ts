/**
 * A throwaway PostgreSQL database for tests and benchmarks.
 *
 * With `TEST_DATABASE_URL` set, a fresh database is created on that server (its user needs
 * CREATEDB) and dropped by `stop()`. Otherwise a private cluster is started from Debian's
 * binaries (`/usr/lib/postgresql/<version>/bin`) in a temporary folder, listening on a free
 * loopback port, with durability turned off for speed; `stop()` stops it and deletes the
 * folder. PostgreSQL is installed with apt-get when missing and we are root.
 */
import { execFile, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { freeLoopbackPort } from '../../server/free-port';

export interface TestPostgres {
  /** A `postgresql://` URL of an empty database of its own. */
  readonly url: string;
  /** Drops the database or stops the private cluster; safe to call twice. */
  stop(): Promise<void>;
  /**
   * The private cluster only: stops the server (`-m fast`: connections are cut at once, but
   * the WAL is flushed, since the cluster runs with synchronous_commit off and a crash would
   * lose the last commits), keeping its data, and starts it again on the same port (fault
   * tests: the database away).
   */
  pause?(): Promise<void>;
  resume?(): Promise<void>;
}

const DEBIAN_ROOT = '/usr/lib/postgresql';
const isRoot = () => process.getuid?.() === 0;

export async function ensureTestPostgres(env: NodeJS.ProcessEnv = process.env): Promise<TestPostgres> {
  if (env.TEST_DATABASE_URL) return createDatabaseOn(env.TEST_DATABASE_URL);
  return startPrivateCluster(await findPostgresBin());
}

async function createDatabaseOn(serverUrl: string): Promise<TestPostgres> {
  const name = `ayin_test_${randomBytes(6).toString('hex')}`;
  await withClient(serverUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let stopped = false;
  return {
    url: url.toString(),
    async stop() {
      if (stopped) return;
      stopped = true;
      await withClient(serverUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}

/** The newest Debian PostgreSQL's bin folder, installing the package when there is none. */
export async function findPostgresBin(): Promise<string> {
  const found = newestDebianBin();
  if (found) return found;
  if (!isRoot()) {
    throw new Error('PostgreSQL is not installed (no /usr/lib/postgresql/*/bin). Install it with "sudo apt-get install -y postgresql", or set TEST_DATABASE_URL.');
  }
  const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Test files run in parallel: the second apt-get waits for the first one's lock.
  const lockWait = ['-o', 'DPkg::Lock::Timeout=600'];
  const install = () => exec('apt-get', [...lockWait, 'install', '-y', '-qq', 'postgresql'], { env: aptEnv, timeoutMs: 900_000 });
  try {
    await install();
  } catch {
    // A fresh machine has no package lists yet.
    await exec('apt-get', [...lockWait, 'update', '-qq'], { env: aptEnv, timeoutMs: 900_000 });
    await install();
  }
  const installed = newestDebianBin();
  if (!installed) throw new Error('apt-get installed postgresql, but no /usr/lib/postgresql/*/bin/initdb was found.');
  return installed;
}

function newestDebianBin(): string | undefined {
  if (!existsSync(DEBIAN_ROOT)) return undefined;
  return readdirSync(DEBIAN_ROOT)
    .filter((v) => /^\d+$/.test(v) && existsSync(path.join(DEBIAN_ROOT, v, 'bin', 'initdb')) && existsSync(path.join(DEBIAN_ROOT, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => path.join(DEBIAN_ROOT, v, 'bin'))[0];
}

async function startPrivateCluster(bin: string): Promise<TestPostgres> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ayin-pg-'));
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'postgres.log');
  const password = randomBytes(18).toString('hex');
  // PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user.
  const owner = isRoot() ? postgresUser() : undefined;
  const pwFile = path.join(dir, 'password');
  writeFileSync(pwFile, password, { mode: 0o600 });
  if (owner) for (const p of [dir, pwFile]) chownSync(p, owner.uid, owner.gid);
  const as = (tool: string, args: string[], timeoutMs = 60_000) =>
    owner ? exec('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args], { cwd: dir, timeoutMs }) : exec(path.join(bin, tool), args, { cwd: dir, timeoutMs });

  let started = false;
  const stopNow = () => {
    if (started) {
      const args = ['-D', dataDir, '-m', 'immediate', '-w', 'stop'];
      spawnSync(owner ? 'runuser' : path.join(bin, 'pg_ctl'), owner ? ['-u', 'postgres', '--', path.join(bin, 'pg_ctl'), ...args] : args, { stdio: 'ignore', cwd: dir });
      started = false;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // A test worker that dies without its afterAll still takes its cluster down.
  process.once('exit', stopNow);

  try {
    // Unix sockets (only in this 0700 folder) are trusted; TCP needs the password.
    await as('initdb', ['-D', dataDir, '-U', 'postgres', `--pwfile=${pwFile}`, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--locale=C', '--no-sync']);
    let port = 0;
    let serverOptions = '';
    for (let attempt = 1; !started; attempt++) {
      port = await freeLoopbackPort();
      serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60`;
      try {
        await as('pg_ctl', ['-D', dataDir, '-l', logFile, '-o', serverOptions, '-w', '-t', '60', 'start'], 90_000);
        started = true;
      } catch (error) {
        // Another process may have taken the port between our probe and the server's bind.
        const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
        if (attempt >= 3 || !/could not bind|already in use/i.test(log)) throw new Error(`${(error as Error).message}\n${log.slice(-2000)}`);
      }
    }
    const serverUrl = `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`;
    await withClient(serverUrl, (client) => client.query('create database ayin_test'));
    return {
      url: `postgresql://postgres:${password}@127.0.0.1:${port}/ayin_test`,
      async stop() {
        process.removeListener('exit', stopNow);
        stopNow();
      },
      async pause() {
        await as('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
        started = false;
      },
      async resume() {
        await as('pg_ctl', ['-D', dataDir, '-l', logFile, '-o', serverOptions, '-w', '-t', '60', 'start'], 90_000);
        started = true;
      },
    };
  } catch (error) {
    process.removeListener('exit', stopNow);
    stopNow();
    throw new Error(`Could not start a private PostgreSQL with ${bin}: ${(error as Error).message}`);
  }
}

function postgresUser(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (!uid || !gid) throw new Error('There is no "postgres" user; reinstall the postgresql package ("apt-get install --reinstall postgresql-common").');
  return { uid: Number(uid), gid: Number(gid) };
}


async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

function exec(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs: number }): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd: options.cwd, env: { ...(options.env ?? process.env), LC_ALL: 'C' }, timeout: options.timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${path.basename(command)} ${args.join(' ')} failed: ${stderr.trim() || error.message}`));
      else resolve(stdout);
    });
  });
}
