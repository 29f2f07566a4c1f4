/** When a failed mail is tried again: doubling from `baseMs` after each failure, at most `maxMs`. */
export interface Backoff {
  readonly baseMs: number;
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { baseMs: 60_000, maxMs: 6 * 3600_000 };

export function retryDelay(failures: number, { baseMs, maxMs }: Backoff = DEFAULT_BACKOFF): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
}
