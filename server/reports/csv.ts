/**
 * Reports as CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Persian),
 * Persian headers, CRLF line ends and RFC 4180 quoting. Numbers keep ASCII digits so a
 * spreadsheet can compute with them; dates are Jalali (`1404/09/01`).
 *
 * Text that a spreadsheet would read as a formula (OWASP "CSV injection") is neutralised:
 * see `neutralizeFormula`.
 */
import { attachmentDisposition } from './content-disposition';
import type { CourseReportRow, LearnerReportRow, QuestionReportRow, ReportFileNames, ReportName } from './service';

export type { ReportName } from './service';

type Column<R> = readonly [header: string, value: (row: R) => string | number | boolean | null];

const yesNo = (value: boolean) => (value ? 'بله' : 'خیر');
const QUESTION_TYPES: Record<string, string> = { single: 'تک‌گزینه‌ای', multiple: 'چندگزینه‌ای', 'true-false': 'درست/نادرست', numeric: 'عددی', ordering: 'ترتیبی' };

const COLUMNS: { courses: Column<CourseReportRow>[]; learners: Column<LearnerReportRow>[]; questions: Column<QuestionReportRow>[] } = {
  courses: [
    ['شناسهٔ دوره', (r) => r.course],
    ['دوره', (r) => r.courseTitle],
    ['شرکت', (r) => r.company],
    ['فراگیران', (r) => r.learners],
    ['آزمون‌داده', (r) => r.attempted],
    ['قبول‌شده', (r) => r.passed],
    ['دورهٔ کامل', (r) => r.completed],
    ['درصد قبولی', (r) => r.passRate],
    ['درصد تکمیل', (r) => r.completionRate],
  ],
  learners: [
    ['شناسهٔ دوره', (r) => r.course],
    ['دوره', (r) => r.courseTitle],
    ['فراگیر', (r) => r.learner],
    ['نام کاربری', (r) => r.username],
    ['شرکت', (r) => r.company],
    ['درس‌های خوانده', (r) => r.lessonsOpened],
    ['درس‌های دوره', (r) => r.lessonsRequired],
    ['دفعات آزمون', (r) => r.attempts],
    ['بهترین نمره', (r) => r.bestScore],
    ['قبول', (r) => yesNo(r.passed)],
    ['دورهٔ کامل', (r) => yesNo(r.completed)],
    ['کد گواهی‌نامه', (r) => r.certificateCode],
    ['آخرین فعالیت', (r) => r.lastActivity],
  ],
  questions: [
    ['شناسهٔ دوره', (r) => r.course],
    ['شناسهٔ پرسش', (r) => r.question],
    ['نوع', (r) => QUESTION_TYPES[r.type] ?? r.type],
    ['پرسش', (r) => r.prompt],
    ['پاسخ‌داده', (r) => r.answered],
    ['پاسخ درست', (r) => r.correct],
    ['درصد پاسخ درست', (r) => r.correctRate],
  ],
};

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

export function reportCsv(name: ReportName, rows: readonly object[]): string {
  const columns = COLUMNS[name] as Column<object>[];
  const lines = [columns.map(([header]) => csvField(header)), ...rows.map((row) => columns.map(([, value]) => csvField(value(row))))];
  return `\uFEFF${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}

/** The report download's `Content-Disposition` (names from `ReportsService.fileNames`). */
export const reportDisposition = ({ fileName, asciiFallback }: ReportFileNames): string => attachmentDisposition(fileName, asciiFallback);
