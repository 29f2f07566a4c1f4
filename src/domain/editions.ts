/**
 * Editions and the date they take effect. What is in force is decided at the moment of
 * viewing, never at build time: an edition published with a future date stays "upcoming"
 * until its day begins in Tehran, however old the build that shows it.
 */
import { compareJalali, gregorianToJalali, type JalaliDate } from './jalali';

export interface Edition {
  /** `1404-09`: the year and month of `effective`; also the edition's URL segment. */
  readonly name: string;
  /** In force from the start of this day (Tehran time). */
  readonly effective: JalaliDate;
  readonly notification: { readonly number: string; readonly date: JalaliDate };
  readonly summary: string;
}

/** All the resolution needs; callers get back their own richer objects. */
export type DatedEdition = Pick<Edition, 'name' | 'effective'>;

export type EditionAtDate<E extends DatedEdition> =
  | { status: 'in-force'; edition: E }
  /** The date precedes every edition: the site has no text for it and must say so. */
  | { status: 'before-first'; first: E }
  | { status: 'no-editions' };

export type EditionStatus = 'upcoming' | 'in-force' | 'past';

/** Oldest first; copies so callers' lists (which may be unsorted) are left alone. */
function byEffective<E extends DatedEdition>(editions: readonly E[]): E[] {
  return [...editions].sort((a, b) => compareJalali(a.effective, b.effective));
}

/** The edition in force on `date`: the latest whose effective date is on or before it. */
export function resolveEditionAt<E extends DatedEdition>(editions: readonly E[], date: JalaliDate): EditionAtDate<E> {
  const sorted = byEffective(editions);
  const first = sorted[0];
  if (!first) return { status: 'no-editions' };
  const inForce = sorted.filter((e) => compareJalali(e.effective, date) <= 0).at(-1);
  return inForce ? { status: 'in-force', edition: inForce } : { status: 'before-first', first };
}

/**
 * Whether `edition` is upcoming, in force or past on `today`. "Past" needs the other
 * editions: an edition stops being in force only when a later one takes effect.
 */
export function editionStatus(editions: readonly DatedEdition[], edition: DatedEdition, today: JalaliDate): EditionStatus {
  if (compareJalali(edition.effective, today) > 0) return 'upcoming';
  const current = resolveEditionAt(editions, today);
  return current.status === 'in-force' && current.edition.name !== edition.name ? 'past' : 'in-force';
}

/** The next edition not yet in force on `today`, for the «از … متن جدید لازم‌الاجرا می‌شود» banner. */
export function upcomingEdition<E extends DatedEdition>(editions: readonly E[], today: JalaliDate): E | undefined {
  return byEffective(editions).find((e) => compareJalali(e.effective, today) > 0);
}

/** Today's Jalali date as people in Iran see it: editions take effect at Tehran midnight. */
export function todayInTehran(now: Date = new Date()): JalaliDate {
  return gregorianToJalali(now, 'Asia/Tehran');
}
