/**
 * Imports contractor staff from CSV (`username,display_name,company,password`, header first),
 * all or nothing: every row is checked first, and when any row is wrong nothing is stored and
 * every problem is reported as `row N: field: message` (N counts lines, the header is row 1,
 * as a spreadsheet numbers them). An empty password cell gets a generated password, returned
 * so it can be handed to the user.
 */
import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../db/errors';
import type { Database, UserRow } from '../db/schema';
import { mapBounded } from './bounded';
import { CsvSyntaxError, parseCsv } from './csv';
import { generatePassword } from './password';
import { loadOrganisationIndex, type ResolvedOrganisations } from '../inbox/user-organisations';
import { userRowFor } from './users';
import { validateNewUser, type ValidUser } from './validation';

export const CONTRACTOR_COLUMNS = ['username', 'display_name', 'company', 'password'] as const;
/**
 * The company and service unit by code (ids of content/organisations.yml), each optional: an
 * unknown code is a problem at its row; a code fills an empty `company` cell with its name.
 * `email` (optional): where reminders are mailed; an invalid or taken address is a problem at its row.
 * `phone` (optional): where they are texted, an Iranian mobile in Persian or Latin digits; a bad one is a problem at its row.
 */
export const OPTIONAL_CONTRACTOR_COLUMNS = ['company_code', 'unit_code', 'email', 'phone'] as const;
const KNOWN_COLUMNS: readonly string[] = [...CONTRACTOR_COLUMNS, ...OPTIONAL_CONTRACTOR_COLUMNS];
/** Hashing is the slow part (about 0.1 s a row on two cores); beyond this, split the file. */
export const MAX_IMPORT_ROWS = 1000;
/**
 * Rows hashed at once. One: scrypt takes a worker thread and a core while it runs, and this
 * machine has two cores and libuv four threads; with four at once (the old setting) every
 * sign-in queued behind the import's hashes (figures in BENCHMARKS.md, `npm run bench:import`).
 */
export const IMPORT_HASH_CONCURRENCY = 1;

export interface ImportOptions {
  readonly now?: number;
  /** Rows hashed at once (default IMPORT_HASH_CONCURRENCY); the benchmark compares settings. */
  readonly hashConcurrency?: number;
  /**
   * Called inside the transaction that stores the rows (the audit log), so the users and
   * their record are stored together or not at all.
   */
  readonly inTransaction?: (trx: Kysely<Database>, imported: readonly ImportedUser[]) => Promise<void>;
}

export interface ImportProblem {
  /** The CSV row (line) number; 1 is the header, 0 the file as a whole. */
  readonly row: number;
  readonly field: string;
  readonly message: string;
  readonly messageFa: string;
}

export interface ImportedUser {
  readonly row: number;
  readonly username: string;
  readonly displayName: string;
  readonly company: string;
  /** Set when the CSV left the password empty. */
  readonly generatedPassword?: string;
}

export type ImportResult =
  | { readonly ok: true; readonly imported: readonly ImportedUser[] }
  | { readonly ok: false; readonly problems: readonly ImportProblem[]; readonly errors: readonly string[] };

export function formatProblem(problem: ImportProblem): string {
  return problem.row === 0 ? `file: ${problem.message}` : `row ${problem.row}: ${problem.field}: ${problem.message}`;
}

function failed(problems: ImportProblem[]): ImportResult {
  return { ok: false, problems, errors: problems.map(formatProblem) };
}

const fileProblem = (message: string, messageFa: string): ImportProblem => ({ row: 0, field: 'file', message, messageFa });

