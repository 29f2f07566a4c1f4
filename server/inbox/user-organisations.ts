/**
 * Which company and unit (migration 005) a new user belongs to, from the codes the admin's form
 * or the contractor CSV names (`companyCode`, `unitCode`: the ids of content/organisations.yml).
 * An unknown code is a problem at its field, never a user silently addressed by no
 * announcement. Without a code, a contractor's free-text company is linked when a company of
 * that name exists (the companies migrated from free text), and left unlinked otherwise.
 */
import type { Kysely } from 'kysely';
import { normaliseCompanyName } from '../db/migrations/005-organisations';
import type { Database } from '../db/schema';

export interface OrganisationChoice {
  readonly companyCode?: string | null;
  readonly unitCode?: string | null;
  /** The free-text company (contractors). */
  readonly company?: string | null;
}

export interface OrganisationProblem {
  readonly field: 'company' | 'unit';
  readonly message: string;
  readonly messageFa: string;
}

export interface ResolvedOrganisations {
  readonly companyId: string | null;
  readonly unitId: string | null;
  /** The company's name as the table has it, when a code chose it (the free text follows it). */
  readonly companyName: string | null;
  readonly problems: readonly OrganisationProblem[];
}

interface Known {
  readonly id: string;
  readonly code: string | null;
  readonly name: string;
}

export interface OrganisationIndex {
  resolve(choice: OrganisationChoice): ResolvedOrganisations;
}

/** Loads both tables once (a CSV of a thousand rows asks a thousand times). */
export async function loadOrganisationIndex(db: Kysely<Database>): Promise<OrganisationIndex> {
  const [companies, units] = await Promise.all([
    db.selectFrom('companies').select(['id', 'code', 'name']).execute(),
    db.selectFrom('units').select(['id', 'code', 'name']).execute(),
  ]);
  return organisationIndexOf(companies, units);
}

export function organisationIndexOf(companies: readonly Known[], units: readonly Known[]): OrganisationIndex {
  const companyByCode = new Map(companies.filter((c) => c.code).map((c) => [c.code!, c]));
  const companyByName = new Map(companies.map((c) => [normaliseCompanyName(c.name), c]));
  const unitByCode = new Map(units.filter((u) => u.code).map((u) => [u.code!, u]));
  return {
    resolve({ companyCode, unitCode, company }) {
      const problems: OrganisationProblem[] = [];
      const companyKey = companyCode?.trim() ?? '';
      const unitKey = unitCode?.trim() ?? '';
      let chosen: Known | undefined;
      if (companyKey) {
        chosen = companyByCode.get(companyKey);
        if (!chosen) problems.push({ field: 'company', message: `unknown company "${companyKey}"`, messageFa: `شرکت «${companyKey}» در فهرست شرکت‌ها نیست.` });
      } else if (company?.trim()) {
        chosen = companyByName.get(normaliseCompanyName(company));
      }
      let unit: Known | undefined;
      if (unitKey) {
        unit = unitByCode.get(unitKey);
        if (!unit) problems.push({ field: 'unit', message: `unknown unit "${unitKey}"`, messageFa: `واحد «${unitKey}» در فهرست واحدها نیست.` });
      }
      return {
        companyId: chosen?.id ?? null,
        unitId: unit?.id ?? null,
        companyName: companyKey && chosen ? chosen.name : null,
        problems,
      };
    },
  };
}

/** The companies and units with a code, by name: what the admin's form offers. */
export async function listOrganisationOptions(db: Kysely<Database>): Promise<{ companies: { code: string; name: string }[]; units: { code: string; name: string }[] }> {
  const options = async (table: 'companies' | 'units') =>
    (await db.selectFrom(table).select(['code', 'name']).where('code', 'is not', null).orderBy('name').execute()).map((r) => ({ code: r.code!, name: r.name }));
  const [companies, units] = await Promise.all([options('companies'), options('units')]);
  return { companies, units };
}
