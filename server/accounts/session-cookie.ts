/**
 * The session cookie's name and attributes. Over https it is `__Host-ayin_session`: the
 * browser then accepts it only with `Secure`, `Path=/` and no `Domain`, so neither a sibling
 * subdomain nor a plain-http page can plant or overwrite it. Over plain http (the embedded
 * default on 127.0.0.1) a `__Host-` or `Secure` cookie would not be stored at all, so it is
 * `ayin_session` without `Secure`.
 *
 * "Over https" is the configured public origin (`PUBLIC_URL=https://…`) or, per request, what a
 * trusted proxy says (`X-Forwarded-Proto`, believed only from TRUST_PROXY's addresses).
 */
import type { FastifyRequest } from 'fastify';

export const PLAIN_SESSION_COOKIE = 'ayin_session';
export const HOST_SESSION_COOKIE = '__Host-ayin_session';

export interface SessionCookie {
  readonly name: string;
  readonly options: { readonly path: '/'; readonly httpOnly: true; readonly sameSite: 'lax'; readonly secure: boolean };
}

export function sessionCookieFor(https: boolean): SessionCookie {
  return { name: https ? HOST_SESSION_COOKIE : PLAIN_SESSION_COOKIE, options: { path: '/', httpOnly: true, sameSite: 'lax', secure: https } };
}

/** Decides per request; `alwaysHttps` when the public origin is https. */
export function sessionCookieOf(alwaysHttps: boolean): (request: FastifyRequest) => SessionCookie {
  const plain = sessionCookieFor(false);
  const secure = sessionCookieFor(true);
  return (request) => (alwaysHttps || request.protocol === 'https' ? secure : plain);
}

/** The session token the request carries under the name its scheme uses (only that one). */
export function sessionTokenOf(cookieOf: (request: FastifyRequest) => SessionCookie): (request: FastifyRequest) => string | undefined {
  return (request) => request.cookies?.[cookieOf(request).name];
}
