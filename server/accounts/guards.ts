/**
 * `preHandler` hooks for routes that need a signed-in user or a CSRF check. The session is
 * looked up once per request, only by routes that ask for it: static files never touch the
 * database.
 */
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { ApiError, MESSAGES, sendApiError } from './api-errors';
import { CSRF_HEADER, csrfTokensMatch } from './csrf';
import type { Role } from './roles';
import type { ActiveSession, SessionStore } from './sessions';

export const SESSION_COOKIE = 'ayin_session';

// `request.auth` is declared by the /api plugin (server/api/plugin.ts), which sets it for every API route.
import type {} from '../api/plugin';

export interface AccountGuards {
  /** The request's live session, or null; looked up at most once per request. */
  authOf(request: FastifyRequest): Promise<ActiveSession | null>;
  /** 401 without a session; 403 when the user's role is not among `roles` (any role when omitted). */
  requireUser(roles?: readonly Role[]): preHandlerAsyncHookHandler;
  /** 401 without a session; 403 unless the `x-csrf-token` header matches the session's token. */
  requireCsrf: preHandlerAsyncHookHandler;
}

/** `tokenOf`: the session token of a request (the cookie's name depends on http/https). */
export function createGuards(sessions: SessionStore, tokenOf: (request: FastifyRequest) => string | undefined = (r) => r.cookies?.[SESSION_COOKIE]): AccountGuards {
  const looked = new WeakMap<FastifyRequest, Promise<ActiveSession | null>>();

  function authOf(request: FastifyRequest): Promise<ActiveSession | null> {
    let auth = looked.get(request);
    if (!auth) {
      auth = sessions.find(tokenOf(request)).then((found) => (request.auth = found));
      looked.set(request, auth);
    }
    return auth;
  }

  const deny = (reply: FastifyReply, error: ApiError) => sendApiError(reply, error);

  return {
    authOf,

    requireUser(roles) {
      return async function requireUser(request, reply) {
        const auth = await authOf(request);
        if (!auth) return deny(reply, new ApiError(401, 'not_signed_in', MESSAGES.notSignedIn));
        if (roles && !roles.includes(auth.user.role)) return deny(reply, new ApiError(403, 'forbidden', MESSAGES.forbidden));
      };
    },

    async requireCsrf(request, reply) {
      const auth = await authOf(request);
      if (!auth) return deny(reply, new ApiError(401, 'not_signed_in', MESSAGES.notSignedIn));
      if (!csrfTokensMatch(auth.csrfToken, request.headers[CSRF_HEADER])) return deny(reply, new ApiError(403, 'csrf_failed', MESSAGES.csrf));
    },
  };
}
