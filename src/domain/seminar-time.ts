/**
 * When a seminar happens. Seminars are announced in Tehran's wall-clock time (a Jalali date and
 * `HH:MM`); the server and the browser compare instants. Iran abolished daylight saving time in
 * 1401 (2022), so Tehran is UTC+03:30 all year and the conversion needs no time-zone database.
 */
import { jalaliToGregorianUTC, type JalaliDate } from './jalali';
import { toPersianDigits } from './digits';

const TEHRAN_OFFSET_MINUTES = 3 * 60 + 30;

export interface ClockTime {
  readonly hour: number;
  readonly minute: number;
}

export type SeminarTiming = 'upcoming' | 'ongoing' | 'past';

/** `09:30` → { hour: 9, minute: 30 }; undefined for anything that is not a real time of day. */
export function parseClockTime(text: string): ClockTime | undefined {
  const match = /^(\d{2}):(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  return hour < 24 && minute < 60 ? { hour, minute } : undefined;
}

/** The instant (epoch ms) a Tehran date and time stands for. */
export function tehranInstant(date: JalaliDate, time: ClockTime): number {
  const noonUtc = jalaliToGregorianUTC(date); // 12:00 UTC of that calendar day
  const midnightUtc = noonUtc.getTime() - 12 * 3_600_000;
  return midnightUtc + (time.hour * 60 + time.minute - TEHRAN_OFFSET_MINUTES) * 60_000;
}

/** Upcoming until it starts, ongoing while it runs, past once it has ended. */
export function seminarTiming(startsAt: number, durationMinutes: number, now: number): SeminarTiming {
  if (now < startsAt) return 'upcoming';
  return now < startsAt + durationMinutes * 60_000 ? 'ongoing' : 'past';
}

/** `۰۹:۳۰`: the time as people read it. */
export function formatClockTime({ hour, minute }: ClockTime): string {
  return toPersianDigits(`${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`);
}

/** `۲ ساعت و ۳۰ دقیقه`, `۹۰ دقیقه` reads worse than hours and minutes. */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (!hours) return `${toPersianDigits(rest)} دقیقه`;
  return rest ? `${toPersianDigits(hours)} ساعت و ${toPersianDigits(rest)} دقیقه` : `${toPersianDigits(hours)} ساعت`;
}
