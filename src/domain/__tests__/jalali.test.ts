import { toJalaali } from 'jalaali-js';
import { describe, expect, it } from 'vitest';
import {
  compareJalali,
  formatJalaliIso,
  formatJalaliLong,
  formatJalaliNumeric,
  gregorianToJalali,
  jalaliToGregorianUTC,
  parseJalali,
} from '../jalali';

describe('parseJalali', () => {
  it.each([
    ['1404/09/01', { year: 1404, month: 9, day: 1 }],
    ['۱۴۰۴/۰۹/۰۱', { year: 1404, month: 9, day: 1 }],
    ['١٤٠٤/٠٩/٠١', { year: 1404, month: 9, day: 1 }],
    ['1404-9-1', { year: 1404, month: 9, day: 1 }],
    [' 1403.12.30 ', { year: 1403, month: 12, day: 30 }],
  ])('reads %s', (input, expected) => {
    expect(parseJalali(input)).toEqual({ ok: true, date: expected });
  });

  it('accepts Esfand 30 only in a leap year', () => {
    expect(parseJalali('1403/12/30').ok).toBe(true); // 1403 is leap
    const notLeap = parseJalali('1404/12/30');
    expect(notLeap.ok).toBe(false);
    expect(!notLeap.ok && notLeap.error).toMatch(/1404 is not a leap year/);
    expect(parseJalali('1399/12/30').ok).toBe(true);
    expect(parseJalali('1400/12/30').ok).toBe(false);
  });

  it.each([
    ['1404/13/01', /month 13 does not exist/],
    ['1404/07/31', /not a real Jalali date/], // months 7-11 have 30 days
    ['1404/06/32', /not a real Jalali date/],
    ['1404/00/10', /month 0 does not exist/],
    ['۱۴۰۴-۹', /expected a Jalali date/],
    ['2025-11-22T00:00', /expected a Jalali date/],
    ['', /expected a Jalali date/],
  ])('rejects %s', (input, message) => {
    const result = parseJalali(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(message);
  });
});

describe('conversion and display', () => {
  it('converts to the Gregorian day (1 Farvardin 1404 = 21 March 2025)', () => {
    expect(jalaliToGregorianUTC({ year: 1404, month: 1, day: 1 }).toISOString().slice(0, 10)).toBe('2025-03-21');
    expect(jalaliToGregorianUTC({ year: 1403, month: 12, day: 30 }).toISOString().slice(0, 10)).toBe('2025-03-20');
  });

  it('takes the calendar day as seen in Tehran', () => {
    // 22:00 UTC on 21 Nov 2025 is already 1 Azar 1404 in Tehran (UTC+3:30).
    expect(gregorianToJalali(new Date('2025-11-21T22:00:00Z'))).toEqual({ year: 1404, month: 9, day: 1 });
    expect(gregorianToJalali(new Date('2025-11-21T20:00:00Z'))).toEqual({ year: 1404, month: 8, day: 30 });
  });

  it('formats the storage, numeric and long forms', () => {
    const date = { year: 1404, month: 9, day: 1 };
    expect(formatJalaliIso(date)).toBe('1404/09/01');
    expect(formatJalaliNumeric(date)).toBe('۱۴۰۴/۰۹/۰۱');
    expect(formatJalaliLong(date)).toBe('۱ آذر ۱۴۰۴');
  });

  it("agrees with jalaali-js on every day of 1399-1405 (Intl's persian calendar is what the site shows)", () => {
    const day = new Date(Date.UTC(2020, 2, 1, 12));
    const end = Date.UTC(2027, 3, 1);
    const monthNames = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'];
    for (; day.getTime() < end; day.setUTCDate(day.getUTCDate() + 1)) {
      const j = toJalaali(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate());
      const long = formatJalaliLong({ year: j.jy, month: j.jm, day: j.jd });
      expect(long).toContain(monthNames[j.jm - 1]!);
      expect(jalaliToGregorianUTC({ year: j.jy, month: j.jm, day: j.jd }).getTime()).toBe(day.getTime());
    }
  });

  it('orders dates', () => {
    expect(compareJalali({ year: 1404, month: 1, day: 1 }, { year: 1403, month: 12, day: 30 })).toBeGreaterThan(0);
    expect(compareJalali({ year: 1404, month: 9, day: 1 }, { year: 1404, month: 9, day: 1 })).toBe(0);
  });
});
