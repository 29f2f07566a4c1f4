/**
 * Jalali (solar hijri) dates: parsing what people type (۱۴۰۴/۰۹/۰۱, 1404-9-1) with jalaali-js
 * for the calendar arithmetic, and display through Intl's persian calendar so every date the
 * site shows is formatted the same way in Node (build) and in the browser.
 */
import { isValidJalaaliDate, toGregorian, toJalaali } from 'jalaali-js';
import { toAsciiDigits, toPersianDigits } from './digits';

export interface JalaliDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export type JalaliParseResult =
  | { ok: true; date: JalaliDate }
  | { ok: false; error: string };

const MONTH_NAMES = [
  'فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور',
  'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند',
] as const;

const DATE_PATTERN = /^(\d{4})[/\-.](\d{1,2})[/\-.](\d{1,2})$/;

/** Parses `1404/09/01` in any digit set, with `/`, `-` or `.` as separators. */
export function parseJalali(input: string): JalaliParseResult {
  const text = toAsciiDigits(String(input).trim());
  const match = DATE_PATTERN.exec(text);
  if (!match) {
    return { ok: false, error: `expected a Jalali date like 1404/09/01, got "${input}"` };
  }
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  if (month < 1 || month > 12) {
    return { ok: false, error: `month ${month} does not exist (1–12) in "${input}"` };
  }
  if (!isValidJalaaliDate(year, month, day)) {
    const hint = month === 12 && day === 30 ? ` (${year} is not a leap year)` : '';
    return { ok: false, error: `${input} is not a real Jalali date${hint}` };
  }
  return { ok: true, date: { year, month, day } };
}

/** The instant a Jalali day starts in Iran is irrelevant here: days are compared as dates. */
export function jalaliToGregorianUTC({ year, month, day }: JalaliDate): Date {
  const g = toGregorian(year, month, day);
  return new Date(Date.UTC(g.gy, g.gm - 1, g.gd, 12));
}

export function gregorianToJalali(date: Date, timeZone = 'Asia/Tehran'): JalaliDate {
  // Take the calendar day as seen in Tehran, so a bill issued at 01:00 local time is that day.
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const j = toJalaali(get('year'), get('month'), get('day'));
  return { year: j.jy, month: j.jm, day: j.jd };
}

export function compareJalali(a: JalaliDate, b: JalaliDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** `1404/09/01` with ASCII digits: the storage and URL form. */
export function formatJalaliIso({ year, month, day }: JalaliDate): string {
  return `${year}/${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')}`;
}

/** `۱۴۰۴/۰۹/۰۱`: the short form people read and type. */
export function formatJalaliNumeric(date: JalaliDate): string {
  return toPersianDigits(formatJalaliIso(date));
}

const longFormatter = new Intl.DateTimeFormat('fa-IR-u-ca-persian', {
  year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC',
});

/** `۱ آذر ۱۴۰۴`, through Intl's persian calendar (checked against jalaali-js in the tests). */
export function formatJalaliLong(date: JalaliDate): string {
  return longFormatter.format(jalaliToGregorianUTC(date));
}

export function jalaliMonthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? '';
}
