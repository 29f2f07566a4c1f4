/**
 * `/api/auth/*` through fastify's inject, on a bare fastify instance with only the accounts
 * plugin (and a sample guarded route), on SQLite and PostgreSQL.
 */
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/open';
import { testDatabases } from '../../db/__tests__/test-databases';
import { registerAccountRoutes, type AccountRoutesOptions } from '../routes';
import type { UserRow } from '../../db/schema';
import { userRowFor } from '../users';

const dialects = testDatabases();

const PERSIAN = /[\u0600-\u06FF]/;

async function buildApp(options: AccountRoutesOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  const accounts = await registerAccountRoutes(app, options);
  // What other capabilities will do: a state-changing route for some roles only.
  app.post('/api/test/editors-only', { preHandler: [accounts.requireUser(['editor', 'admin']), accounts.requireCsrf] }, async (request) => ({
    by: request.auth!.user.username,
  }));
  app.get('/api/test/anyone-signed-in', { preHandler: accounts.requireUser() }, async (request) => ({ role: request.auth!.user.role }));
  await app.ready();
  return app;
}

/** The `ayin_session` cookie from a response, as a request header value. */
function sessionCookie(res: LightMyRequestResponse): string {
  const cookie = res.cookies.find((c) => c.name === 'ayin_session');
  if (!cookie) throw new Error(`no session cookie in ${JSON.stringify(res.headers['set-cookie'])}`);
  return `ayin_session=${cookie.value}`;
}

function expectApiError(res: LightMyRequestResponse, status: number, error: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json() as { error: string; message: string };
  expect(body.error).toBe(error);
  expect(body.message).toMatch(PERSIAN);
  return body;
}

