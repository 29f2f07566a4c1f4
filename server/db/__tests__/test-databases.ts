/**
 * The same tests on both dialects: `testDatabases()` (called at a test file's top level)
 * opens a SQLite file in a temporary folder and a PostgreSQL database from
 * `ensureTestPostgres()` (one private cluster per test file), and closes both after the file.
 *
 *   const dialects = testDatabases();
 *   describe.each(dialects)('users on $name', (t) => { beforeEach(() => t.reset()); … t.db … });
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { ensureTestPostgres, type TestPostgres } from '../../../scripts/lib/postgres';
import { openDatabase, type DatabaseHandle, type DialectName, type OpenDatabaseOptions } from '../open';
import type { Database } from '../schema';

export interface TestDatabase {
  readonly name: DialectName;
  /** How to open this same database again (a restarted server). */
  readonly options: OpenDatabaseOptions;
  readonly handle: DatabaseHandle;
  readonly db: Kysely<Database>;
  /** Empties every table (children first). */
  reset(): Promise<void>;
}

export function testDatabases(): TestDatabase[] {
  let dir: string;
  let postgres: TestPostgres | undefined;
  const handles: Partial<Record<DialectName, DatabaseHandle>> = {};
  const options: Partial<Record<DialectName, OpenDatabaseOptions>> = {};

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ayin-db-test-'));
    options.sqlite = { sqlitePath: path.join(dir, 'ayin.sqlite') };
    postgres = await ensureTestPostgres();
    options.postgres = { url: postgres.url, sqlitePath: path.join(dir, 'unused.sqlite') };
    handles.sqlite = await openDatabase(options.sqlite);
    handles.postgres = await openDatabase(options.postgres);
  });

  afterAll(async () => {
    await Promise.all(Object.values(handles).map((h) => h.close()));
    await postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const fixture = (name: DialectName): TestDatabase => ({
    name,
    get options() {
      return options[name]!;
    },
    get handle() {
      return handles[name]!;
    },
    get db() {
      return handles[name]!.db;
    },
    async reset() {
      const db = handles[name]!.db;
      await db.deleteFrom('reacknowledgment_decisions').execute();
      await db.deleteFrom('reminders').execute();
      await db.deleteFrom('acknowledgments').execute();
      await db.deleteFrom('clause_feedback').execute();
      await db.deleteFrom('outbox').execute();
      await db.deleteFrom('sessions').execute();
      await db.deleteFrom('login_attempts').execute();
      await db.deleteFrom('users').execute();
      await db.deleteFrom('companies').execute();
      await db.deleteFrom('units').execute();
    },
  });
  return [fixture('sqlite'), fixture('postgres')];
}
