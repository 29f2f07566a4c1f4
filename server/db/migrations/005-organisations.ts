/**
 * Contractor companies and service units as data (issue 11): who an announcement is addressed
 * to and who acknowledged it are joined on these, not on text typed per user.
 *
 * `code` is the id front matter names (`content/organisations.yml`, `pars-niroo-khadamat`);
 * companies made here from the old free-text `users.company` have none until an admin's CSV
 * import gives them one. `users.company` stays (its CHECK guards contractors; certificates
 * print it) and `company_id`/`unit_id` are added beside it.
 *
 * The free-text companies are migrated: one company per distinct name (trimmed, spaces
 * collapsed, so «شرکت  پارس نیرو » and «شرکت پارس نیرو» are one), each user pointed at it.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';

/** The same name however it was typed: trimmed, runs of spaces (and ZWNJ-less doubles) collapsed. */
export const normaliseCompanyName = (name: string) => name.replace(/[\s\u00a0]+/gu, ' ').trim();

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['companies', 'units']) {
    await db.schema
      .createTable(table)
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('code', 'text', (c) => c.unique())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
  }
  await db.schema.alterTable('users').addColumn('company_id', 'text', (c) => c.references('companies.id')).execute();
  await db.schema.alterTable('users').addColumn('unit_id', 'text', (c) => c.references('units.id')).execute();
  await db.schema.createIndex('users_company_id_idx').on('users').column('company_id').execute();
  await db.schema.createIndex('users_unit_id_idx').on('users').column('unit_id').execute();

  const rows: { id: string; company: string }[] = await db.selectFrom('users').select(['id', 'company']).where('company', 'is not', null).execute();
  const byName = new Map<string, string>();
  const now = Date.now();
  for (const row of rows) {
    const name = normaliseCompanyName(row.company);
    if (!name) continue;
    let companyId = byName.get(name);
    if (!companyId) {
      companyId = randomUUID();
      byName.set(name, companyId);
      await db.insertInto('companies').values({ id: companyId, code: null, name, created_at: now }).execute();
    }
    await db.updateTable('users').set({ company_id: companyId }).where('id', '=', row.id).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('users_unit_id_idx').execute();
  await db.schema.dropIndex('users_company_id_idx').execute();
  await db.schema.alterTable('users').dropColumn('unit_id').execute();
  await db.schema.alterTable('users').dropColumn('company_id').execute();
  await db.schema.dropTable('units').execute();
  await db.schema.dropTable('companies').execute();
}
