/**
 * `/api/auth/*`: sign-in, sign-out, the current user, password change. Registers
 * `@fastify/cookie` on the app (other routes read the session cookie through the guards it
 * returns) and the routes in a scope of their own, whose error handler answers in Persian.
 *
 * Sign-in itself carries no CSRF token (there is no session yet); it accepts JSON only, which
 * a cross-site form cannot send, so another site cannot sign a visitor in to its account.
 */
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import { ApiError, apiErrorHandler, MESSAGES, tooManyAttempts } from './api-errors';
import { CSRF_HEADER, csrfTokensMatch } from './csrf';
import { createGuards, type AccountGuards } from './guards';
import { sessionCookieOf, sessionTokenOf } from './session-cookie';
import { createSignInLimiter, type SignInLimiter, type SignInLimits } from './rate-limit';
import { createSessionStore, type ActiveSession, type SessionLifetimes, type SessionStore } from './sessions';
import { authenticate, changePassword, toPublicUser, type PublicUser } from './users';
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

export interface SignedIn {
  readonly user: PublicUser;
  readonly csrfToken: string;
}

/** Auth bodies are a few short strings; anything near this size is not a sign-in. */
const AUTH_BODY_LIMIT = 4 * 1024;

const signInBody = z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(1024) });
const passwordBody = z.object({ currentPassword: z.string().min(1).max(1024), newPassword: z.string().min(1).max(1024) });

const FIELD_LABELS: Record<string, string> = {
  username: 'نام کاربری',
  password: 'گذرواژه',
  currentPassword: 'گذرواژهٔ کنونی',
  newPassword: 'گذرواژهٔ تازه',
};

/** Parses a JSON body with a zod schema; a 400 with a Persian message naming the field otherwise. */
function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ApiError(400, 'invalid_body', MESSAGES.notAnObject);
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const fields = [...new Set(result.error.issues.map((i) => String(i.path[0] ?? '')))].filter(Boolean);
  const first = result.error.issues[0]!;
  const field = String(first.path[0] ?? '');
  const label = `«${FIELD_LABELS[field] ?? field}»`;
  const given = (body as Record<string, unknown>)[field];
  const message =
    given === undefined || given === ''
      ? `${label} را وارد کنید.`
      : typeof given !== 'string'
        ? `${label} باید متن باشد.`
        : first.code === 'too_big'
          ? `${label} بیش از حد طولانی است.`
          : `${label} را وارد کنید.`;
  throw new ApiError(400, 'invalid_body', message, { fields });
}

export async function registerAccountRoutes(app: FastifyInstance, options: AccountRoutesOptions): Promise<AccountServices> {
  const { db, now } = options;
  if (!app.hasRequestDecorator('cookies')) await app.register(cookie);
  if (!app.hasRequestDecorator('auth')) app.decorateRequest('auth', null);

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

  await app.register(async (scope) => {
    scope.setErrorHandler(apiErrorHandler);
    scope.addHook('onSend', async (_request, reply) => {
      reply.header('cache-control', 'no-store');
    });

    scope.post('/api/auth/sign-in', { bodyLimit: AUTH_BODY_LIMIT }, async (request, reply): Promise<SignedIn> => {
      const { username, password } = parseBody(signInBody, request.body);
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
    });

    scope.post('/api/auth/sign-out', { bodyLimit: AUTH_BODY_LIMIT }, async (request, reply): Promise<{ signedOut: true }> => {
      const auth = await guards.authOf(request);
      if (auth) {
        // Signing someone out is a state change another site must not trigger.
        if (!csrfTokensMatch(auth.csrfToken, request.headers[CSRF_HEADER])) throw new ApiError(403, 'csrf_failed', MESSAGES.csrf);
        await sessions.revoke(tokenOf(request)!);
      }
      clearSessionCookie(request, reply);
      return { signedOut: true as const };
    });

    scope.get('/api/auth/me', async (request, reply): Promise<SignedIn> => {
      const auth = await guards.authOf(request);
      if (!auth) {
        if (tokenOf(request)) clearSessionCookie(request, reply);
        throw new ApiError(401, 'not_signed_in', MESSAGES.notSignedIn);
      }
      return signedIn(auth);
    });

    scope.post(
      '/api/auth/password',
      { bodyLimit: AUTH_BODY_LIMIT, preHandler: [guards.requireUser(), guards.requireCsrf] },
      async (request: FastifyRequest): Promise<SignedIn> => {
        const auth = request.auth!;
        const { currentPassword, newPassword } = parseBody(passwordBody, request.body);
        // Guessing the current password through a stolen session is limited like sign-in.
        const attempt = await limiter.reserve({ username: auth.user.username, ip: request.ip });
        if (!attempt.allowed) throw tooManyAttempts(attempt.retryAfterSeconds);
        const outcome = await changePassword(db, { userId: auth.user.id, currentPassword, newPassword, keepSessionId: auth.id }).catch(async (error: unknown) => {
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
        await sessions.revokeAllForUser(auth.user.id, auth.id);
        return signedIn(auth);
      },
    );
  });

  return { ...guards, sessions, limiter };
}
