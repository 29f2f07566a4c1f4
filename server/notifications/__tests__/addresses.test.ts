/**
 * E-mail addresses and the mail preference (migration 011) through the real accounts, admin and
 * notification routes (sign-in, sessions, CSRF) on SQLite and PostgreSQL: the admin's form and
 * the contractor CSV take `email` (an invalid or taken one is a Persian problem at its field or
 * row, nothing stored), and each user reads their address and changes only their own choice.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { registerAdminRoutes } from '../../accounts/admin-routes';
import { registerAccountRoutes } from '../../accounts/routes';
import { userRowFor } from '../../accounts/users';
import { testDatabases } from '../../db/__tests__/test-databases';
import type { UserRow } from '../../db/schema';
import { registerNotifications } from '../routes';

const dialects = testDatabases();
const PERSIAN = /[\u0600-\u06FF]/;

describe.each(dialects)('addresses and preferences on $name', (t) => {
  let app: FastifyInstance;
  let seed: UserRow[];

  beforeAll(async () => {
    seed = await Promise.all([
      userRowFor({ username: 'nasrin.admin', password: 'nasrin-password-1', displayName: 'نسرین مدیری', role: 'admin', company: null }, Date.now()),
      userRowFor({ username: 'omid.pars', password: 'omid-password-1', displayName: 'امید پارسا', role: 'contractor', company: 'شرکت خدمات برق پارس نیرو', email: 'omid@pars-niroo.example' }, Date.now()),
      userRowFor({ username: 'neda.kontor', password: 'neda-password-1', displayName: 'ندا کنتوری', role: 'contractor', company: 'شرکت کنتورپژوه ایرانیان' }, Date.now()),
    ]);
  });
  beforeEach(async () => {
    await t.reset();
    await t.db.insertInto('users').values(seed).execute();
    app = Fastify({ logger: false });
    const guards = await registerAccountRoutes(app, { db: t.db, secureCookies: false, sessionCacheMs: 0 });
    await registerAdminRoutes(app, { db: t.db, guards, sessions: guards.sessions });
    await registerNotifications(app, { db: t.db, guards });
    await app.ready();
  });
  afterEach(() => app.close());

  async function signIn(username: string, password: string) {
    const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password } });
    expect(res.statusCode, res.body).toBe(200);
    return { cookie: `ayin_session=${res.cookies.find((c) => c.name === 'ayin_session')!.value}`, csrf: (res.json() as { csrfToken: string }).csrfToken };
  }
  async function admin() {
    const s = await signIn('nasrin.admin', 'nasrin-password-1');
    expect((await app.inject({ method: 'POST', url: '/api/auth/confirm', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: { password: 'nasrin-password-1' } })).statusCode).toBe(200);
    return { cookie: s.cookie, 'x-csrf-token': s.csrf };
  }
  const emailOf = async (username: string) => (await t.db.selectFrom('users').select('email').where('username', '=', username).executeTakeFirst())?.email;

  it('the admin form stores an address lower-case, and answers an invalid or taken one at its field in Persian', async () => {
    const headers = await admin();
    const user = { displayName: 'سارا شمالی', role: 'staff', password: 'sara-password-1' };
    const ok = await app.inject({ method: 'POST', url: '/api/admin/users', headers, payload: { ...user, username: 'sara.north', email: ' Sara.North@Tavanir.Example ' } });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(await emailOf('sara.north')).toBe('sara.north@tavanir.example');

    const invalid = await app.inject({ method: 'POST', url: '/api/admin/users', headers, payload: { ...user, username: 'sara.two', email: 'sara at tavanir' } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({ error: 'invalid_input', issues: [{ field: 'email', message: expect.stringMatching(PERSIAN) }] });
    const taken = await app.inject({ method: 'POST', url: '/api/admin/users', headers, payload: { ...user, username: 'sara.three', email: 'OMID@pars-niroo.example' } });
    expect(taken.statusCode).toBe(400);
    expect(taken.json()).toMatchObject({ issues: [{ field: 'email', message: 'این نشانی رایانامه پیش‌تر برای کاربر دیگری ثبت شده است.' }] });
    expect(await emailOf('sara.two')).toBeUndefined();
    expect(await emailOf('sara.three')).toBeUndefined();
    // No address is fine: the inbox only.
    const none = await app.inject({ method: 'POST', url: '/api/admin/users', headers, payload: { ...user, username: 'sara.four' } });
    expect(none.statusCode, none.body).toBe(201);
    expect(await emailOf('sara.four')).toBeNull();
  });

  it('the contractor CSV takes an email column; a bad, repeated or taken address is a problem at its row and nothing is imported', async () => {
    const headers = { ...(await admin()), 'content-type': 'text/csv' };
    const bad = [
      'username,display_name,company,password,email',
      'ali.rahimi,علی رحیمی,شرکت پیمانکاری نمونه نور,ali-password-1,ali@noor.example',
      'reza.karimi,رضا کریمی,شرکت پیمانکاری نمونه نور,reza-password-1,reza@@noor',
      'maryam.sadeghi,مریم صادقی,شرکت پیمانکاری نمونه نور,maryam-password-1,ALI@noor.example',
      'hadi.moradi,هادی مرادی,شرکت پیمانکاری نمونه نور,hadi-password-1,omid@pars-niroo.example',
    ].join('\n');
    const refused = await app.inject({ method: 'POST', url: '/api/admin/contractors/import', headers, payload: bad });
    expect(refused.statusCode).toBe(400);
    const problems = (refused.json() as { problems: { row: number; field: string; message: string }[] }).problems;
    expect(problems).toEqual([
      { row: 3, field: 'email', message: 'نشانی رایانامه معتبر نیست (نمونه: name@example.ir).' },
      { row: 4, field: 'email', message: 'این نشانی رایانامه در سطر دیگری از همین پرونده هم آمده است.' },
      { row: 5, field: 'email', message: 'این نشانی رایانامه پیش‌تر برای کاربر دیگری ثبت شده است.' },
    ]);
    expect(await emailOf('ali.rahimi')).toBeUndefined();

    const good = ['username,display_name,company,password,email', 'ali.rahimi,علی رحیمی,شرکت پیمانکاری نمونه نور,ali-password-1,Ali@Noor.example', 'reza.karimi,رضا کریمی,شرکت پیمانکاری نمونه نور,reza-password-1,'].join('\n');
    const imported = await app.inject({ method: 'POST', url: '/api/admin/contractors/import', headers, payload: good });
    expect(imported.statusCode, imported.body).toBe(201);
    expect(await emailOf('ali.rahimi')).toBe('ali@noor.example');
    expect(await emailOf('reza.karimi')).toBeNull();
  });

  const phoneOf = async (username: string) => (await t.db.selectFrom('users').select('phone').where('username', '=', username).executeTakeFirst())?.phone;
  const PHONE_INVALID = 'شمارهٔ همراه معتبر نیست؛ یازده رقم و با ۰۹ آغاز شود (نمونه: ۰۹۱۲۱۲۳۴۵۶۷).';

  it('the admin form stores a mobile number as 09xxxxxxxxx from Persian or Latin digits, and answers a bad one at its field in Persian', async () => {
    const headers = await admin();
    const user = { displayName: 'سارا شمالی', role: 'staff', password: 'sara-password-1' };
    for (const [username, typed] of [
      ['sara.persian', '۰۹۱۲ ۳۴۵ ۶۷۸۹'],
      ['sara.latin', '0912-345-6789'],
      ['sara.intl', '+98 912 345 6789'],
    ] as const) {
      const ok = await app.inject({ method: 'POST', url: '/api/admin/users', headers, payload: { ...user, username, phone: typed } });
      expect(ok.statusCode, ok.body).toBe(201);
      expect(await phoneOf(username)).toBe('09123456789');
    }
    for (const [username, typed] of [
      ['sara.short', '۰۹۱۲۳۴۵'],
      ['sara.landline', '02188776655'],
      ['sara.letters', '0912abc4567'],
    ] as const) {
      const bad = await app.inject({ method: 'POST', url: '/api/admin/users', headers, payload: { ...user, username, phone: typed } });
      expect(bad.statusCode, typed).toBe(400);
      expect(bad.json()).toMatchObject({ error: 'invalid_input', issues: [{ field: 'phone', message: PHONE_INVALID }] });
      expect(await phoneOf(username)).toBeUndefined();
    }
    const none = await app.inject({ method: 'POST', url: '/api/admin/users', headers, payload: { ...user, username: 'sara.none' } });
    expect(none.statusCode, none.body).toBe(201);
    expect(await phoneOf('sara.none')).toBeNull();
  });

  it('the contractor CSV takes a phone column: a bad number is a problem at its row and nothing is imported; good ones are normalised', async () => {
    const headers = { ...(await admin()), 'content-type': 'text/csv' };
    const header = 'username,display_name,company,password,phone';
    const bad = [header, 'ali.rahimi,علی رحیمی,شرکت پیمانکاری نمونه نور,ali-password-1,۰۹۱۲۱۱۱۲۲۳۳', 'reza.karimi,رضا کریمی,شرکت پیمانکاری نمونه نور,reza-password-1,۹۱۲۱۱۱۲۲۳۳'].join('\n');
    const refused = await app.inject({ method: 'POST', url: '/api/admin/contractors/import', headers, payload: bad });
    expect(refused.statusCode).toBe(400);
    expect((refused.json() as { problems: unknown[] }).problems).toEqual([{ row: 3, field: 'phone', message: PHONE_INVALID }]);
    expect(await phoneOf('ali.rahimi')).toBeUndefined();

    const good = [header, 'ali.rahimi,علی رحیمی,شرکت پیمانکاری نمونه نور,ali-password-1,۰۹۱۲۱۱۱۲۲۳۳', 'reza.karimi,رضا کریمی,شرکت پیمانکاری نمونه نور,reza-password-1,'].join('\n');
    const imported = await app.inject({ method: 'POST', url: '/api/admin/contractors/import', headers, payload: good });
    expect(imported.statusCode, imported.body).toBe(201);
    expect(await phoneOf('ali.rahimi')).toBe('09121112233');
    expect(await phoneOf('reza.karimi')).toBeNull();
  });

  it('each user sees their own address and changes only their own mail choice, with the CSRF token', async () => {
    const omid = await signIn('omid.pars', 'omid-password-1');
    const get = () => app.inject({ method: 'GET', url: '/api/account/notifications', headers: { cookie: omid.cookie } });
    expect((await get()).json()).toEqual({ email: 'omid@pars-niroo.example', emailOptIn: true });

    const noToken = await app.inject({ method: 'PUT', url: '/api/account/notifications', headers: { cookie: omid.cookie }, payload: { emailOptIn: false } });
    expect(noToken.statusCode).toBe(403);
    expect((await get()).json()).toEqual({ email: 'omid@pars-niroo.example', emailOptIn: true });

    // The address is not the user's to change here: an extra field is refused, in Persian.
    const redirect = await app.inject({ method: 'PUT', url: '/api/account/notifications', headers: { cookie: omid.cookie, 'x-csrf-token': omid.csrf }, payload: { emailOptIn: true, email: 'attacker@example.test' } });
    expect(redirect.statusCode).toBe(400);
    expect((redirect.json() as { message: string }).message).toMatch(PERSIAN);

    const off = await app.inject({ method: 'PUT', url: '/api/account/notifications', headers: { cookie: omid.cookie, 'x-csrf-token': omid.csrf }, payload: { emailOptIn: false } });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toEqual({ email: 'omid@pars-niroo.example', emailOptIn: false });
    expect(Number((await t.db.selectFrom('users').select('email_opt_in').where('username', '=', 'omid.pars').executeTakeFirstOrThrow()).email_opt_in)).toBe(0);
    // Nobody else's row moved.
    expect(Number((await t.db.selectFrom('users').select('email_opt_in').where('username', '=', 'neda.kontor').executeTakeFirstOrThrow()).email_opt_in)).toBe(1);
    const neda = await signIn('neda.kontor', 'neda-password-1');
    expect((await app.inject({ method: 'GET', url: '/api/account/notifications', headers: { cookie: neda.cookie } })).json()).toEqual({ email: null, emailOptIn: true });

    expect((await app.inject({ method: 'GET', url: '/api/account/notifications' })).statusCode).toBe(401);
  });
});
