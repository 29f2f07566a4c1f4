/** The admin's CSV import of companies and units, on SQLite and PostgreSQL: all rows or none. */
import { describe, expect, it } from 'vitest';
import { testDatabases } from '../../db/__tests__/test-databases';
import { importOrganisations } from '../organisations';

const dialects = testDatabases();
const NOW = 1_767_000_000_000;

describe.each(dialects)('importOrganisations on $name', (t) => {
  it('inserts new rows, renames by code, and gives a migrated company (no code) its code by name', async () => {
    await t.reset();
    await t.db.insertInto('companies').values({ id: 'legacy-1', code: null, name: 'شرکت روشن‌گستر شمال', created_at: 1 }).execute();
    const first = await importOrganisations(t.db, 'kind,code,name\ncompany,pars-niroo-khadamat,شرکت پارس نیرو\ncompany,roshan-gostar-shomal,شرکت روشن‌گستر شمال\nunit,omur-barq-shomal,امور برق شمال\n', NOW);
    expect(first).toEqual({ ok: true, created: 2, updated: 1 });
    const second = await importOrganisations(t.db, 'kind,code,name\ncompany,pars-niroo-khadamat,شرکت خدمات برق پارس نیرو\n', NOW);
    expect(second).toEqual({ ok: true, created: 0, updated: 1 });
    const companies = await t.db.selectFrom('companies').select(['id', 'code', 'name']).orderBy('code').execute();
    expect(companies.map((c) => [c.code, c.name])).toEqual([
      ['pars-niroo-khadamat', 'شرکت خدمات برق پارس نیرو'],
      ['roshan-gostar-shomal', 'شرکت روشن‌گستر شمال'],
    ]);
    // The migrated company kept its id, so its users stay linked.
    expect(companies.find((c) => c.code === 'roshan-gostar-shomal')!.id).toBe('legacy-1');
    expect(await t.db.selectFrom('units').select(['code', 'name']).execute()).toEqual([{ code: 'omur-barq-shomal', name: 'امور برق شمال' }]);
  });

  it('writes nothing when one row is wrong: a bad row in the file, or a name another code holds', async () => {
    await t.reset();
    await t.db.insertInto('companies').values({ id: 'c-1', code: 'kontor-pajouh', name: 'شرکت کنتورپژوه ایرانیان', created_at: 1 }).execute();
    const badRow = await importOrganisations(t.db, 'kind,code,name\ncompany,sepehr-tozi-arya,شرکت سپهر توزیع آریا\ncompany,BAD CODE,شرکت بد\n', NOW);
    expect(badRow).toMatchObject({ ok: false, problems: [{ line: 3, column: 'code' }] });
    const clash = await importOrganisations(t.db, 'kind,code,name\ncompany,sepehr-tozi-arya,شرکت سپهر توزیع آریا\ncompany,kontor-new,شرکت کنتورپژوه ایرانیان\n', NOW);
    expect(clash).toEqual({
      ok: false,
      problems: [{ line: 3, column: 'name', message: 'سطر ۳، ستون name: نام «شرکت کنتورپژوه ایرانیان» پیش‌تر با شناسه «kontor-pajouh» ثبت شده است.' }],
    });
    // Row 2 of the second file was valid and inserted inside the transaction: rolled back with it.
    expect(await t.db.selectFrom('companies').select('code').execute()).toEqual([{ code: 'kontor-pajouh' }]);
  });
});
