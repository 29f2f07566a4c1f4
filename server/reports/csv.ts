/**
 * Reports as CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Persian),
 * Persian headers, CRLF line ends and RFC 4180 quoting. Numbers keep ASCII digits so a
 * spreadsheet can compute with them; dates are Jalali (`1404/09/01`).
 */
import type { CourseReportRow, LearnerReportRow, QuestionReportRow } from './service';

export type ReportName = 'courses' | 'learners' | 'questions';

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

/** One field, quoted when it holds a comma, a quote, or a line break (quotes doubled). */
export function csvField(value: string | number | boolean | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function reportCsv(name: ReportName, rows: readonly object[]): string {
  const columns = COLUMNS[name] as Column<object>[];
  const lines = [columns.map(([header]) => csvField(header)), ...rows.map((row) => columns.map(([, value]) => csvField(value(row))))];
  return `\uFEFF${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}
