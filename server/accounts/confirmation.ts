/**
 * Admin actions (creating users, importing contractor staff, disabling accounts) ask the admin
 * to have re-entered their password in this session within the last few minutes: a session
 * left open on a shared desk, or stolen, is then not enough to hand out accounts.
 */
import { CONFIRMATION_WINDOW_MS } from '../../src/api/auth';
import { ApiError, MESSAGES } from './api-errors';
import type { ActiveSession } from './sessions';

export { CONFIRMATION_WINDOW_MS };

export function isRecentlyConfirmed(session: ActiveSession, at: number): boolean {
  return session.confirmedAt !== null && at - session.confirmedAt < CONFIRMATION_WINDOW_MS && session.confirmedAt <= at;
}

/** 403 `confirmation_required` unless the password was re-entered within the window. */
export function assertRecentlyConfirmed(session: ActiveSession, at: number): void {
  if (!isRecentlyConfirmed(session, at)) throw new ApiError(403, 'confirmation_required', MESSAGES.confirmationRequired);
}
