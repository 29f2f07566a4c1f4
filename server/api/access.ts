/**
 * Who may call a route, declared by every `/api` route (there is no default: a route without
 * a rule is refused at registration). `public` is a decision, written out, not an omission.
 */
import type { Role } from '../../src/api/roles';

export type Access = 'public' | 'signed-in' | { readonly roles: readonly Role[] };

/** How a state-changing route is protected from cross-site requests. */
export type CsrfRule =
  /** The session's token must be in `x-csrf-token` (the default for POST, PUT, PATCH, DELETE). */
  | 'session-token'
  /** No session token applies; the reason says what protects the route instead. */
  | { readonly exempt: string };

export const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type AccessDecision = 'allowed' | 'not_signed_in' | 'forbidden';

/** Pure: whether a user of `role` (undefined: no session) may call a route with `access`. */
export function decideAccess(access: Access, role: Role | undefined): AccessDecision {
  if (access === 'public') return 'allowed';
  if (!role) return 'not_signed_in';
  if (access === 'signed-in') return 'allowed';
  return access.roles.includes(role) ? 'allowed' : 'forbidden';
}

export function describeAccess(access: Access): string {
  return typeof access === 'string' ? access : `roles: ${access.roles.join(', ')}`;
}
