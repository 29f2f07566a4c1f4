/**
 * The browser's side of Ayin's API: each call names a route of the contract (src/api/), so its
 * path, its body and the shape of its answer are the server's own; the answer is parsed with
 * the contract's schema, the CSRF token is sent on every state change, and an error is the
 * Persian message the server sent.
 *
 * It is in every page's bundle through the navbar's account menu, with zod and the contract.
 */
import { useEffect, useState } from 'react';
import { authRoutes, type PublicUser, type Session } from '@site/src/api/auth';
import { apiErrorBodySchema, type ApiErrorBody } from '@site/src/api/errors';
import { pathOf, type ApiRoute, type BodyOf, type ParamsOf, type QueryOf, type ResponseOf } from '@site/src/api/route';

export type { Role } from '@site/src/api/roles';
export type { Session };
/** The signed-in user, as the server describes them. */
export type Me = PublicUser;

/** An API answer that was not 2xx (or not what the contract says); `message` is the server's Persian sentence. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: Partial<ApiErrorBody> = {},
  ) {
    super(message);
  }
}

const OFFLINE = 'ارتباط با کارساز برقرار نشد. اتصال شبکه را بررسی کنید و دوباره تلاش کنید.';
const UNEXPECTED = 'پاسخ کارساز قابل فهم نبود. لطفاً دوباره تلاش کنید.';

let csrfToken: string | undefined;

type Optional<K extends string, T> = [T] extends [never] ? { readonly [P in K]?: never } : { readonly [P in K]: T };

/** What a call of `route` needs: its params, query and body as the contract declares them. */
export type CallInput<R extends ApiRoute> = Optional<'params', ParamsOf<R>> &
  Partial<Optional<'query', QueryOf<R>>> &
  Partial<Optional<'body', BodyOf<R>>> & { readonly signal?: AbortSignal };

/** The query string of defined values, or ''. */
function queryString(query: Record<string, unknown> | undefined): string {
  const entries = Object.entries(query ?? {}).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}` : '';
}

/** The URL of a call, e.g. for a link to a CSV report or a PDF. */
export function urlOf<R extends ApiRoute>(route: R, input: Pick<CallInput<R>, 'params' | 'query'> = {} as never): string {
  const { params, query } = input as { params?: Record<string, string>; query?: Record<string, unknown> };
  return pathOf(route, params) + queryString(query);
}

export async function call<R extends ApiRoute>(route: R, ...[input]: {} extends CallInput<R> ? [CallInput<R>?] : [CallInput<R>]): Promise<ResponseOf<R>> {
  const { body, signal } = (input ?? {}) as { body?: unknown; signal?: AbortSignal };
  const method = route.method;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let payload: string | undefined;
  if (route.bodyType === 'text') {
    headers['content-type'] = 'text/csv; charset=utf-8';
    payload = String(body ?? '');
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(urlOf(route, input as never), { method, headers, body: payload, credentials: 'same-origin', signal });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiRequestError(0, 'offline', OFFLINE);
  }
  let data: unknown;
  try {
    data = await res.json();
  } catch {
    throw new ApiRequestError(res.status, 'unexpected', UNEXPECTED);
  }
  if (!res.ok) {
    const error = apiErrorBodySchema.safeParse(data);
    if (!error.success) throw new ApiRequestError(res.status, 'unexpected', UNEXPECTED);
    throw new ApiRequestError(res.status, error.data.error, error.data.message, error.data);
  }
  if (!route.response) return data as ResponseOf<R>;
  const parsed = route.response.safeParse(data);
  // An answer that is not what the contract says is not shown half-understood.
  if (!parsed.success) throw new ApiRequestError(res.status, 'unexpected', UNEXPECTED);
  return parsed.data as ResponseOf<R>;
}

let sessionPromise: Promise<Session | null> | undefined;

/** The signed-in user, or null for a visitor; one request per page load, however many ask. */
export function loadSession(): Promise<Session | null> {
  // The server hands the public build only to readers without a session: nobody to ask about.
  if (typeof document !== 'undefined' && document.querySelector('meta[name="ayin-build"]')?.getAttribute('content') === 'public') {
    return Promise.resolve(null);
  }
  sessionPromise ??= call(authRoutes.me)
    .then((session) => {
      csrfToken = session.csrfToken;
      return session;
    })
    .catch((error: unknown) => {
      if (error instanceof ApiRequestError && error.status === 401) return null;
      sessionPromise = undefined;
      throw error;
    });
  return sessionPromise;
}

export type SessionState =
  | { readonly status: 'loading' }
  | { readonly status: 'signed-out' }
  | { readonly status: 'signed-in'; readonly session: Session }
  | { readonly status: 'error'; readonly message: string };

export function useSession(): SessionState {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    loadSession().then(
      (session) => live && setState(session ? { status: 'signed-in', session } : { status: 'signed-out' }),
      (error: unknown) => live && setState({ status: 'error', message: error instanceof Error ? error.message : OFFLINE }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

/** Signing in or out changes which build of the site this visitor is served: reload fully. */
export function navigateFully(path: string): void {
  window.location.assign(path);
}

/** The sign-in page, coming back to where the visitor is now. */
export function signInHref(): string {
  if (typeof window === 'undefined') return '/sign-in';
  const here = window.location.pathname + window.location.search + window.location.hash;
  return `/sign-in?next=${encodeURIComponent(here)}`;
}

/**
 * A `?next=` target only when it is a path on this site: `/x` but not `//evil.example`,
 * `/\evil.example` or `https://…` (an open redirect would make a phishing link look like ours).
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (/[\u0000-\u001F\\]/.test(next)) return '/';
  try {
    const url = new URL(next, 'http://ayin.invalid');
    if (url.origin !== 'http://ayin.invalid') return '/';
    if (url.pathname.startsWith('/sign-in')) return '/';
    return url.pathname + url.search + url.hash;
  } catch {
    return '/';
  }
}

export async function signOut(): Promise<void> {
  await loadSession();
  await call(authRoutes.signOut, { body: {} });
  navigateFully('/');
}
