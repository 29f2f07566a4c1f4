/**
 * Which reminders an unacknowledged announcement has earned by a given day (issue 11): one at
 * publication, one `beforeDays` before the due day, one on the due day, then one every
 * `everyDays` while overdue. Each has a unique (kind, step), so the sender can make the key
 * (announcement, user, kind, step) and insert it before sending: a restart or a second server
 * process that decides the same finds the key taken, and a day missed while the server was
 * down is still owed (every step up to today is listed, not just today's) — except the
 * before-due reminder, which is pointless once the due day has come (the due-day one replaces it).
 */
import { daysLeft } from './targets';
import type { JalaliDate } from '../jalali';

export type ReminderKind = 'publication' | 'before-due' | 'due' | 'overdue';

export interface Reminder {
  readonly kind: ReminderKind;
  /** 0 for the one-off kinds; 1, 2, … for the overdue repeats. */
  readonly step: number;
}

export interface ReminderSchedule {
  readonly beforeDays: number;
  readonly everyDays: number;
}

export const DEFAULT_REMINDERS: ReminderSchedule = { beforeDays: 2, everyDays: 3 };

export const reminderKey = (announcementId: string, userId: string, r: Reminder) => `reminder:${announcementId}:${userId}:${r.kind}:${r.step}`;

/** Every reminder owed by `now` (Tehran calendar days), oldest first. */
export function remindersOwed(due: JalaliDate, now: Date, schedule: ReminderSchedule = DEFAULT_REMINDERS): Reminder[] {
  const left = daysLeft(due, now);
  const owed: Reminder[] = [{ kind: 'publication', step: 0 }];
  if (left <= schedule.beforeDays && left > 0) owed.push({ kind: 'before-due', step: 0 });
  if (left <= 0) owed.push({ kind: 'due', step: 0 });
  if (left < 0) for (let step = 1; step * schedule.everyDays <= -left; step++) owed.push({ kind: 'overdue', step });
  return owed;
}
