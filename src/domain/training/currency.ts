/**
 * Whether a completed course still stands: the certificate's status and the refresher a
 * learner owes. Pure: the server passes the build's stale flags, the editions, the learner's
 * completion day and today (Tehran).
 *
 * A completion rests on the edition in force on the day it was earned (or last renewed by a
 * refresher). It is due for a refresher («بازآموزی لازم») once an edition that took effect
 * after that day — and by today — *materially* changed a clause the course cites: a stale flag
 * of the course with at least one material cite. The edition's approver marks changes editorial
 * in `content/editions.yml` (`editorial`), which the build writes as `material: false`.
 *
 * Status, first match wins: «جایگزین‌شده» (superseded) when the course has been withdrawn from
 * the catalog — nothing can renew it; «منقضی» (expired) when the course has a validity period
 * and it has run out since the last completion or renewal; «نیازمند بازآموزی» when a refresher
 * is due; otherwise «معتبر».
 */
import { jalaaliMonthLength, toGregorian, toJalaali } from 'jalaali-js';
import { parseClauseAnchor } from '../clauses';
import { compareJalali, type JalaliDate } from '../jalali';
import { parseCite } from '../quiz/cites';
import type { DatedEdition } from '../editions';
import type { ArticleDiff } from '../word-diff';
import type { CiterKind } from './stale';

export type CertificateStatus = 'valid' | 'refresher-due' | 'expired' | 'superseded';

export const CERTIFICATE_STATUS_LABELS: Readonly<Record<CertificateStatus, string>> = {
  valid: 'معتبر',
  'refresher-due': 'نیازمند بازآموزی',
  expired: 'منقضی',
  superseded: 'جایگزین‌شده',
};

/** A stale flag as the manifest holds it: each cite says whether its change is material. */
export interface CurrencyFlag {
  readonly kind: CiterKind;
  readonly id: string;
  readonly course: string;
  readonly edition: string;
  readonly cites: readonly {
    readonly code: string;
    readonly anchor: string;
    readonly change: 'amended' | 'repealed';
    /** False when the edition's approver marked the change editorial; absent means material. */
    readonly material?: boolean;
    readonly redline: readonly ArticleDiff[];
  }[];
}

/** One changed clause as a refresher shows it: the regulation, the unit and its redline. */
export interface RefresherClause {
  readonly code: string;
  readonly edition: string;
  readonly unit: ArticleDiff;
}

export interface RefresherNeed {
  /** The editions whose material changes make it due, oldest first. */
  readonly editions: readonly string[];
  readonly clauses: readonly RefresherClause[];
  /** Question ids of the course that cite a changed clause and may still be drawn. */
  readonly questions: readonly string[];
  /** The day by which the refresher should be taken: the first such edition's effective day plus the grace period. */
  readonly dueBy: JalaliDate;
}

export interface RefresherNeedInput {
  readonly course: string;
  readonly flags: readonly CurrencyFlag[];
  /** Published editions (the upcoming text `next` is not one: it binds no one yet). */
  readonly editions: readonly DatedEdition[];
  /** The day the completion was earned or last renewed (Tehran). */
  readonly restsOnDay: JalaliDate;
  readonly today: JalaliDate;
  /** Questions no longer drawn (their clause was repealed). */
  readonly retired?: ReadonlySet<string>;
  /** Days after the edition took effect by which a refresher is due. */
  readonly graceDays?: number;
}

export const DEFAULT_REFRESHER_GRACE_DAYS = 30;

/** The refresher a completion owes, or null when it still rests on the text in force. */
export function refresherNeed(input: RefresherNeedInput): RefresherNeed | null {
  const effective = new Map(input.editions.map((e) => [e.name, e.effective]));
  const retired = input.retired ?? new Set<string>();
  const triggering = input.flags.filter((flag) => {
    const day = effective.get(flag.edition);
    return (
      flag.course === input.course &&
      day !== undefined &&
      compareJalali(day, input.restsOnDay) > 0 &&
      compareJalali(day, input.today) <= 0 &&
      flag.cites.some((c) => c.material !== false)
    );
  });
  if (!triggering.length) return null;

  const order = (name: string) => input.editions.findIndex((e) => e.name === name);
  const editions = [...new Set(triggering.map((f) => f.edition))].sort((a, b) => order(a) - order(b));
  // One copy of each changed unit: several cites of one article share its redline.
  const clauses = new Map<string, RefresherClause>();
  for (const flag of triggering)
    for (const cite of flag.cites)
      if (cite.material !== false)
        for (const unit of cite.redline) clauses.set(`${flag.edition}\n${cite.code}\n${unit.anchor}`, { code: cite.code, edition: flag.edition, unit });
  const questions = [...new Set(triggering.filter((f) => f.kind === 'question' && f.cites.some((c) => c.material !== false)).map((f) => f.id))].filter((id) => !retired.has(id));
  const first = effective.get(editions[0]!)!;
  return { editions, clauses: [...clauses.values()], questions, dueBy: addJalaliDays(first, input.graceDays ?? DEFAULT_REFRESHER_GRACE_DAYS) };
}

export interface CertificateStatusInput {
  /** The course is no longer in the catalog. */
  readonly withdrawn: boolean;
  /** The day of the completion or of its last renewal. */
  readonly completedOn: JalaliDate;
  readonly validForMonths?: number;
  readonly refresherDue: boolean;
  readonly today: JalaliDate;
}

export function certificateStatus(input: CertificateStatusInput): CertificateStatus {
  if (input.withdrawn) return 'superseded';
  if (input.validForMonths !== undefined && compareJalali(input.today, expiresOn(input.completedOn, input.validForMonths)) >= 0) return 'expired';
  if (input.refresherDue) return 'refresher-due';
  return 'valid';
}

const monthLength = (year: number, month: number) => jalaaliMonthLength(year, month);

/** The first day the certificate no longer holds: the same day `months` later (clamped to the month's end). */
export function expiresOn(from: JalaliDate, months: number): JalaliDate {
  const total = from.year * 12 + (from.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return { year, month, day: Math.min(from.day, monthLength(year, month)) };
}

export function addJalaliDays(from: JalaliDate, days: number): JalaliDate {
  const g = toGregorian(from.year, from.month, from.day);
  const shifted = new Date(Date.UTC(g.gy, g.gm - 1, g.gd + days));
  const j = toJalaali(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
  return { year: j.jy, month: j.jm, day: j.jd };
}

/** An edition's `editorial` mark: every change editorial, or the listed clauses (`reg:CODE#anchor`). */
export type EditorialMark = true | readonly string[] | undefined;

/**
 * Whether a cite's change is material: some unit of its redline is not covered by the edition's
 * editorial list (an article entry covers the article and its notes, a note entry that note).
 * A whole text removed (no redline) is material unless the whole edition is marked editorial.
 */
export function isMaterialChange(cite: { readonly code: string; readonly redline: readonly { readonly anchor: string }[] }, mark: EditorialMark): boolean {
  if (mark === true) return false;
  if (!mark?.length || !cite.redline.length) return true;
  const entries = mark.flatMap((m) => {
    const parsed = parseCite(m);
    const ref = parsed && parseClauseAnchor(parsed.anchor);
    return parsed && ref && parsed.code === cite.code ? [ref] : [];
  });
  return cite.redline.some((unit) => {
    const ref = parseClauseAnchor(unit.anchor);
    return !ref || !entries.some((e) => e.article === ref.article && (e.note === undefined || e.note === ref.note));
  });
}
