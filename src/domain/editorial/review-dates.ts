/**
 * When a regulation is due for review: its `nextReview` date when it names one, else
 * `reviewEvery` months after it came into force; a text with neither has no review date.
 * Days are whole Tehran calendar days. Pure.
 */
import { jalaaliMonthLength } from 'jalaali-js';
import { compareJalali, jalaliToGregorianUTC, type JalaliDate } from '../jalali';

export interface ReviewTerms {
  readonly inForceFrom: JalaliDate;
  readonly reviewEvery?: number;
  readonly nextReview?: JalaliDate;
}

export type ReviewStatus = 'overdue' | 'due' | 'later';

/** Days before the review date from which a text is listed as due. */
export const DUE_WITHIN_DAYS = 30;

/** `months` later on the Jalali calendar; the day is kept, or the month's last when it is shorter (31 شهریور + 1 → 30 مهر). */
export function addJalaliMonths(date: JalaliDate, months: number): JalaliDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(date.day, jalaaliMonthLength(year, month)) };
}

export function reviewDate(terms: ReviewTerms): JalaliDate | null {
  if (terms.nextReview) return terms.nextReview;
  if (terms.reviewEvery) return addJalaliMonths(terms.inForceFrom, terms.reviewEvery);
  return null;
}

export function daysBetween(from: JalaliDate, to: JalaliDate): number {
  return Math.round((jalaliToGregorianUTC(to).getTime() - jalaliToGregorianUTC(from).getTime()) / 86_400_000);
}

export function reviewStatus(due: JalaliDate, today: JalaliDate): { status: ReviewStatus; daysLeft: number } {
  const daysLeft = daysBetween(today, due);
  if (compareJalali(due, today) < 0) return { status: 'overdue', daysLeft };
  return { status: daysLeft <= DUE_WITHIN_DAYS ? 'due' : 'later', daysLeft };
}
