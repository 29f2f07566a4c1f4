/**
 * The browser's side of Ayin's API: JSON requests with the CSRF token, errors as the Persian
 * message the server sent, and the signed-in user (fetched once per page load and shared).
 *
 * Kept dependency-free: it is in every page's bundle through the navbar's account menu.
 */
import { useEffect, useState } from 'react';

export type Role = 'staff' | 'contractor' | 'editor' | 'approver' | 'supervisor' | 'admin';

export interface Me {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly roleLabel: string;
  readonly company: string | null;
}

export interface Session {
  readonly user: Me;
  readonly csrfToken: string;
}

/** An API answer that was not 2xx; `message` is the server's Persian sentence. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const OFFLINE = 'ارتباط با کارساز برقرار نشد. اتصال شبکه را بررسی کنید و دوباره تلاش کنید.';
const UNEXPECTED = 'پاسخ کارساز قابل فهم نبود. لطفاً دوباره تلاش کنید.';

let csrfToken: string | undefined;

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** JSON (an object) or text (a string, sent as CSV). */
  readonly body?: unknown;
  readonly signal?: AbortSignal;
}

export async function api<T>(path: string, { method = 'GET', body, signal }: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let payload: string | undefined;
  if (typeof body === 'string') {
    headers['content-type'] = 'text/csv; charset=utf-8';
    payload = body;
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin', signal });
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
    const err = (data ?? {}) as Record<string, unknown>;
    throw new ApiRequestError(res.status, String(err.error ?? 'unexpected'), typeof err.message === 'string' ? err.message : UNEXPECTED, err);
  }
  return data as T;
}

let sessionPromise: Promise<Session | null> | undefined;

/** The signed-in user, or null for a visitor; one request per page load, however many ask. */
export function loadSession(): Promise<Session | null> {
  // The server hands the public build only to readers without a session: nobody to ask about.
  if (typeof document !== 'undefined' && document.querySelector('meta[name="ayin-build"]')?.getAttribute('content') === 'public') {
    return Promise.resolve(null);
  }
  sessionPromise ??= api<Session>('/api/auth/me')
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
  await api('/api/auth/sign-out', { method: 'POST', body: {} });
  navigateFully('/');
}
