import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { freeLoopbackPort } from '../../free-port';
import { databaseFailureOf } from '../errors';

describe('databaseFailureOf', () => {
  it('calls a refused PostgreSQL connection "unavailable" (the real error pg throws)', async () => {
    const port = await freeLoopbackPort(); // nothing listens there
    const client = new pg.Client({ connectionString: `postgresql://x:y@127.0.0.1:${port}/z`, connectionTimeoutMillis: 2000 });
    const error = await client.connect().then(() => undefined, (e: unknown) => e);
    expect(error).toBeDefined();
    expect(databaseFailureOf(error)).toBe('unavailable');
  });

  it('calls SQLite\'s SQLITE_FULL "storage-full" (a real full database: max_page_count reached)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ayin-db-errors-'));
    const db = new SqliteDatabase(path.join(dir, 'full.sqlite'));
    try {
      db.exec('create table t (x text)');
      db.pragma('max_page_count = 3');
      let error: unknown;
      try {
        for (let i = 0; i < 100; i++) db.prepare('insert into t values (?)').run('x'.repeat(4000));
      } catch (e) {
        error = e;
      }
      expect((error as { code?: string }).code).toBe('SQLITE_FULL');
      expect(databaseFailureOf(error)).toBe('storage-full');
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves other errors (bugs, constraint violations) alone: they stay 500 or 4xx', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ayin-db-errors-'));
    const db = new SqliteDatabase(path.join(dir, 'u.sqlite'));
    try {
      db.exec('create table t (x text primary key)');
      db.prepare('insert into t values (?)').run('a');
      const error = (() => {
        try {
          db.prepare('insert into t values (?)').run('a');
        } catch (e) {
          return e;
        }
      })();
      expect(databaseFailureOf(error)).toBeUndefined();
      expect(databaseFailureOf(new TypeError('x is undefined'))).toBeUndefined();
      expect(databaseFailureOf(undefined)).toBeUndefined();
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
