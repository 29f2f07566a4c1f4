/**
 * A report table from the API's rows: Persian column names, Persian digits, rates as percents,
 * times as Jalali dates, yes/no for flags. Columns come from the rows (the report API decides
 * what a report holds); `columns` orders and names the known ones.
 */
import type { ReactNode } from 'react';
import { toAsciiDigits } from '@site/src/domain/digits';
import { fa, formatDate, formatDateTime, formatPercent } from '@site/src/lib/format';
import styles from './styles.module.css';

export const COLUMN_LABELS: Readonly<Record<string, string>> = {
  course: 'دوره',
  courseTitle: 'دوره',
  title: 'عنوان',
  company: 'شرکت',
  learner: 'فراگیر',
  displayName: 'فراگیر',
  username: 'نام کاربری',
  learners: 'فراگیران',
  started: 'آغازکرده',
  attempted: 'شرکت‌کرده در آزمون',
  lastActivity: 'آخرین فعالیت',
  completed: 'پایان‌یافته',
  completedCount: 'پایان‌یافته',
  passed: 'قبول',
  passedCount: 'قبول',
  completionRate: 'نرخ پایان دوره',
  passRate: 'نرخ قبولی',
  attempts: 'دفعات آزمون',
  attemptCount: 'دفعات آزمون',
  bestScore: 'بهترین نمره',
  lastScore: 'آخرین نمره',
  averageScore: 'میانگین نمره',
  lessonsOpened: 'درس‌های خوانده‌شده',
  lessonsRequired: 'درس‌های لازم',
  lastAttemptAt: 'آخرین آزمون',
  completedAt: 'تاریخ پایان',
  certificateCode: 'کد گواهی‌نامه',
  question: 'شناسهٔ پرسش',
  questionId: 'شناسهٔ پرسش',
  id: 'شناسه',
  prompt: 'پرسش',
  type: 'نوع',
  answered: 'پاسخ‌ها',
  correct: 'پاسخ درست',
  correctRate: 'نرخ پاسخ درست',
  successRate: 'نرخ پاسخ درست',
};

const HIDDEN = new Set(['userId', 'user_id']);
const QUESTION_TYPES: Readonly<Record<string, string>> = {
  single: 'تک‌گزینه‌ای',
  multiple: 'چندگزینه‌ای',
  'true-false': 'درست/نادرست',
  numeric: 'عددی',
  ordering: 'ترتیبی',
};
const isRate = (key: string) => /Rate$/.test(key);
const isScore = (key: string) => /Score$/.test(key);
const isTime = (key: string) => /At$/.test(key);

export function formatCell(key: string, value: unknown): ReactNode {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'بله' : 'خیر';
  if (typeof value === 'number') {
    // The report API gives rates and scores as rounded percents.
    if (isRate(key) || isScore(key)) return formatPercent(value);
    return fa(Number.isInteger(value) ? value : value.toFixed(1));
  }
  if (key === 'type' && typeof value === 'string' && QUESTION_TYPES[value]) return QUESTION_TYPES[value];
  if (typeof value === 'string' && /^\d{4}\/\d{2}\/\d{2}$/.test(toAsciiDigits(value))) return formatDate(value);
  if (isTime(key)) return formatDateTime(value as string);
  if (Array.isArray(value)) return fa(value.length);
  if (typeof value === 'object') return JSON.stringify(value);
  if (/^[\x20-\x7E]+$/.test(String(value))) return <bdi className={styles.code}>{String(value)}</bdi>;
  return String(value);
}

export default function DataTable({
  rows,
  caption,
  columns,
  hide = [],
}: {
  rows: readonly Record<string, unknown>[];
  caption: string;
  columns?: readonly string[];
  hide?: readonly string[];
}): ReactNode {
  if (!rows.length) return <p className={styles.hint}>{caption ? `${caption}: ` : ''}هنوز داده‌ای نیست.</p>;
  const present = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((k) => !HIDDEN.has(k) && !hide.includes(k) && !(typeof rows[0]![k] === 'object' && rows[0]![k] !== null && !Array.isArray(rows[0]![k])));
  const keys = columns ? [...columns.filter((c) => present.includes(c)), ...present.filter((k) => !columns.includes(k))] : present;
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table}>
        {caption ? <caption className={styles.caption}>{caption}</caption> : null}
        <thead>
          <tr>
            {keys.map((k) => (
              <th key={k} scope="col">
                {COLUMN_LABELS[k] ?? k}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {keys.map((k) => (
                <td key={k} className={typeof row[k] === 'number' ? styles.num : undefined}>
                  {formatCell(k, row[k])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
