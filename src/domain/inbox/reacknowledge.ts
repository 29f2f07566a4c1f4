/**
 * Re-acknowledgment after an edition (issue 11). An acknowledgment belongs to the exact text: when
 * a published edition changes a regulation an announcement is about, the approver decides whether
 * the readers must read and acknowledge it again. Pure: the build lists the changes
 * (`editionChanges`), the server stores the approver's decisions and asks `inForce` what the
 * announcement asks of its readers now.
 *
 * A decision that requires a new acknowledgment starts a new round: the round is due
 * `dueDays` (or the first round's span of days) after the day of the decision, not on the
 * original due day — otherwise every reader would be overdue, and escalated, the moment it is
 * taken. A decision that does not leaves the existing acknowledgments standing.
 */
import { toPersianDigits } from '../digits';
import { compareJalali, gregorianToJalali, jalaliToGregorianUTC, type JalaliDate } from '../jalali';
import type { AcknowledgeTargetsData } from './targets';

/** A published edition that changed some of the regulations an announcement is about. */
export interface EditionChange {
  readonly edition: string;
  readonly regulations: readonly string[];
}

/**
 * The editions, effective after the announcement was published, that changed one of its
 * regulations: `changedIn(code)` lists the editions in which a regulation's text changed.
 */
export function editionChanges(
  announcement: { readonly published: JalaliDate; readonly regulations: readonly string[] },
  editions: readonly { readonly name: string; readonly effective: JalaliDate }[],
  changedIn: (code: string) => readonly string[],
): EditionChange[] {
  const later = editions.filter((e) => compareJalali(e.effective, announcement.published) > 0);
  return later
    .map((e) => ({ edition: e.name, regulations: announcement.regulations.filter((code) => changedIn(code).includes(e.name)) }))
    .filter((c) => c.regulations.length > 0);
}

export interface ReacknowledgmentDecision {
  readonly edition: string;
  readonly required: boolean;
  readonly decidedAt: number;
}

/** What an announcement asks of its readers now, given the approver's decisions. */
export interface AnnouncementInForce {
  /** The editions whose decision asked for a new acknowledgment, oldest decision first; empty: the first round. */
  readonly requiredBy: readonly EditionChange[];
  /** The day the current round started: publication, or the newest requiring decision. */
  readonly roundStarted: JalaliDate;
  readonly acknowledge: AcknowledgeTargetsData;
  /** The Persian line the inbox shows beside a re-acknowledgment; null in the first round. */
  readonly reason: string | null;
}

const DAY_MS = 86_400_000;

/** Calendar days from publication to the first round's due day (at least 1). */
function firstRoundDays(published: JalaliDate, targets: AcknowledgeTargetsData): number {
  if (targets.dueDays !== null) return targets.dueDays;
  const span = Math.round((jalaliToGregorianUTC(targets.due!).getTime() - jalaliToGregorianUTC(published).getTime()) / DAY_MS);
  return Math.max(1, span);
}

export function reacknowledgmentReason(required: readonly EditionChange[]): string | null {
  const last = required.at(-1);
  if (!last) return null;
  const codes = last.regulations.map((c) => `«${c}»`).join('، ');
  return `ویرایش ${toPersianDigits(last.edition)} مقررات ${codes} را که این ابلاغیه دربارهٔ آن است تغییر داده است و تأییدکننده خواسته است متن را دوباره بخوانید و تأیید کنید.`;
}

export function inForce(
  announcement: { readonly published: JalaliDate; readonly acknowledge: AcknowledgeTargetsData; readonly changedBy: readonly EditionChange[] },
  decisions: readonly ReacknowledgmentDecision[],
): AnnouncementInForce {
  const requiring = decisions
    .filter((d) => d.required)
    .map((d) => ({ decision: d, change: announcement.changedBy.find((c) => c.edition === d.edition) }))
    .filter((x): x is { decision: ReacknowledgmentDecision; change: EditionChange } => x.change !== undefined)
    .sort((x, y) => x.decision.decidedAt - y.decision.decidedAt);
  if (!requiring.length) return { requiredBy: [], roundStarted: announcement.published, acknowledge: announcement.acknowledge, reason: null };
  const started = gregorianToJalali(new Date(requiring.at(-1)!.decision.decidedAt), 'Asia/Tehran');
  const requiredBy = requiring.map((x) => x.change);
  return {
    requiredBy,
    roundStarted: started,
    acknowledge: { ...announcement.acknowledge, due: null, dueDays: firstRoundDays(announcement.published, announcement.acknowledge) },
    reason: reacknowledgmentReason(requiredBy),
  };
}