describe.each(dialects)('/api/auth on $name', (t) => {
  let app: FastifyInstance;
  const signIn = (username: string, password: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password }, headers });

  // Hashed once per file (real scrypt, real cost), inserted afresh before each test.
  let seed: UserRow[];
  beforeAll(async () => {
    seed = await Promise.all([
      userRowFor({ username: 'zahra.editor', password: 'zahra-password-1', displayName: 'زهرا موسوی', role: 'editor', company: null }, Date.now()),
      userRowFor({ username: 'reza.karimi', password: 'reza-password-1', displayName: 'رضا کریمی', role: 'contractor', company: 'شرکت پیمانکاری نمونه نور' }, Date.now()),
    ]);
  });

  beforeEach(async () => {
    await t.reset();
    await t.db.insertInto('users').values(seed).execute();
    app = await buildApp({ db: t.db, secureCookies: false });
  });
  afterEach(() => app.close());

  it('signs in with an HTTP-only, SameSite=Lax session cookie, and answers the user and a CSRF token', async () => {
    const res = await signIn('Zahra.Editor', 'zahra-password-1');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toEqual({
      user: { id: expect.any(String), username: 'zahra.editor', displayName: 'زهرا موسوی', role: 'editor', roleLabel: 'ویراستار', company: null, audience: 'staff' },
      csrfToken: expect.stringMatching(/^[\w-]{43}$/),
    });
    const cookie = res.cookies.find((c) => c.name === 'ayin_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 7 * 24 * 3600 });
    expect(cookie.secure).toBeUndefined();
    expect(cookie.value).toMatch(/^[\w-]{43}$/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(JSON.stringify(body)).not.toContain('password');
  });

  it('over https the cookie is __Host-, Secure, Path=/ and without Domain; over http it is plain', async () => {
    const secureApp = await buildApp({ db: t.db, secureCookies: true });
    const res = await secureApp.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'zahra.editor', password: 'zahra-password-1' } });
    expect(res.cookies.map((c) => c.name)).toEqual(['__Host-ayin_session']);
    const hostCookie = res.cookies[0]!;
    expect(hostCookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(hostCookie.domain).toBeUndefined();
    // The plain-http name is not read over https: a cookie planted under it signs no one in.
    const planted = await secureApp.inject({ method: 'GET', url: '/api/auth/me', cookies: { ayin_session: hostCookie.value } });
    expect(planted.statusCode).toBe(401);
    const known = await secureApp.inject({ method: 'GET', url: '/api/auth/me', cookies: { '__Host-ayin_session': hostCookie.value } });
    expect(known.statusCode).toBe(200);
    await secureApp.close();

    const plain = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'zahra.editor', password: 'zahra-password-1' } });
    expect(plain.cookies.map((c) => [c.name, c.secure ?? false])).toEqual([['ayin_session', false]]);
  });

  it('knows the user by the cookie on /me, and forgets them after sign-out', async () => {
    const signedIn = await signIn('reza.karimi', 'reza-password-1');
    const cookie = sessionCookie(signedIn);
    const { csrfToken } = signedIn.json() as { csrfToken: string };

    const me = await app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { username: 'reza.karimi', role: 'contractor', company: 'شرکت پیمانکاری نمونه نور', audience: 'contractor' }, csrfToken });

    const out = await app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(out.statusCode).toBe(200);
    expect(out.json()).toEqual({ signedOut: true });
    const cleared = out.cookies.find((c) => c.name === 'ayin_session')!;
    expect(cleared.value).toBe('');
    expect(cleared.expires!.getTime()).toBeLessThan(Date.now());

    expectApiError(await app.inject({ url: '/api/auth/me', headers: { cookie } }), 401, 'not_signed_in');
    expect(await t.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
  });

  it('answers /me with 401 without a session, and clears a stale cookie', async () => {
    expectApiError(await app.inject({ url: '/api/auth/me' }), 401, 'not_signed_in');
    const stale = await app.inject({ url: '/api/auth/me', headers: { cookie: `ayin_session=${'a'.repeat(43)}` } });
    expectApiError(stale, 401, 'not_signed_in');
    expect(stale.cookies.find((c) => c.name === 'ayin_session')?.value).toBe('');
  });

  it('does not sign out without the CSRF token', async () => {
    const signedIn = await signIn('reza.karimi', 'reza-password-1');
    const cookie = sessionCookie(signedIn);
    expectApiError(await app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie } }), 403, 'csrf_failed');
    expect((await app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    // Signing out with no session at all is harmless and always succeeds.
    expect((await app.inject({ method: 'POST', url: '/api/auth/sign-out' })).statusCode).toBe(200);
  });

  it('starts a new session at each sign-in and ends the one the browser had', async () => {
    const first = sessionCookie(await signIn('zahra.editor', 'zahra-password-1'));
    const second = sessionCookie(await signIn('zahra.editor', 'zahra-password-1', { cookie: first }));
    expect(second).not.toBe(first);
    expect((await app.inject({ url: '/api/auth/me', headers: { cookie: first } })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/auth/me', headers: { cookie: second } })).statusCode).toBe(200);
  });

  it('refuses wrong credentials alike for a wrong password and an unknown user', async () => {
    const wrong = expectApiError(await signIn('zahra.editor', 'not-her-password'), 401, 'invalid_credentials');
    const unknown = expectApiError(await signIn('nobody.here', 'not-her-password'), 401, 'invalid_credentials');
    expect(wrong).toEqual(unknown);
    expect(wrong.message).toBe('نام کاربری یا گذرواژه نادرست است.');
  });

  it('tells a disabled user, who knows the password, that the account is disabled', async () => {
    await t.db.updateTable('users').set({ disabled_at: Date.now() }).where('username', '=', 'zahra.editor').execute();
    expectApiError(await signIn('zahra.editor', 'zahra-password-1'), 403, 'account_disabled');
    expectApiError(await signIn('zahra.editor', 'wrong-password'), 401, 'invalid_credentials');
  });

  it('answers wrong types, missing fields and non-JSON bodies with 400 in Persian, naming the field', async () => {
    const typed = expectApiError(await signIn('zahra.editor', 12345), 400, 'invalid_body');
    expect(typed).toEqual({ error: 'invalid_body', message: '«گذرواژه» باید متن باشد.', fields: ['password'] });
    const missing = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { password: 'x' } });
    expect(expectApiError(missing, 400, 'invalid_body').message).toBe('«نام کاربری» را وارد کنید.');
    const array = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: ['zahra.editor'] });
    expectApiError(array, 400, 'invalid_body');
    const broken = await app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expectApiError(broken, 400, 'invalid_json');
    // What a cross-site form could send: never a sign-in.
    const form = await app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'username=zahra.editor&password=zahra-password-1' });
    expectApiError(form, 415, 'unsupported_media_type');
    const text = await app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { 'content-type': 'text/plain' }, payload: '{"username":"zahra.editor","password":"zahra-password-1"}' });
    expectApiError(text, 400, 'invalid_body');
    expect(text.cookies).toEqual([]);
  });

  it('refuses an oversized body with 413 in Persian, storing nothing', async () => {
    const res = await signIn('zahra.editor', 'x'.repeat(10_000));
    expectApiError(res, 413, 'body_too_large');
    expect(await t.db.selectFrom('login_attempts').selectAll().execute()).toEqual([]);
  });

  it('answers the 6th failed sign-in with 429, Retry-After and a Persian message, even with the right password', async () => {
    for (let i = 1; i <= 5; i++) expectApiError(await signIn('zahra.editor', `wrong-password-${i}`), 401, 'invalid_credentials');
    const blocked = await signIn('zahra.editor', 'zahra-password-1');
    const body = expectApiError(blocked, 429, 'too_many_attempts');
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(body).toMatchObject({ retryAfterSeconds: retryAfter, message: 'تلاش‌های ناموفق برای ورود بیش از حد مجاز بوده است. لطفاً ۱۵ دقیقهٔ دیگر دوباره تلاش کنید.' });
    expect(blocked.cookies).toEqual([]);
    // Another user at the same address is not locked out: the address's limit is looser.
    expect((await signIn('reza.karimi', 'reza-password-1')).statusCode).toBe(200);
  });

  it('lets at most 5 of 20 parallel guesses be checked: each is counted before its password is hashed', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn('zahra.editor', `parallel-guess-${i}`)));
    const checked = answers.filter((r) => r.statusCode === 401).length;
    expect(answers.every((r) => r.statusCode === 401 || r.statusCode === 429)).toBe(true);
    // SQLite serialises the tickets (5 are checked); on PostgreSQL all may see each other's
    // tickets and be refused. Never more than the limit.
    expect(checked).toBeLessThanOrEqual(5);
    // The refused ones left no record: only the failures stay counted.
    const rows = await t.db.selectFrom('login_attempts').select('key').where('key', 'like', 'pair:%').execute();
    expect(rows.length).toBe(checked);
  });

  it('keeps the limit across a restart: a new app on a new connection still answers 429', async () => {
    for (let i = 1; i <= 5; i++) expectApiError(await signIn('zahra.editor', `wrong-password-${i}`), 401, 'invalid_credentials');
    await app.close();
    const reopened: DatabaseHandle = await openDatabase(t.options);
    try {
      app = await buildApp({ db: reopened.db, secureCookies: false });
      expectApiError(await signIn('zahra.editor', 'zahra-password-1'), 429, 'too_many_attempts');
      await app.close();
    } finally {
      await reopened.close();
    }
    app = await buildApp({ db: t.db, secureCookies: false });
  });

  it('forgives earlier failures after a successful sign-in', async () => {
    for (let i = 1; i <= 4; i++) await signIn('zahra.editor', `wrong-password-${i}`);
    expect((await signIn('zahra.editor', 'zahra-password-1')).statusCode).toBe(200);
    for (let i = 1; i <= 4; i++) expectApiError(await signIn('zahra.editor', `wrong-password-${i}`), 401, 'invalid_credentials');
  });

  describe('password change', () => {
    async function signedIn() {
      const res = await signIn('zahra.editor', 'zahra-password-1');
      return { cookie: sessionCookie(res), csrfToken: (res.json() as { csrfToken: string }).csrfToken };
    }
    const change = (headers: Record<string, string>, payload: unknown) => app.inject({ method: 'POST', url: '/api/auth/password', headers, payload: payload as object });

    it('needs a session and the CSRF token', async () => {
      const { cookie, csrfToken } = await signedIn();
      const payload = { currentPassword: 'zahra-password-1', newPassword: 'a-brand-new-password' };
      expectApiError(await change({}, payload), 401, 'not_signed_in');
      expectApiError(await change({ cookie }, payload), 403, 'csrf_failed');
      // One character off (a different one: a token ending in «A» must not stay the same).
      const wrongLast = csrfToken.endsWith('A') ? 'B' : 'A';
      expectApiError(await change({ cookie, 'x-csrf-token': `${csrfToken.slice(0, -1)}${wrongLast}` }, payload), 403, 'csrf_failed');
      // The token of another session is not this session's token.
      const other = await signedIn();
      expectApiError(await change({ cookie, 'x-csrf-token': other.csrfToken }, payload), 403, 'csrf_failed');
      expect((await signIn('zahra.editor', 'zahra-password-1')).statusCode).toBe(200);
    });

    it('changes the password, keeps this session and ends the others', async () => {
      const mine = await signedIn();
      const elsewhere = await signedIn();
      const res = await change({ cookie: mine.cookie, 'x-csrf-token': mine.csrfToken }, { currentPassword: 'zahra-password-1', newPassword: 'a-brand-new-password' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ user: { username: 'zahra.editor' }, csrfToken: mine.csrfToken });
      expect((await app.inject({ url: '/api/auth/me', headers: { cookie: mine.cookie } })).statusCode).toBe(200);
      expect((await app.inject({ url: '/api/auth/me', headers: { cookie: elsewhere.cookie } })).statusCode).toBe(401);
      expectApiError(await signIn('zahra.editor', 'zahra-password-1'), 401, 'invalid_credentials');
      expect((await signIn('zahra.editor', 'a-brand-new-password')).statusCode).toBe(200);
    });

    it('refuses a wrong current password, a weak new one and wrong types, changing nothing', async () => {
      const { cookie, csrfToken } = await signedIn();
      const headers = { cookie, 'x-csrf-token': csrfToken };
      const wrong = expectApiError(await change(headers, { currentPassword: 'not-the-password', newPassword: 'a-brand-new-password' }), 400, 'wrong_current_password');
      expect(wrong.message).toBe('گذرواژهٔ کنونی نادرست است.');
      const weak = expectApiError(await change(headers, { currentPassword: 'zahra-password-1', newPassword: 'short' }), 400, 'invalid_input');
      expect(weak).toEqual({ error: 'invalid_input', message: 'گذرواژه باید دست‌کم ۱۰ نویسه باشد.', fields: ['newPassword'] });
      expectApiError(await change(headers, { currentPassword: 'zahra-password-1', newPassword: ['a-brand-new-password'] }), 400, 'invalid_body');
      expectApiError(await change(headers, { currentPassword: 'zahra-password-1', newPassword: 'y'.repeat(8000) }), 413, 'body_too_large');
      expect((await signIn('zahra.editor', 'zahra-password-1')).statusCode).toBe(200);
    });

    it('limits guesses of the current password like sign-ins', async () => {
      const { cookie, csrfToken } = await signedIn();
      const headers = { cookie, 'x-csrf-token': csrfToken };
      for (let i = 1; i <= 5; i++) expectApiError(await change(headers, { currentPassword: `guess-number-${i}`, newPassword: 'a-brand-new-password' }), 400, 'wrong_current_password');
      expectApiError(await change(headers, { currentPassword: 'zahra-password-1', newPassword: 'a-brand-new-password' }), 429, 'too_many_attempts');
    });
  });

  describe('guards for other routes', () => {
    it('require a signed-in user of the right role, and the CSRF token', async () => {
      const editor = await signIn('zahra.editor', 'zahra-password-1');
      const contractor = await signIn('reza.karimi', 'reza-password-1');
      const post = (res: LightMyRequestResponse | undefined, csrf?: string) =>
        app.inject({ method: 'POST', url: '/api/test/editors-only', headers: { ...(res ? { cookie: sessionCookie(res) } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}) } });

      expectApiError(await post(undefined), 401, 'not_signed_in');
      expectApiError(await post(contractor, (contractor.json() as { csrfToken: string }).csrfToken), 403, 'forbidden');
      expectApiError(await post(editor), 403, 'csrf_failed');
      const ok = await post(editor, (editor.json() as { csrfToken: string }).csrfToken);
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toEqual({ by: 'zahra.editor' });

      const anyone = await app.inject({ url: '/api/test/anyone-signed-in', headers: { cookie: sessionCookie(contractor) } });
      expect(anyone.json()).toEqual({ role: 'contractor' });
    });
  });
});
