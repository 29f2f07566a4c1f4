/**
 * `/api/auth/*`: sign-in, sign-out, the current user, password change. Registers
 * `@fastify/cookie` on the app (other routes read the session cookie through the guards it
 * returns) and the routes through the `/api` plugin (server/api/), with the contract's shapes
 * (src/api/auth.ts).
 *
 * Sign-in itself carries no CSRF token (there is no session yet); it accepts JSON only, which
 * a cross-site form cannot send, so another site cannot sign a visitor in to its account.
 */
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { authRoutes, type Session } from '../../src/api/auth';
import { registerApi } from '../api/plugin';
import type { Database } from '../db/schema';
import { ApiError, MESSAGES, tooManyAttempts } from './api-errors';
import { CONFIRMATION_WINDOW_MS } from './confirmation';
import { createGuards, type AccountGuards } from './guards';
import { sessionCookieOf, sessionTokenOf } from './session-cookie';
import { createSignInLimiter, type SignInLimiter, type SignInLimits } from './rate-limit';
import { createSessionStore, type ActiveSession, type SessionLifetimes, type SessionStore } from './sessions';
import { authenticate, changePassword, toPublicUser } from './users';
import { AccountInputError } from './validation';

export interface AccountRoutesOptions {
  readonly db: Kysely<Database>;
  /**
   * The site is served over HTTPS (`PUBLIC_URL=https://…`): the cookie is `__Host-`, `Secure`.
   * Without it, a request a trusted proxy marks https gets the same (see session-cookie.ts).
   */
  readonly secureCookies: boolean;
  readonly limits?: Partial<SignInLimits>;
  readonly lifetimes?: Partial<SessionLifetimes>;
  /** The clock, for tests. */
  readonly now?: () => number;
  /** How long a looked-up session is remembered (see SessionStoreOptions.cacheMs); default 1 s. */
  readonly sessionCacheMs?: number;
}

export interface AccountServices extends AccountGuards {
  readonly sessions: SessionStore;
  readonly limiter: SignInLimiter;
}

/** What sign-in, `me` and a password change answer (the contract's session). */
export type SignedIn = Session;

/** Auth bodies are a few short strings; anything near this size is not a sign-in. */
const AUTH_BODY_LIMIT = 4 * 1024;

