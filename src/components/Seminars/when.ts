/** How the seminar pages show and classify time: Jalali, Tehran, Persian digits, at viewing time. */
import { useEffect, useState } from 'react';
import { seminarTiming, type SeminarTiming } from '@site/src/domain/seminar-time';
import { formatClockTime, formatDuration, parseClockTime } from '@site/src/domain/seminar-time';
import { formatJalaliLong, parseJalali } from '@site/src/domain/jalali';
import type { SeminarPageData } from '@site/plugins/seminars/page-data';

// Weekday and date are formatted apart: with both in one pattern ICU writes
// «۱۴۰۶ اردیبهشت ۲۰, دوشنبه» (a Latin comma, the year first) in Chromium.
const weekdayFormat = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { weekday: 'long', timeZone: 'Asia/Tehran' });

/** «سه‌شنبه ۲۱ مهر ۱۴۰۵، ساعت ۰۹:۰۰» */
export function seminarWhen(s: SeminarPageData): string {
  const time = parseClockTime(s.time);
  const date = parseJalali(s.date);
  const day = date.ok ? formatJalaliLong(date.date) : s.date;
  return `${weekdayFormat.format(new Date(s.startsAt))} ${day}، ساعت ${time ? formatClockTime(time) : s.time}`;
}

export function seminarDuration(s: SeminarPageData): string {
  return formatDuration(s.durationMinutes);
}

export const TIMING_LABELS: Record<SeminarTiming, string> = {
  upcoming: 'پیش رو',
  ongoing: 'در حال برگزاری',
  past: 'برگزار شده',
};

export function timingOf(s: SeminarPageData, now: number): SeminarTiming {
  return seminarTiming(s.startsAt, s.durationMinutes, now);
}

/**
 * The viewing time, known only in the browser: null while rendering on the server (and in the
 * first client render, so hydration matches), then the visitor's clock.
 */
export function useNow(): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}
