import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareJalali, type JalaliDate } from '../../jalali';
import { addJalaliMonths, daysBetween, reviewDate, reviewStatus } from '../review-dates';

const d = (year: number, month: number, day: number): JalaliDate => ({ year, month, day });

describe('review dates', () => {
  it('adds months on the Jalali calendar, keeping the day or the month’s last', () => {
    expect(addJalaliMonths(d(1404, 9, 1), 12)).toEqual(d(1405, 9, 1));
    expect(addJalaliMonths(d(1404, 6, 31), 1)).toEqual(d(1404, 7, 30));
    expect(addJalaliMonths(d(1404, 11, 30), 1)).toEqual(d(1404, 12, 29)); // 1404 is not a leap year
    expect(addJalaliMonths(d(1403, 11, 30), 1)).toEqual(d(1403, 12, 30)); // 1403 is
    expect(addJalaliMonths(d(1404, 12, 15), 1)).toEqual(d(1405, 1, 15));
  });

  it('prefers nextReview, else counts reviewEvery months from inForceFrom, else none', () => {
    expect(reviewDate({ inForceFrom: d(1404, 1, 1), reviewEvery: 24 })).toEqual(d(1406, 1, 1));
    expect(reviewDate({ inForceFrom: d(1404, 1, 1), reviewEvery: 24, nextReview: d(1405, 3, 1) })).toEqual(d(1405, 3, 1));
    expect(reviewDate({ inForceFrom: d(1404, 1, 1) })).toBeNull();
  });

  it('is overdue after the day, due within 30 days, later otherwise', () => {
    expect(reviewStatus(d(1405, 9, 1), d(1405, 9, 2))).toEqual({ status: 'overdue', daysLeft: -1 });
    expect(reviewStatus(d(1405, 9, 1), d(1405, 9, 1))).toEqual({ status: 'due', daysLeft: 0 });
    expect(reviewStatus(d(1405, 10, 1), d(1405, 9, 1))).toEqual({ status: 'due', daysLeft: 30 });
    expect(reviewStatus(d(1405, 10, 2), d(1405, 9, 1))).toEqual({ status: 'later', daysLeft: 31 });
  });

  it('never moves backwards: n months later is later by 28 to 31 days a month', () => {
    const date = fc.record({ year: fc.integer({ min: 1380, max: 1420 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 29 }) });
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 120 }), (from, months) => {
        const to = addJalaliMonths(from, months);
        expect(compareJalali(to, from)).toBeGreaterThan(0);
        const days = daysBetween(from, to);
        expect(days).toBeGreaterThanOrEqual(months * 29 - 1);
        expect(days).toBeLessThanOrEqual(months * 31 + 1);
      }),
    );
  });
});
