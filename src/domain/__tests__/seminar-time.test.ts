import { describe, expect, it } from 'vitest';
import { formatClockTime, formatDuration, parseClockTime, seminarTiming, tehranInstant } from '../seminar-time';

describe('seminar time', () => {
  it('parses only real two-digit times of day', () => {
    expect(parseClockTime('09:30')).toEqual({ hour: 9, minute: 30 });
    expect(parseClockTime('00:00')).toEqual({ hour: 0, minute: 0 });
    for (const bad of ['9:30', '24:00', '12:60', '12-30', '']) expect(parseClockTime(bad)).toBeUndefined();
  });

  it('converts Tehran wall-clock time to the instant (UTC+03:30, no DST), across the year', () => {
    // 1405/01/01 is 2026-03-21; summer (former DST) and winter give the same offset.
    expect(new Date(tehranInstant({ year: 1405, month: 1, day: 1 }, { hour: 0, minute: 0 })).toISOString()).toBe('2026-03-20T20:30:00.000Z');
    expect(new Date(tehranInstant({ year: 1405, month: 4, day: 1 }, { hour: 9, minute: 0 })).toISOString()).toBe('2026-06-22T05:30:00.000Z');
    expect(new Date(tehranInstant({ year: 1405, month: 10, day: 1 }, { hour: 23, minute: 59 })).toISOString()).toBe('2026-12-22T20:29:00.000Z');
  });

  it('is upcoming until it starts, ongoing while it runs, past after its end', () => {
    const start = Date.UTC(2027, 4, 10, 6);
    expect(seminarTiming(start, 120, start - 1)).toBe('upcoming');
    expect(seminarTiming(start, 120, start)).toBe('ongoing');
    expect(seminarTiming(start, 120, start + 120 * 60_000 - 1)).toBe('ongoing');
    expect(seminarTiming(start, 120, start + 120 * 60_000)).toBe('past');
  });

  it('formats times and durations in Persian', () => {
    expect(formatClockTime({ hour: 9, minute: 5 })).toBe('۰۹:۰۵');
    expect(formatDuration(45)).toBe('۴۵ دقیقه');
    expect(formatDuration(120)).toBe('۲ ساعت');
    expect(formatDuration(150)).toBe('۲ ساعت و ۳۰ دقیقه');
  });
});
