/** The throwaway PostgreSQL of the tests: a private cluster, or a fresh database on TEST_DATABASE_URL. */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { ensureTestPostgres } from '../postgres';

async function query(url: string, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

describe('ensureTestPostgres', () => {
  it('starts a private cluster on loopback with an empty database, and removes it all on stop', async () => {
    const started = Date.now();
    const server = await ensureTestPostgres({});
    const took = Date.now() - started;
    const url = new URL(server.url);
    expect(url.hostname).toBe('127.0.0.1');
    expect(url.pathname).toBe('/ayin_test');
    expect(url.password).not.toBe('');
    const tables = await query(server.url, "select count(*)::int as n from information_schema.tables where table_schema = 'public'");
    expect(tables.rows[0].n).toBe(0);
    // Durability is off: this cluster only ever holds test data.
    expect((await query(server.url, 'show fsync')).rows[0].fsync).toBe('off');
    expect(took).toBeLessThan(15_000);

    // The data folder is a temporary one, gone after stop; so is the server.
    const dirs = (await query(server.url, 'show data_directory')).rows[0].data_directory as string;
    expect(dirs.startsWith(tmpdir())).toBe(true);
    await server.stop();
    await server.stop();
    expect(existsSync(dirs)).toBe(false);
    await expect(query(server.url, 'select 1')).rejects.toThrow();
  });

  it('refuses connections without the password over TCP', async () => {
    const server = await ensureTestPostgres({});
    try {
      const url = new URL(server.url);
      url.password = 'wrong';
      await expect(query(url.toString(), 'select 1')).rejects.toThrow(/password authentication failed/);
    } finally {
      await server.stop();
    }
  });

  it('with TEST_DATABASE_URL, creates a database of its own there and drops it on stop', async () => {
    const cluster = await ensureTestPostgres({});
    try {
      const serverUrl = cluster.url.replace(/\/ayin_test$/, '/postgres');
      const scratch = await ensureTestPostgres({ TEST_DATABASE_URL: serverUrl });
      const name = new URL(scratch.url).pathname.slice(1);
      expect(name).toMatch(/^ayin_test_[0-9a-f]{12}$/);
      await query(scratch.url, 'create table t (x int)');
      const listed = async () => (await query(serverUrl, 'select datname from pg_database')).rows.map((r) => r.datname as string);
      expect(await listed()).toContain(name);
      await scratch.stop();
      expect(await listed()).not.toContain(name);
    } finally {
      await cluster.stop();
    }
  });
});
