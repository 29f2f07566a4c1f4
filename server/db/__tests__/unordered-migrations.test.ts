/**
 * A database that ran the migrations as they were numbered then, before 009 existed (the
 * feedback table landed after 010 and 011), runs 009 at the next start instead of refusing.
 */
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../migrations';
import { migrateToLatest } from '../open';
import type { Database } from '../schema';
import { testDatabases } from './test-databases';

const dialects = testDatabases();

describe.each(dialects)('a migration that landed after later ones, on $name', (t) => {
  it('is run, and only it, when the database already has the later ones', async () => {
    await t.reset();
    await migrateToLatest(t.db);
    // Undo 009 by hand and forget it, as a database made before it landed would be.
    await MIGRATIONS['009-feedback']!.down!(t.db as unknown as Kysely<any>);
    await sql`delete from kysely_migration where name = '009-feedback'`.execute(t.db);
    expect(await t.db.selectFrom('clause_feedback' as never).selectAll().execute().catch(() => 'missing')).toBe('missing');

    const result = await migrateToLatest(t.db as Kysely<Database>);
    expect(result.results?.map((r) => [r.migrationName, r.status])).toEqual([['009-feedback', 'Success']]);
    expect(await t.db.selectFrom('clause_feedback').selectAll().execute()).toEqual([]);
  });
});
