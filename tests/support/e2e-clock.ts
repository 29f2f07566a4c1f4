/**
 * The e2e server's seminar clock: it starts at a fixed instant of the sample corpus's calendar
 * and runs on from there, so which seminars are open for registration does not change with the
 * real date (registration for 1406/02/20 would otherwise close in May 2027).
 */
/** 1405/09/06 11:30 in Tehran: after the 1405 sample seminars, before the 1406 one. */
export const E2E_SERVER_START = Date.parse('2026-11-27T08:00:00Z');

export function runningClockFrom(start: number, realNow: () => number = Date.now): () => number {
  const startedAt = realNow();
  return () => start + (realNow() - startedAt);
}
