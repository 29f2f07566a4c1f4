/** Display forms for the training pages: Jalali dates and times, Persian digits and percents. */
import { toAsciiDigits, toPersianDigits } from '../domain/digits';

const dateTime = new Intl.DateTimeFormat('fa-IR-u-ca-persian', {
  year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Tehran',
});
const dateOnly = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'Asia/Tehran' });

/** The API sends times as epoch milliseconds or ISO strings; both are accepted. */
export function toDate(value: number | string | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date = new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `۵ آذر ۱۴۰۵، ۱۰:۳۰` (Tehran time). */
export function formatDateTime(value: number | string | null | undefined): string {
  const date = toDate(value);
  return date ? dateTime.format(date) : '—';
}

/** `۵ آذر ۱۴۰۵`; a string that is already a Jalali date (`1405/09/05`) is shown in Persian digits. */
export function formatDate(value: number | string | null | undefined): string {
  if (typeof value === 'string' && /^\d{4}\/\d{2}\/\d{2}$/.test(toAsciiDigits(value))) return toPersianDigits(value);
  const date = toDate(value);
  return date ? dateOnly.format(date) : '—';
}

/** `۸۵٪`; rates given as 0..1 are shown as percents too. */
export function formatPercent(value: number | null | undefined, { fraction = false } = {}): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const percent = fraction ? value * 100 : value;
  return `${toPersianDigits(Math.round(percent))}٪`;
}

/** `۱۲:۰۵` (minutes:seconds) left until a deadline; `۰۰:۰۰` once it has passed. */
export function formatCountdown(msLeft: number): string {
  const total = Math.max(0, Math.ceil(msLeft / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mmss = `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
  return toPersianDigits(hours > 0 ? `${hours}:${mmss}` : mmss);
}

export const fa = toPersianDigits;
