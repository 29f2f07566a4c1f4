/**
 * Opens the Ayin database: SQLite (better-sqlite3, WAL) in the data folder by default, or
 * PostgreSQL when a `DATABASE_URL` is given. Both get the same schema from the same
 * migrations, run here, at open, before anything else touches the tables.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type MigrationResultSet } from 'kysely';
import pg from 'pg';
import { MIGRATIONS } from './migrations';
import { checkNativeModules } from './native-check';
import type { Database } from './schema';

export type DialectName = 'sqlite' | 'postgres';

export interface OpenDatabaseOptions {
  /** A `postgres://` or `postgresql://` URL; SQLite when absent or empty. */
  readonly url?: string;
  /** The SQLite file, e.g. `data/ayin.sqlite`; its folder is created when missing. */
  readonly sqlitePath: string;
  /** PostgreSQL pool size (default 10). */
  readonly poolSize?: number;
}

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  /** For logs and `/api/health`: the file, or the PostgreSQL URL without its password. */
  readonly location: string;
  close(): Promise<void>;
}

export class DatabaseError extends Error {}

/** Where the database is, from the environment: `DATABASE_URL`, else `<dataDir>/ayin.sqlite`. */
export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv, dataDir: string): OpenDatabaseOptions {
  return { url: env.DATABASE_URL || undefined, sqlitePath: path.join(dataDir, 'ayin.sqlite') };
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  const handle = options.url ? openPostgres(options.url, options.poolSize ?? 10) : openSqlite(options.sqlitePath);
  try {
    await migrateToLatest(handle.db);
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw handle.dialect === 'postgres'
      ? new DatabaseError(`Could not use PostgreSQL at ${handle.location}: ${(error as Error).message}`)
      : error;
  }
  return handle;
}

/** Runs every pending migration; throws naming the migration that failed. */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResultSet> {
  // Migrations arrive from work done side by side (009 landed after 010 and 011), and each adds
  // its own tables and columns: a database that already ran a later number must still run an
  // earlier one that came later, not refuse to start.
  const migrator = new Migrator({ db, provider: { getMigrations: async () => ({ ...MIGRATIONS }) }, allowUnorderedMigrations: true });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const cause = result.error instanceof Error ? result.error.message : String(result.error);
    throw new DatabaseError(failed ? `Migration ${failed.migrationName} failed: ${cause}` : `Migrations failed: ${cause}`);
  }
  return result;
}

function openSqlite(file: string): DatabaseHandle {
  checkNativeModules();
  const resolved = path.resolve(file);
  mkdirSync(path.dirname(resolved), { recursive: true });
  const sqlite = new SqliteDatabase(resolved);
  // WAL lets readers go on while one writer commits; NORMAL is durable across crashes of the
  // process (not of the OS mid-commit) and much faster than FULL in WAL mode.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', location: resolved, close: () => db.destroy() };
}

const INT8_OID = 20;

function openPostgres(url: string, poolSize: number): DatabaseHandle {
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new DatabaseError(`DATABASE_URL must start with postgres:// or postgresql://, got "${redactUrl(url)}"`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 10_000,
    // bigint columns (times in ms, counts) as numbers, like SQLite gives them; per pool, so
    // no other pg user in the process is affected.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID && format !== 'binary' ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its connection (a restarted server) must not crash the process.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', location: redactUrl(url), close: () => db.destroy() };
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
