/**
 * Reports as CSV and XLSX for spreadsheets (through server/exports): UTF-8 with a byte-order mark (so Excel reads Persian),
 * Persian headers, CRLF line ends and RFC 4180 quoting. Numbers keep ASCII digits so a
 * spreadsheet can compute with them; dates are Jalali (`1404/09/01`).
 *
 * Text that a spreadsheet would read as a formula (OWASP "CSV injection") is neutralised:
 * see `neutralizeFormula`.
 */
import { attachmentDisposition } from './content-disposition';
import { tableCsv, tableXlsx, type ExportSheet } from '../exports/table';
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

export { csvField, neutralizeFormula } from './csv-field';

const SHEET_NAMES: Record<ReportName, string> = { courses: 'دوره‌ها', learners: 'فراگیران', questions: 'پرسش‌ها' };
const WIDE = new Set(['دوره', 'پرسش', 'فراگیر']);

/** A report as the shared exporter's table: Persian headers, booleans as «بله»/«خیر», numbers as numbers. */
function reportTable(name: ReportName, rows: readonly object[]): ExportSheet {
  const columns = COLUMNS[name] as Column<object>[];
  return {
    name: SHEET_NAMES[name],
    columns: columns.map(([header]) => ({ header, width: WIDE.has(header) ? 40 : 18 })),
    rows: rows.map((row) => columns.map(([, value]) => {
      const v = value(row);
      return typeof v === 'boolean' ? yesNo(v) : v;
    })),
  };
}

export function reportCsv(name: ReportName, rows: readonly object[]): string {
  const table = reportTable(name, rows);
  return tableCsv(table.columns, table.rows);
}

/** The same table as an XLSX workbook: one right-to-left sheet. */
export const reportXlsx = (name: ReportName, rows: readonly object[]): Promise<Buffer> => tableXlsx([reportTable(name, rows)]);

/** The report download's `Content-Disposition` (names from `ReportsService.fileNames`). */
export const reportDisposition = ({ fileName, asciiFallback }: ReportFileNames): string => attachmentDisposition(fileName, asciiFallback);
