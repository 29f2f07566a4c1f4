/**
 * Migration 005 on rows made before it, on SQLite and PostgreSQL: the database is taken back to
 * 004, users with free-text companies are written as the old code wrote them, then 005 runs.
 */
import { Migrator, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../migrations';
import { migrateToLatest } from '../open';
import type { Database } from '../schema';
import { testDatabases } from './test-databases';

const dialects = testDatabases();

async function backTo004(db: Kysely<Database>) {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => ({ ...MIGRATIONS }) } });
  const result = await migrator.migrateTo('004-audit');
  if (result.error) throw result.error;
  // Every migration after 004 is rolled back, newest first, 005 last.
  const later = Object.keys(MIGRATIONS).filter((name) => name > '004-audit').reverse();
  expect(result.results?.map((r) => [r.migrationName, r.direction, r.status])).toEqual(later.map((name) => [name, 'Down', 'Success']));
}

describe.each(dialects)('migration 005 on $name', (t) => {
  it('makes one company per free-text name, however it was spaced, and points each user at it', async () => {
    await t.reset();
    await backTo004(t.db);
    const legacy = t.db as unknown as Kysely<any>;
    const old = (id: string, username: string, role: string, company: string | null) => ({
      id, username, display_name: 'کاربر نمونه', role, company, password_hash: 'scrypt$…', created_at: 1_767_000_000_000, disabled_at: null,
    });
    await legacy.insertInto('users').values([
      old('u1', 'reza.karimi', 'contractor', 'شرکت خدمات برق پارس نیرو'),
      old('u2', 'ali.nazari', 'contractor', '  شرکت خدمات برق   پارس نیرو '),
      old('u3', 'maryam.rahimi', 'contractor', 'شرکت روشن‌گستر شمال'),
      old('u4', 'sara.ahmadi', 'staff', null),
    ]).execute();

    await migrateToLatest(t.db);

    const companies = await t.db.selectFrom('companies').selectAll().orderBy('name').execute();
    expect(companies.map((c) => [c.name, c.code])).toEqual([
      ['شرکت خدمات برق پارس نیرو', null],
      ['شرکت روشن‌گستر شمال', null],
    ]);
    const idOf = (name: string) => companies.find((c) => c.name === name)!.id;
    const users = await t.db.selectFrom('users').select(['id', 'company', 'company_id', 'unit_id']).orderBy('id').execute();
    expect(users).toEqual([
      // The text itself is left as it was (certificates print it); the link is what is new.
      { id: 'u1', company: 'شرکت خدمات برق پارس نیرو', company_id: idOf('شرکت خدمات برق پارس نیرو'), unit_id: null },
      { id: 'u2', company: '  شرکت خدمات برق   پارس نیرو ', company_id: idOf('شرکت خدمات برق پارس نیرو'), unit_id: null },
      { id: 'u3', company: 'شرکت روشن‌گستر شمال', company_id: idOf('شرکت روشن‌گستر شمال'), unit_id: null },
      { id: 'u4', company: null, company_id: null, unit_id: null },
    ]);
  });

  it('refuses a user pointing at a company or unit that does not exist, and a second company of the same name', async () => {
    await t.reset();
    await t.db.insertInto('companies').values({ id: 'c-a', code: 'pars-niroo-khadamat', name: 'شرکت الف', created_at: 1 }).execute();
    const row = { id: 'u9', username: 'hamed.ghasemi', display_name: 'حامد قاسمی', role: 'contractor' as const, company: 'شرکت الف', password_hash: 'x', created_at: 1, disabled_at: null, unit_id: null };
    await expect(t.db.insertInto('users').values({ ...row, company_id: 'no-such-company' }).execute()).rejects.toThrow();
    await expect(t.db.insertInto('users').values({ ...row, company_id: null, unit_id: 'no-such-unit' }).execute()).rejects.toThrow();
    await expect(t.db.insertInto('companies').values({ id: 'c-b', code: null, name: 'شرکت الف', created_at: 1 }).execute()).rejects.toThrow();
    await t.db.insertInto('users').values({ ...row, company_id: 'c-a' }).execute();
    expect(await t.db.selectFrom('users').select('company_id').where('id', '=', 'u9').executeTakeFirst()).toEqual({ company_id: 'c-a' });
  });
});
