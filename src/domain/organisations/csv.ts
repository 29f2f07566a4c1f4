/**
 * The admin's CSV of companies and units: `kind,code,name` with a header, one organisation a
 * row (`company` or `unit`; `code` the id front matter names; `name` in Persian). Parsed whole
 * and checked whole before anything is written: the import takes every row or none, and each
 * problem names its row and column in Persian. Pure: no database, no framework.
 */
import { toPersianDigits } from '../digits';

export type OrganisationKind = 'company' | 'unit';

export interface OrganisationRow {
  readonly kind: OrganisationKind;
  readonly code: string;
  readonly name: string;
  /** The CSV line it came from (1 is the header). */
  readonly line: number;
}

export interface CsvProblem {
  readonly line: number;
  readonly column: string;
  /** Persian, shown to the admin: «سطر ۳، ستون code: …». */
  readonly message: string;
}

const HEADER = ['kind', 'code', 'name'];
const CODE = /^[a-z][a-z0-9-]*$/;
const KIND_NAMES: Record<string, OrganisationKind> = { company: 'company', unit: 'unit', 'شرکت': 'company', 'واحد': 'unit' };

/** RFC 4180 fields: quotes around a field, `""` inside quotes; CRLF or LF line ends. */
function splitCsv(text: string): { fields: string[]; line: number }[] {
  const rows: { fields: string[]; line: number }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') fields.push(field), (field = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      rows.push({ fields, line: rowLine });
      fields = [];
      field = '';
      rowLine = ++line;
    } else field += ch;
  }
  if (field !== '' || fields.length) fields.push(field), rows.push({ fields, line: rowLine });
  return rows.filter((r) => r.fields.some((f) => f.trim() !== ''));
}

const at = (line: number, column: string, message: string): CsvProblem => ({
  line,
  column,
  message: `سطر ${toPersianDigits(line)}، ستون ${column}: ${message}`,
});

export function parseOrganisationsCsv(text: string): { rows: OrganisationRow[]; problems: CsvProblem[] } {
  const records = splitCsv(text.replace(/^\uFEFF/, ''));
  const problems: CsvProblem[] = [];
  const header = records.shift();
  if (!header || header.fields.map((f) => f.trim().toLowerCase()).join(',') !== HEADER.join(',')) {
    return { rows: [], problems: [at(1, 'header', `سطر اول باید سرستون‌های ${HEADER.join(',')} باشد.`)] };
  }
  const rows: OrganisationRow[] = [];
  const seenCode = new Map<string, number>();
  const seenName = new Map<string, number>();
  for (const { fields, line } of records) {
    if (fields.length !== 3) {
      problems.push(at(line, 'kind', `این سطر ${toPersianDigits(fields.length)} ستون دارد؛ ۳ ستون لازم است.`));
      continue;
    }
    const [kindText, codeText, nameText] = fields.map((f) => f.trim()) as [string, string, string];
    const kind = KIND_NAMES[kindText.toLowerCase()];
    const name = nameText.replace(/\s+/gu, ' ');
    if (!kind) problems.push(at(line, 'kind', `«${kindText}» شناخته نیست؛ company یا unit بنویسید.`));
    if (!CODE.test(codeText)) problems.push(at(line, 'code', `«${codeText}» شناسه معتبر نیست؛ حروف کوچک لاتین، رقم و خط تیره مانند pars-niroo.`));
    if (!name) problems.push(at(line, 'name', 'نام خالی است.'));
    if (!kind || !CODE.test(codeText) || !name) continue;
    const codeKey = `${kind}:${codeText}`;
    const nameKey = `${kind}:${name}`;
    if (seenCode.has(codeKey)) problems.push(at(line, 'code', `شناسه «${codeText}» در سطر ${toPersianDigits(seenCode.get(codeKey)!)} هم آمده است.`));
    else if (seenName.has(nameKey)) problems.push(at(line, 'name', `نام «${name}» در سطر ${toPersianDigits(seenName.get(nameKey)!)} هم آمده است.`));
    else {
      seenCode.set(codeKey, line);
      seenName.set(nameKey, line);
      rows.push({ kind, code: codeText, name, line });
    }
  }
  return { rows, problems };
}
