/**
 * A Jalali date typed by a reader (۱۴۰۳/۰۵/۱۰, 1403/5/10, ۱۴۰۳-۰۵-۱۰), read with Persian
 * messages for what went wrong: the picker shows them as they are.
 */
import { isLeapJalaaliYear, jalaaliMonthLength } from 'jalaali-js';
import { toAsciiDigits, toPersianDigits } from './digits';
import { jalaliMonthName, type JalaliDate } from './jalali';

export type DateInputResult = { ok: true; date: JalaliDate } | { ok: false; message: string };

const DAYS_IN_WORDS: Record<number, string> = { 29: 'بیست‌ونه', 30: 'سی', 31: 'سی‌ویک' };

export function parseDateInput(input: string): DateInputResult {
  // Arabic-script separators people type: «/» is often «٫» or «-» on Persian keyboards.
  const text = toAsciiDigits(input.trim()).replace(/[٫,،\\.\s]+/g, '/').replace(/-/g, '/');
  if (!text) return { ok: false, message: 'تاریخ را وارد کنید؛ مثلاً ۱۴۰۳/۰۵/۱۰.' };
  const match = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(text);
  if (!match) return { ok: false, message: `«${input.trim()}» تاریخ شناخته‌شده‌ای نیست؛ تاریخ را به شکل سال/ماه/روز بنویسید، مثلاً ۱۴۰۳/۰۵/۱۰.` };
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  if (year < 1300 || year > 1500) return { ok: false, message: `سال ${toPersianDigits(year)} پذیرفته نیست؛ سال را چهاررقمی و خورشیدی بنویسید، مثلاً ۱۴۰۳.` };
  if (month < 1 || month > 12) return { ok: false, message: `ماه ${toPersianDigits(month)} وجود ندارد؛ ماه باید از ۱ تا ۱۲ باشد.` };
  const length = jalaaliMonthLength(year, month);
  if (day < 1 || day > length) {
    const leap = month === 12 ? (isLeapJalaaliYear(year) ? ` (سال ${toPersianDigits(year)} کبیسه است)` : ` (سال ${toPersianDigits(year)} کبیسه نیست)`) : '';
    return {
      ok: false,
      message: `${toPersianDigits(`${year}/${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')}`)} تاریخ درستی نیست: ${jalaliMonthName(month)} ${toPersianDigits(year)} ${DAYS_IN_WORDS[length]} روز دارد${leap}.`,
    };
  }
  return { ok: true, date: { year, month, day } };
}

/** `1403-05-10`: the date as it appears in a citable URL (`/at?date=…`). */
export function dateUrlForm({ year, month, day }: JalaliDate): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
