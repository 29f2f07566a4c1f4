/**
 * When an overdue announcement is escalated to the readers' supervisors (issue 11): once it is
 * `escalateAfterDays` past its due day, then again every `everyDays` while anyone is still
 * overdue. Each escalation has a step (1, 2, …), so the sender's key
 * (announcement, company, recipient, step) is decided once however many processes decide it.
 * Unlike a reader's reminders, a missed step is not owed on its own: the summary is of who is
 * overdue now, so only the current step is sent.
 */
import type { JalaliDate } from '../jalali';
import { daysLeft } from './targets';

export interface EscalationSchedule {
  readonly escalateAfterDays: number;
  readonly everyDays: number;
}

export const DEFAULT_ESCALATE_AFTER_DAYS = 7;

/** 0 while not yet escalated; 1 from `escalateAfterDays` overdue, 2 after `everyDays` more, … */
export function escalationStep(due: JalaliDate, now: Date, { escalateAfterDays, everyDays }: EscalationSchedule): number {
  const overdueDays = -daysLeft(due, now);
  if (overdueDays < escalateAfterDays) return 0;
  return Math.floor((overdueDays - escalateAfterDays) / Math.max(1, everyDays)) + 1;
}

export const escalationKey = (announcementId: string, companyKey: string, recipientId: string, step: number) => `escalation:${announcementId}:${companyKey}:${recipientId}:${step}`;
