/** The reminder schedule on an injected clock: each reminder once, none missed across a gap. */
import { describe, expect, it } from 'vitest';
import { jalaliToGregorianUTC } from '../jalali';
import { remindersOwed, reminderKey } from '../inbox/reminders';

const due = { year: 1404, month: 3, day: 10 };
const day = (d: number) => new Date(jalaliToGregorianUTC({ year: 1404, month: 3, day: d }).getTime());
const keys = (d: number) => remindersOwed(due, day(d), { beforeDays: 2, everyDays: 3 }).map((r) => reminderKey('hot', 'u1', r));

describe('remindersOwed', () => {
  it('owes the publication reminder at once, the before-due one two days before, the due-day one, then one every three days overdue', () => {
    expect(keys(5)).toEqual(['reminder:hot:u1:publication:0']);
    expect(keys(8)).toEqual(['reminder:hot:u1:publication:0', 'reminder:hot:u1:before-due:0']);
    expect(keys(10)).toEqual(['reminder:hot:u1:publication:0', 'reminder:hot:u1:due:0']);
    expect(keys(12)).toEqual(['reminder:hot:u1:publication:0', 'reminder:hot:u1:due:0']);
    expect(keys(13)).toEqual(['reminder:hot:u1:publication:0', 'reminder:hot:u1:due:0', 'reminder:hot:u1:overdue:1']);
    expect(keys(19)).toContain('reminder:hot:u1:overdue:3');
  });

  it('sends each key once and misses none when ticked every day, or only after a gap', () => {
    const sent = new Set<string>();
    const log: string[] = [];
    for (let d = 5; d <= 20; d++) for (const k of keys(d)) if (!sent.has(k)) sent.add(k), log.push(k);
    expect(log).toEqual([
      'reminder:hot:u1:publication:0',
      'reminder:hot:u1:before-due:0',
      'reminder:hot:u1:due:0',
      'reminder:hot:u1:overdue:1',
      'reminder:hot:u1:overdue:2',
      'reminder:hot:u1:overdue:3',
    ]);
    // A server down from day 6 to day 17 owes the due and overdue steps it missed, each once.
    const afterGap = new Set([...keys(5), ...keys(17)]);
    expect([...afterGap]).toEqual(['reminder:hot:u1:publication:0', 'reminder:hot:u1:due:0', 'reminder:hot:u1:overdue:1', 'reminder:hot:u1:overdue:2']);
  });
});
