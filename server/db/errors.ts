/** Database errors that mean the same thing on both dialects. */

/** A UNIQUE or PRIMARY KEY constraint refused the row (SQLite or PostgreSQL). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/** Why the database could not do what was asked, when the fault is the database's and not the request's. */
export type DatabaseFailure = 'unavailable' | 'storage-full';

// Node's socket errors (a stopped or restarting PostgreSQL), and PostgreSQL's own classes:
// 08 connection exception, 57P01–57P03 shutdown / cannot connect now, 53300 too many connections.
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN', '57P01', '57P02', '57P03', '53300', 'SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_CANTOPEN', 'SQLITE_READONLY']);
// pg reports a dropped connection and a pool wait that timed out without a code.
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down)/i;

/**
 * Classifies an error from either dialect: `unavailable` (PostgreSQL down or unreachable,
 * SQLite busy past its timeout), `storage-full` (SQLITE_FULL, PostgreSQL's 53100 disk_full, or
 * an I/O error writing), otherwise undefined (a bug or a bad request, not the database's fault).
 */
export function databaseFailureOf(error: unknown): DatabaseFailure | undefined {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = String((e as { code?: unknown }).code ?? '');
    if (code === 'SQLITE_FULL' || code === '53100' || code.startsWith('SQLITE_IOERR') || code === 'ENOSPC') return 'storage-full';
    if (UNAVAILABLE_CODES.has(code) || code.startsWith('08')) return 'unavailable';
    if (UNAVAILABLE_MESSAGES.test(String((e as { message?: unknown }).message ?? ''))) return 'unavailable';
    const inner = (e as { errors?: unknown[] }).errors; // AggregateError: every address refused
    const failure = Array.isArray(inner) ? inner.map(databaseFailureOf).find(Boolean) : undefined;
    if (failure) return failure;
  }
  return undefined;
}

/** The API's answer to a database failure: 503 (the request may be repeated), in Persian, no detail of the cause. */
export const DATABASE_FAILURE_ANSWERS: Record<DatabaseFailure, { readonly error: string; readonly message: string; readonly retryAfterSeconds: number }> = {
  unavailable: { error: 'database_unavailable', message: 'پایگاه دادهٔ سامانه موقتاً در دسترس نیست. چند لحظهٔ دیگر دوباره تلاش کنید.', retryAfterSeconds: 5 },
  'storage-full': {
    error: 'storage_full',
    message: 'فضای ذخیره‌سازی کارساز پر است و این تغییر ذخیره نشد؛ آنچه پیش‌تر ذخیره شده محفوظ است. لطفاً به مدیر سامانه خبر دهید.',
    retryAfterSeconds: 60,
  },
};