export async function importContractorsCsv(db: Kysely<Database>, csvText: string, options: ImportOptions | number = {}): Promise<ImportResult> {
  const { now = Date.now(), hashConcurrency = IMPORT_HASH_CONCURRENCY, inTransaction } = typeof options === 'number' ? { now: options } : options;
  let records;
  try {
    records = parseCsv(csvText);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return failed([{ row: error.line, field: 'csv', message: error.message.replace(/^line \d+: /, ''), messageFa: 'ساختار پروندهٔ CSV نادرست است.' }]);
  }
  const [header, ...rows] = records;
  if (!header) return failed([fileProblem('the file is empty', 'پرونده خالی است.')]);

  const names = header.fields.map((f) => f.trim().toLowerCase());
  const missing = CONTRACTOR_COLUMNS.filter((c) => !names.includes(c));
  const unknown = names.filter((n) => !KNOWN_COLUMNS.includes(n));
  if (missing.length || unknown.length || new Set(names).size !== names.length) {
    return failed([
      {
        row: header.line,
        field: 'header',
        message: `must name the columns ${CONTRACTOR_COLUMNS.join(',')}` + (missing.length ? ` (missing: ${missing.join(', ')})` : '') + (unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''),
        messageFa: `سطر عنوان باید ستون‌های ${CONTRACTOR_COLUMNS.join('، ')} را داشته باشد.`,
      },
    ]);
  }
  if (rows.length === 0) return failed([fileProblem('there are no rows after the header', 'پرونده جز سطر عنوان سطری ندارد.')]);
  if (rows.length > MAX_IMPORT_ROWS) return failed([fileProblem(`at most ${MAX_IMPORT_ROWS} rows per file`, 'تعداد سطرهای پرونده بیش از حد مجاز است.')]);

  const organisations = await loadOrganisationIndex(db);
  const problems: ImportProblem[] = [];
  const valid: { row: number; user: ValidUser; generated?: string; links: ResolvedOrganisations }[] = [];
  const firstRowOf = new Map<string, number>();
  const firstRowOfEmail = new Map<string, number>();
  for (const record of rows) {
    if (record.fields.length !== names.length) {
      problems.push({ row: record.line, field: 'row', message: `has ${record.fields.length} fields, the header has ${names.length}`, messageFa: 'تعداد ستون‌های این سطر با سطر عنوان یکی نیست.' });
      continue;
    }
    const cell = (column: (typeof CONTRACTOR_COLUMNS)[number] | (typeof OPTIONAL_CONTRACTOR_COLUMNS)[number]) => (names.includes(column) ? record.fields[names.indexOf(column)]! : '');
    const generated = cell('password') === '' ? generatePassword() : undefined;
    const links = organisations.resolve({ companyCode: cell('company_code'), unitCode: cell('unit_code'), company: cell('company') });
    const { value, issues } = validateNewUser({
      username: cell('username'),
      displayName: cell('display_name'),
      company: links.companyName || cell('company'),
      password: generated ?? cell('password'),
      role: 'contractor',
      email: cell('email'),
      phone: cell('phone'),
    });
    problems.push(...issues.map((i) => ({ row: record.line, ...i })));
    problems.push(...links.problems.map((p) => ({ row: record.line, field: p.field === 'company' ? 'company_code' : 'unit_code', message: p.message, messageFa: p.messageFa })));
    if (!value || links.problems.length) continue;
    const earlier = firstRowOf.get(value.username);
    if (earlier !== undefined) {
      problems.push({ row: record.line, field: 'username', message: `duplicates row ${earlier}`, messageFa: 'این نام کاربری در سطر دیگری از همین پرونده هم آمده است.' });
      continue;
    }
    firstRowOf.set(value.username, record.line);
    if (value.email) {
      const earlierEmail = firstRowOfEmail.get(value.email);
      if (earlierEmail !== undefined) {
        problems.push({ row: record.line, field: 'email', message: `duplicates row ${earlierEmail}`, messageFa: 'این نشانی رایانامه در سطر دیگری از همین پرونده هم آمده است.' });
        continue;
      }
      firstRowOfEmail.set(value.email, record.line);
    }
    valid.push({ row: record.line, user: value, generated, links });
  }

  const usernames = valid.map((v) => v.user.username);
  const taken = new Set<string>();
  for (let i = 0; i < usernames.length; i += 500) {
    const found = await db.selectFrom('users').select('username').where('username', 'in', usernames.slice(i, i + 500)).execute();
    for (const { username } of found) taken.add(username);
  }
  for (const v of valid) {
    if (taken.has(v.user.username)) problems.push({ row: v.row, field: 'username', message: 'already exists', messageFa: 'این نام کاربری پیش‌تر ثبت شده است.' });
  }
  const emails = valid.flatMap((v) => (v.user.email ? [v.user.email] : []));
  const takenEmails = new Set<string>();
  for (let i = 0; i < emails.length; i += 500) {
    const found = await db.selectFrom('users').select('email').where('email', 'in', emails.slice(i, i + 500)).execute();
    for (const { email } of found) if (email) takenEmails.add(email);
  }
  for (const v of valid) {
    if (v.user.email && takenEmails.has(v.user.email)) problems.push({ row: v.row, field: 'email', message: 'is already given to another user', messageFa: 'این نشانی رایانامه پیش‌تر برای کاربر دیگری ثبت شده است.' });
  }
  if (problems.length) return failed(problems.sort((a, b) => a.row - b.row));

  // Hash before the transaction: it holds SQLite's write lock for its whole length.
  const prepared: UserRow[] = await mapBounded(valid, hashConcurrency, (v) => userRowFor(v.user, now, v.links));
  const imported: ImportedUser[] = valid.map((v) => ({ row: v.row, username: v.user.username, displayName: v.user.displayName, company: v.user.company!, generatedPassword: v.generated }));
  try {
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < prepared.length; i += 100) await trx.insertInto('users').values(prepared.slice(i, i + 100)).execute();
      await inTransaction?.(trx, imported);
    });
  } catch (error) {
    // Another import or admin took one of the names meanwhile; the transaction stored nothing.
    if (isUniqueViolation(error)) return failed([fileProblem('a username was created by someone else during the import; nothing was imported, run it again', 'در میانهٔ کار، یکی از نام‌های کاربری را کس دیگری ثبت کرد؛ هیچ سطری ثبت نشد. دوباره تلاش کنید.')]);
    throw error;
  }
  return { ok: true, imported };
}
