/**
 * One CSV field, safe for spreadsheets: quoted by RFC 4180, and text that a spreadsheet would
 * read as a formula (OWASP "CSV injection") neutralised. Used by every download (server/exports).
 */
/**
 * Characters that make Excel, LibreOffice or Google Sheets start a formula (or DDE) when a
 * cell begins with them, including their full-width forms, which Excel also honours.
 */
const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;
/**
 * What spreadsheets skip before looking at the first character: spaces, no-break spaces,
 * and the invisible marks Persian text carries (bidi controls, ZWNJ/ZWJ, BOM). A cell
 * " =1+1" or "\u200F=1+1" is as dangerous as "=1+1".
 */
const INVISIBLE_LEAD = /^[\s\u00A0\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]*/u;
/** A plain decimal number, which a spreadsheet reads as that number and nothing more. */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * OWASP's advice: a cell that would start a formula gets a leading `'`, so the spreadsheet
 * shows the text as typed. Numbers (`-5`, a rate) are left as numbers; Persian text never
 * starts with a formula character and is left alone.
 */
export function neutralizeFormula(text: string): string {
  if (PLAIN_NUMBER.test(text)) return text;
  // A tab or line break first is itself a trigger; otherwise look past what is invisible.
  return FORMULA_START.test(text) || FORMULA_START.test(text.replace(INVISIBLE_LEAD, '')) ? `'${text}` : text;
}

/** One field: formulas neutralised, quoted when it holds a comma, a quote, or a line break (quotes doubled). */
export function csvField(value: string | number | boolean | null): string {
  const text = neutralizeFormula(value === null ? '' : String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

