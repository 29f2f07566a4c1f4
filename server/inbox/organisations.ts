/**
 * Companies and units from the admin's CSV (issue 11): every row or none. The file is parsed
 * and checked whole first (src/domain/organisations/csv.ts); rows are then matched inside one
 * transaction: by code (its name updated), else by name to a company migrated from free text
 * without a code (the code given to it), else inserted. A name already held by another code is
 * a problem at its row, and the transaction is rolled back: nothing of the file is written.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { parseOrganisationsCsv, type CsvProblem, type OrganisationRow } from '../../src/domain/organisations/csv';
import { toPersianDigits } from '../../src/domain/digits';
import type { Database } from '../db/schema';

export type ImportResult =
  | { readonly ok: true; readonly created: number; readonly updated: number }
  | { readonly ok: false; readonly problems: readonly CsvProblem[] };

class Refused extends Error {
  constructor(readonly problems: CsvProblem[]) {
    super('import refused');
  }
}

export async function importOrganisations(db: Kysely<Database>, csv: string, now: number): Promise<ImportResult> {
  const { rows, problems } = parseOrganisationsCsv(csv);
  if (problems.length) return { ok: false, problems };
  if (!rows.length) return { ok: false, problems: [{ line: 1, column: 'kind', message: 'پرونده هیچ سطری ندارد.' }] };
  return writeOrganisations(db, rows, now);
}

/**
 * The companies and units of the build (`content/organisations.yml`, in the server manifest)
 * written by the same rules as the admin's CSV, so the codes announcements name exist as rows
 * users can belong to. The row numbers of a problem are the list's positions.
 */
export async function syncOrganisations(
  db: Kysely<Database>,
  organisations: { readonly companies: readonly { id: string; title: string }[]; readonly units: readonly { id: string; title: string }[] },
  now: number,
): Promise<ImportResult> {
  const rows: OrganisationRow[] = [
    ...organisations.companies.map((c, i) => ({ kind: 'company' as const, code: c.id, name: c.title, line: i + 1 })),
    ...organisations.units.map((u, i) => ({ kind: 'unit' as const, code: u.id, name: u.title, line: i + 1 })),
  ];
  if (!rows.length) return { ok: true, created: 0, updated: 0 };
  return writeOrganisations(db, rows, now);
}

async function writeOrganisations(db: Kysely<Database>, rows: readonly OrganisationRow[], now: number): Promise<ImportResult> {
  try {
    return await db.transaction().execute(async (tx) => {
      let created = 0;
      let updated = 0;
      const clashes: CsvProblem[] = [];
      for (const row of rows) {
        const table = row.kind === 'company' ? 'companies' : 'units';
        const byCode = await tx.selectFrom(table).selectAll().where('code', '=', row.code).executeTakeFirst();
        const byName = await tx.selectFrom(table).selectAll().where('name', '=', row.name).executeTakeFirst();
        if (byName && byName.code !== null && byName.code !== row.code) {
          clashes.push({ line: row.line, column: 'name', message: `سطر ${toPersianDigits(row.line)}، ستون name: نام «${row.name}» پیش‌تر با شناسه «${byName.code}» ثبت شده است.` });
          continue;
        }
        if (byCode) {
          if (byName && byName.id !== byCode.id) {
            clashes.push({ line: row.line, column: 'name', message: `سطر ${toPersianDigits(row.line)}، ستون name: نام «${row.name}» از آنِ سازمان دیگری است.` });
            continue;
          }
          if (byCode.name !== row.name) {
            await tx.updateTable(table).set({ name: row.name }).where('id', '=', byCode.id).execute();
            updated++;
          }
        } else if (byName) {
          await tx.updateTable(table).set({ code: row.code }).where('id', '=', byName.id).execute();
          updated++;
        } else {
          await tx.insertInto(table).values({ id: randomUUID(), code: row.code, name: row.name, created_at: now }).execute();
          created++;
        }
      }
      if (clashes.length) throw new Refused(clashes);
      return { ok: true as const, created, updated };
    });
  } catch (error) {
    if (error instanceof Refused) return { ok: false, problems: error.problems };
    throw error;
  }
}
