/**
 * CSRF protection: each session has its own random token, handed to the page by
 * `/api/auth/me` and sign-in, and every state-changing request must echo it in the
 * `x-csrf-token` header. A cross-site form can neither read the token nor set the header.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const CSRF_HEADER = 'x-csrf-token';

export function newCsrfToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison; hashing first makes unequal lengths take the same time too. */
export function csrfTokensMatch(expected: string, given: unknown): boolean {
  if (typeof given !== 'string' || given.length === 0 || given.length > 256) return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}
