/**
 * Whom an announcement asks to acknowledge it, and by when (issue 11). Pure: the server's
 * inbox reads the manifest's targets and the signed-in user's role, company and unit codes.
 *
 * A user is addressed when the announcement has targets and the user is in any of them
 * (`everyone`, their role, their company, their unit); with no targets, nobody is (deny by
 * default). Whether the user may read the announcement at all is the audience policy's and is
 * checked beside this, not here.
 */
import { gregorianToJalali, jalaliToGregorianUTC, type JalaliDate } from '../jalali';

export interface AcknowledgeTargetsData {
  readonly everyone: boolean;
  readonly roles: readonly string[];
  readonly companies: readonly string[];
  readonly units: readonly string[];
  readonly due: JalaliDate | null;
  readonly dueDays: number | null;
}

export interface Addressee {
  readonly role: string;
  /** `companies.code` of the user's company; null when none or not yet given a code. */
  readonly companyCode: string | null;
  readonly unitCode: string | null;
}

export function isAddressed(targets: AcknowledgeTargetsData | null, user: Addressee): boolean {
  if (!targets) return false;
  if (targets.everyone) return true;
  return (
    targets.roles.includes(user.role) ||
    (user.companyCode !== null && targets.companies.includes(user.companyCode)) ||
    (user.unitCode !== null && targets.units.includes(user.unitCode))
  );
}

const DAY_MS = 86_400_000;

/** The last day to acknowledge: the fixed `due`, or `dueDays` calendar days after publication. */
export function dueDate(published: JalaliDate, targets: AcknowledgeTargetsData): JalaliDate {
  if (targets.due) return targets.due;
  const at = jalaliToGregorianUTC(published).getTime() + (targets.dueDays ?? 0) * DAY_MS;
  return gregorianToJalali(new Date(at), 'UTC');
}

/**
 * Whole days from today (in Tehran) to the due day: 0 on the due day itself, negative once
 * overdue. Counted on calendar days so the figure does not change within a day.
 */
export function daysLeft(due: JalaliDate, now: Date): number {
  const today = gregorianToJalali(now, 'Asia/Tehran');
  return Math.round((jalaliToGregorianUTC(due).getTime() - jalaliToGregorianUTC(today).getTime()) / DAY_MS);
}
