/**
 * The editors' API. Keystatic's own routes (`/api/keystatic/*`) are its wire format, not
 * Ayin's: they carry raw answers, so their `response` is null; the server wraps them
 * (server/editorial/keystatic-api.ts).
 */
import { defineRoute } from './route';
import type { Role } from './roles';

/** Who may open Keystatic and save content. */
export const EDITING_ROLES: readonly Role[] = ['editor', 'approver'];

export const keystaticRoutes = {
  read: defineRoute({ method: 'GET', path: '/api/keystatic/*', response: null }),
  update: defineRoute({ method: 'POST', path: '/api/keystatic/*', response: null }),
};