export async function registerAccountRoutes(app: FastifyInstance, options: AccountRoutesOptions): Promise<AccountServices> {
  const { db, now } = options;
  if (!app.hasRequestDecorator('cookies')) await app.register(cookie);

  const sessions = createSessionStore(db, { lifetimes: options.lifetimes, now, cacheMs: options.sessionCacheMs ?? 1000 });
  const limiter = createSignInLimiter(db, { limits: options.limits, now });
  const cookieOf = sessionCookieOf(options.secureCookies);
  const tokenOf = sessionTokenOf(cookieOf);
  const guards = createGuards(sessions, tokenOf);

  const setSessionCookie = (request: FastifyRequest, reply: FastifyReply, token: string) => {
    const { name, options: attributes } = cookieOf(request);
    reply.setCookie(name, token, { ...attributes, maxAge: Math.floor(sessions.lifetimes.absoluteMs / 1000) });
  };
  const clearSessionCookie = (request: FastifyRequest, reply: FastifyReply) => {
    const { name, options: attributes } = cookieOf(request);
    reply.clearCookie(name, attributes);
  };
  const signedIn = (session: ActiveSession): SignedIn => ({ user: toPublicUser(session.user), csrfToken: session.csrfToken });

  await registerApi(app, { authOf: guards.authOf }, (api) => {
    api.route(authRoutes.signIn, {
      access: 'public',
      csrf: {
        exempt:
          'there is no session yet; the body must be application/json, which a cross-site form cannot send and no preflight is ever granted, and every sign-in starts a fresh session',
      },
      bodyLimit: AUTH_BODY_LIMIT,
      async handler({ request, reply, body: { username, password } }): Promise<SignedIn> {
        // Counted before the hash, so parallel guesses cannot all pass (rate-limit.ts).
        const attempt = await limiter.reserve({ username, ip: request.ip });
        if (!attempt.allowed) throw tooManyAttempts(attempt.retryAfterSeconds);
        const result = await authenticate(db, username, password);
        if (!result.ok && result.reason === 'invalid') {
          await attempt.failed();
          throw new ApiError(401, 'invalid_credentials', MESSAGES.invalidCredentials);
        }
        await attempt.succeeded();
        if (!result.ok) throw new ApiError(403, 'account_disabled', MESSAGES.disabled);
        // A fresh session on every sign-in: a token planted before sign-in is worth nothing after.
        const previous = tokenOf(request);
        if (previous) await sessions.revoke(previous);
        const { token, session } = await sessions.create(result.user.id);
        setSessionCookie(request, reply, token);
        return signedIn(session);
      },
    });

    // Public: a visitor without a session has nothing to sign out of. With one, the plugin's
    // CSRF check applies (signing someone out is a state change another site must not trigger).
    api.route(authRoutes.signOut, {
      access: 'public',
      bodyLimit: AUTH_BODY_LIMIT,
      async handler({ request, reply, auth }) {
        if (auth) await sessions.revoke(tokenOf(request)!);
        clearSessionCookie(request, reply);
        return { signedOut: true as const };
      },
    });

    // Public: it is how the page learns whether anyone is signed in (401 when not).
    api.route(authRoutes.me, {
      access: 'public',
      async handler({ request, reply, auth }): Promise<SignedIn> {
        if (!auth) {
          if (tokenOf(request)) clearSessionCookie(request, reply);
          throw new ApiError(401, 'not_signed_in', MESSAGES.notSignedIn);
        }
        return signedIn(auth);
      },
    });

    api.route(authRoutes.changePassword, {
      access: 'signed-in',
      bodyLimit: AUTH_BODY_LIMIT,
      async handler({ request, auth, body: { currentPassword, newPassword } }): Promise<SignedIn> {
        const session = auth!;
        // Guessing the current password through a stolen session is limited like sign-in.
        const attempt = await limiter.reserve({ username: session.user.username, ip: request.ip });
        if (!attempt.allowed) throw tooManyAttempts(attempt.retryAfterSeconds);
        const outcome = await changePassword(db, { userId: session.user.id, currentPassword, newPassword, keepSessionId: session.id }).catch(async (error: unknown) => {
          if (!(error instanceof AccountInputError)) throw error;
          await attempt.succeeded(); // the current password was right; the new one is refused
          throw new ApiError(400, 'invalid_input', error.issues.map((i) => i.messageFa).join(' '), { fields: ['newPassword'] });
        });
        if (outcome === 'wrong_current_password') {
          await attempt.failed();
          throw new ApiError(400, 'wrong_current_password', MESSAGES.wrongCurrentPassword, { fields: ['currentPassword'] });
        }
        await attempt.succeeded();
        // The database no longer has the other sessions; this process must not remember them either.
        await sessions.revokeAllForUser(session.user.id, session.id);
        return signedIn(session);
      },
    });

    // Admin actions ask for the password again (confirmation.ts); limited like sign-in.
    api.route(authRoutes.confirmPassword, {
      access: 'signed-in',
      bodyLimit: AUTH_BODY_LIMIT,
      async handler({ request, auth, body: { password } }) {
        const session = auth!;
        const attempt = await limiter.reserve({ username: session.user.username, ip: request.ip });
        if (!attempt.allowed) throw tooManyAttempts(attempt.retryAfterSeconds);
        const result = await authenticate(db, session.user.username, password);
        if (!result.ok) {
          await attempt.failed();
          throw new ApiError(400, 'wrong_password', MESSAGES.wrongPassword, { fields: ['password'] });
        }
        await attempt.succeeded();
        const at = await sessions.confirm(session.id);
        return { confirmedUntil: at + CONFIRMATION_WINDOW_MS };
      },
    });
  });

  return { ...guards, sessions, limiter };
}
