/**
 * `/api/admin/*` through fastify's inject, with the real accounts routes (real sign-in, real
 * sessions and CSRF) on SQLite and PostgreSQL.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../db/__tests__/test-databases';
import type { UserRow } from '../../db/schema';
import { registerAdminRoutes } from '../admin-routes';
import { registerAccountRoutes } from '../routes';
import { authenticate } from '../users';
import { PERSIAN, expectApiError, signedInHeaders, usersWithPassword } from '../../__tests__/api-fixture';

const dialects = testDatabases();

/** The test's clock: moved forward to let a password confirmation lapse. */
let clock = Date.now();
const now = () => clock;

async function buildApp(db: Parameters<typeof registerAccountRoutes>[1]['db']): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 });
  const guards = await registerAccountRoutes(app, { db, secureCookies: false, now, sessionCacheMs: 0 });
  await registerAdminRoutes(app, { db, guards, sessions: guards.sessions, now });
  await app.ready();
  return app;
}

type Session = Awaited<ReturnType<typeof signedInHeaders>>;

const GOOD_CSV = [
  'username,display_name,company,password',
  'ali.rahimi,علی رحیمی,شرکت پیمانکاری نمونه نور,ali-password-1',
  'maryam.sadeghi,مریم صادقی,شرکت پیمانکاری نمونه نور,',
].join('\n');

describe.each(dialects)('/api/admin on $name', (t) => {
  let app: FastifyInstance;
  let seed: UserRow[];

  beforeAll(async () => {
    seed = [
      ...(await usersWithPassword([{ username: 'nasrin.admin', displayName: 'نسرین مدیری', role: 'admin' }], 'nasrin-password-1')),
      ...(await usersWithPassword([{ username: 'hamid.supervisor', displayName: 'حمید ناظری', role: 'supervisor' }], 'hamid-password-1')),
    ];
  });

  beforeEach(async () => {
    await t.reset();
    await t.db.insertInto('users').values(seed).execute();
    clock = Date.now();
    app = await buildApp(t.db);
  });
  afterEach(() => app.close());

  const signIn = (username: string, password: string): Promise<Session> => signedInHeaders(app, username, password);
  const headers = (s: Session, extra: Record<string, string> = {}) => ({ ...s, ...extra });
  const confirm = (s: Session, password: string) => app.inject({ method: 'POST', url: '/api/auth/confirm', headers: headers(s), payload: { password } });
  /** An admin who has just re-entered their password (admin actions need it). */
  const admin = async () => {
    const s = await signIn('nasrin.admin', 'nasrin-password-1');
    expect((await confirm(s, 'nasrin-password-1')).statusCode).toBe(200);
    return s;
  };
  const newUser = { username: 'sara.staff', password: 'sara-password-1', displayName: 'سارا کارمند', role: 'staff', company: '' };
  const userCount = async () => Number((await t.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('lists users for an admin, without password hashes', async () => {
    const s = await admin();
    const res = await app.inject({ method: 'GET', url: '/api/admin/users', headers: { cookie: s.cookie } });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { users: { username: string; roleLabel: string; disabled: boolean }[] };
    expect(body.users.map((u) => u.username).sort()).toEqual(['hamid.supervisor', 'nasrin.admin']);
    expect(body.users.find((u) => u.username === 'hamid.supervisor')).toMatchObject({ roleLabel: 'ناظر', disabled: false });
    expect(res.body).not.toMatch(/scrypt|password_hash/);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('refuses visitors (401) and other roles (403), and state changes without the CSRF token', async () => {
    expectApiError(await app.inject({ method: 'GET', url: '/api/admin/users' }), 401, 'not_signed_in');
    const supervisor = await signIn('hamid.supervisor', 'hamid-password-1');
    expectApiError(await app.inject({ method: 'GET', url: '/api/admin/users', headers: { cookie: supervisor.cookie } }), 403, 'forbidden');
    expectApiError(
      await app.inject({ method: 'POST', url: '/api/admin/contractors/import', headers: headers(supervisor, { 'content-type': 'text/csv' }), payload: GOOD_CSV }),
      403,
      'forbidden',
    );
    const s = await admin();
    const payload = { username: 'new.user', password: 'new-password-1', displayName: 'کاربر تازه', role: 'staff' };
    expectApiError(await app.inject({ method: 'POST', url: '/api/admin/users', headers: { cookie: s.cookie }, payload }), 403, 'csrf_failed');
    expect(await userCount()).toBe(2);
  });

  it('creates a user who can then sign in', async () => {
    const s = await admin();
    const res = await app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: headers(s),
      payload: { username: 'Reza.Karimi', password: 'reza-password-1', displayName: 'رضا كريمي', role: 'contractor', company: 'شرکت نمونه نور' },
    });
    expect(res.statusCode, res.body).toBe(201);
    // Arabic kaf and yeh become the Persian letters.
    expect(res.json()).toMatchObject({ user: { username: 'reza.karimi', displayName: 'رضا کریمی', role: 'contractor', company: 'شرکت نمونه نور' } });
    expect((await authenticate(t.db, 'reza.karimi', 'reza-password-1')).ok).toBe(true);
  });

  /** Two companies and a unit as content/organisations.yml names them, and a company migrated from free text (no code). */
  async function seedOrganisations() {
    await t.db.insertInto('companies').values([
      { id: 'co-pars', code: 'pars-niroo-khadamat', name: 'شرکت خدمات برق پارس نیرو', created_at: 1 },
      { id: 'co-roshan', code: 'roshan-gostar-shomal', name: 'شرکت روشن‌گستر شمال', created_at: 1 },
      { id: 'co-legacy', code: null, name: 'شرکت پیمانکاری نمونه نور', created_at: 1 },
    ]).execute();
    await t.db.insertInto('units').values({ id: 'unit-north', code: 'omur-barq-shomal', name: 'امور برق شمال', created_at: 1 }).execute();
  }
  const linksOf = (username: string) => t.db.selectFrom('users').select(['company', 'company_id', 'unit_id']).where('username', '=', username).executeTakeFirstOrThrow();

  it('links a new user to the company and unit chosen by code, offers the coded ones to the form, and refuses an unknown code at its field', async () => {
    await seedOrganisations();
    const s = await admin();
    const list = (await app.inject({ method: 'GET', url: '/api/admin/users', headers: { cookie: s.cookie } })).json() as { organisations: { companies: { code: string }[]; units: { code: string }[] } };
    // The migrated company without a code cannot be chosen by one.
    expect(list.organisations.companies.map((c) => c.code).sort()).toEqual(['pars-niroo-khadamat', 'roshan-gostar-shomal']);
    expect(list.organisations.units.map((u) => u.code)).toEqual(['omur-barq-shomal']);

    const created = await app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: headers(s),
      payload: { username: 'omid.pars', password: 'omid-password-1', displayName: 'امید پارسا', role: 'contractor', companyCode: 'pars-niroo-khadamat', unitCode: 'omur-barq-shomal' },
    });
    expect(created.statusCode, created.body).toBe(201);
    // The company's name comes from the table, so the certificate prints what the company is called.
    expect(created.json()).toMatchObject({ user: { company: 'شرکت خدمات برق پارس نیرو' } });
    expect(await linksOf('omid.pars')).toEqual({ company: 'شرکت خدمات برق پارس نیرو', company_id: 'co-pars', unit_id: 'unit-north' });

    const staff = await app.inject({ method: 'POST', url: '/api/admin/users', headers: headers(s), payload: { ...newUser, unitCode: 'omur-barq-shomal' } });
    expect(staff.statusCode, staff.body).toBe(201);
    expect(await linksOf('sara.staff')).toEqual({ company: null, company_id: null, unit_id: 'unit-north' });

    // Free text naming a listed company is linked to it.
    const byName = await app.inject({ method: 'POST', url: '/api/admin/users', headers: headers(s), payload: { username: 'reza.noor', password: 'reza-password-1', displayName: 'رضا نوری', role: 'contractor', company: 'شرکت  پیمانکاری نمونه نور' } });
    expect(byName.statusCode, byName.body).toBe(201);
    expect((await linksOf('reza.noor')).company_id).toBe('co-legacy');

    const before = await userCount();
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: headers(s),
      payload: { username: 'ghasem.x', password: 'ghasem-password-1', displayName: 'قاسم ایکس', role: 'contractor', companyCode: 'no-such-company', unitCode: 'no-such-unit' },
    });
    const body = expectApiError<{ issues: { field: string; message: string }[] }>(unknown, 400, 'invalid_input');
    expect(body.issues).toEqual(
      expect.arrayContaining([
        { field: 'company', message: 'شرکت «no-such-company» در فهرست شرکت‌ها نیست.' },
        { field: 'unitCode', message: 'واحد «no-such-unit» در فهرست واحدها نیست.' },
      ]),
    );
    expect(await userCount()).toBe(before);
  });

  it('imports contractors with company_code and unit_code columns, and none when a row names an unknown code', async () => {
    await seedOrganisations();
    const s = await admin();
    const csv = ['username,display_name,company,password,company_code,unit_code', 'ali.rahimi,علی رحیمی,,ali-password-1,roshan-gostar-shomal,omur-barq-shomal', 'maryam.sadeghi,مریم صادقی,شرکت پیمانکاری نمونه نور,maryam-password-1,,'].join('\n');
    const res = await app.inject({ method: 'POST', url: '/api/admin/contractors/import', headers: headers(s, { 'content-type': 'text/csv' }), payload: csv });
    expect(res.statusCode, res.body).toBe(201);
    expect(await linksOf('ali.rahimi')).toEqual({ company: 'شرکت روشن‌گستر شمال', company_id: 'co-roshan', unit_id: 'unit-north' });
    expect(await linksOf('maryam.sadeghi')).toMatchObject({ company_id: 'co-legacy', unit_id: null });

    const bad = ['username,display_name,company,password,company_code', 'hadi.ok,هادی درست,,hadi-password-1,pars-niroo-khadamat', 'neda.bad,ندا نادرست,,neda-password-1,no-such-company'].join('\n');
    const refused = await app.inject({ method: 'POST', url: '/api/admin/contractors/import', headers: headers(s, { 'content-type': 'text/csv' }), payload: bad });
    const body = expectApiError<{ problems: { row: number; field: string; message: string }[] }>(refused, 400, 'import_failed');
    expect(body.problems).toContainEqual({ row: 3, field: 'company_code', message: 'شرکت «no-such-company» در فهرست شرکت‌ها نیست.' });
    expect(await t.db.selectFrom('users').select('username').where('username', '=', 'hadi.ok').executeTakeFirst()).toBeUndefined();
  });

  it('answers every invalid field of a new user in Persian, by its API name, storing nothing', async () => {
    const s = await admin();
    const res = await app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: headers(s),
      payload: { username: 'x', password: 'short', displayName: 'Ali', role: 'boss', company: 'شرکت' },
    });
    const body = expectApiError<{ fields: string[]; issues: { field: string; message: string }[] }>(res, 400, 'invalid_input');
    // A company for a role that is not a contractor is wrong too.
    expect(body.fields.sort()).toEqual(['company', 'displayName', 'password', 'role', 'username']);
    for (const issue of body.issues) expect(issue.message).toMatch(PERSIAN);
    const taken = await app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: headers(s),
      payload: { username: 'hamid.supervisor', password: 'another-password-1', displayName: 'حمید دیگر', role: 'staff' },
    });
    expect(expectApiError<{ issues: unknown[] }>(taken, 400, 'invalid_input').issues).toEqual([
      { field: 'username', message: 'این نام کاربری پیش‌تر ثبت شده است.' },
    ]);
    expectApiError(await app.inject({ method: 'POST', url: '/api/admin/users', headers: headers(s), payload: [1, 2] }), 400, 'invalid_body');
    expect(await userCount()).toBe(2);
  });

  it('imports contractor staff from CSV, generating a password for an empty cell', async () => {
    const s = await admin();
    const res = await app.inject({ method: 'POST', url: '/api/admin/contractors/import', headers: headers(s, { 'content-type': 'text/csv; charset=utf-8' }), payload: `\uFEFF${GOOD_CSV}` });
    expect(res.statusCode, res.body).toBe(201);
    const { imported } = res.json() as { imported: { row: number; username: string; generatedPassword?: string }[] };
    expect(imported.map((u) => [u.row, u.username])).toEqual([[2, 'ali.rahimi'], [3, 'maryam.sadeghi']]);
    expect(imported[0]!.generatedPassword).toBeUndefined();
    expect(imported[1]!.generatedPassword).toEqual(expect.any(String));
    expect((await authenticate(t.db, 'maryam.sadeghi', imported[1]!.generatedPassword!)).ok).toBe(true);
    expect(await userCount()).toBe(4);
  });

  it('imports nothing when any row is wrong, naming each row and field in Persian', async () => {
    const s = await admin();
    const csv = [
      'username,display_name,company,password',
      'ali.rahimi,علی رحیمی,شرکت پیمانکاری نمونه نور,ali-password-1',
      'hamid.supervisor,حمید,شرکت نور,hamid-password-2',
      'b,Bad Name,,x',
    ].join('\n');
    const res = await app.inject({ method: 'POST', url: '/api/admin/contractors/import', headers: headers(s, { 'content-type': 'text/csv' }), payload: csv });
    const body = expectApiError<{ problems: { row: number; field: string; message: string }[] }>(res, 400, 'import_failed');
    expect(body.problems.map((p) => `${p.row}:${p.field}`)).toEqual(expect.arrayContaining(['3:username', '4:username', '4:password', '4:display_name', '4:company']));
    for (const p of body.problems) expect(p.message).toMatch(PERSIAN);
    expect(await userCount()).toBe(2);
  });

  it('refuses a JSON body for the import, and a body over 1 MB', async () => {
    const s = await admin();
    expectApiError(await app.inject({ method: 'POST', url: '/api/admin/contractors/import', headers: headers(s), payload: { csv: GOOD_CSV } }), 415, 'unsupported_media_type');
    const huge = `username,display_name,company,password\n${'a'.repeat(1024 * 1024 + 10)}`;
    expectApiError(await app.inject({ method: 'POST', url: '/api/admin/contractors/import', headers: headers(s, { 'content-type': 'text/csv' }), payload: huge }), 413, 'body_too_large');
    expect(await userCount()).toBe(2);
  });

  it('refuses admin actions until the password is re-entered, and again once the confirmation lapses', async () => {
    const s = await signIn('nasrin.admin', 'nasrin-password-1');
    const before = await userCount();
    expectApiError(await app.inject({ method: 'POST', url: '/api/admin/users', headers: headers(s), payload: newUser }), 403, 'confirmation_required');
    expectApiError(await app.inject({ method: 'POST', url: '/api/admin/contractors/import', headers: headers(s, { 'content-type': 'text/csv' }), payload: GOOD_CSV }), 403, 'confirmation_required');
    expectApiError(await app.inject({ method: 'POST', url: '/api/admin/users/hamid.supervisor/disable', headers: headers(s), payload: {} }), 403, 'confirmation_required');
    expect(await userCount()).toBe(before);

    expectApiError(await confirm(s, 'not-my-password'), 400, 'wrong_password');
    expectApiError(await app.inject({ method: 'POST', url: '/api/admin/users', headers: headers(s), payload: newUser }), 403, 'confirmation_required');
    // The confirmation is a state change: another site cannot make it.
    expectApiError(await app.inject({ method: 'POST', url: '/api/auth/confirm', headers: { cookie: s.cookie }, payload: { password: 'nasrin-password-1' } }), 403, 'csrf_failed');

    expect((await confirm(s, 'nasrin-password-1')).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/api/admin/users', headers: headers(s), payload: newUser })).statusCode).toBe(201);
    clock += 11 * 60 * 1000;
    expectApiError(await app.inject({ method: 'POST', url: '/api/admin/users', headers: headers(s), payload: { ...newUser, username: 'sara.two' } }), 403, 'confirmation_required');
  });

  it('writes each admin action to the audit log with who, what and from where, and lists it to admins only', async () => {
    // The log is append-only (no reset between tests): this test reads the entries from its start on.
    const start = (clock += 60 * 60 * 1000);
    const s = await admin();
    expect((await app.inject({ method: 'POST', url: '/api/admin/users', headers: headers(s), payload: newUser })).statusCode).toBe(201);
    clock += 1000;
    expect((await app.inject({ method: 'POST', url: '/api/admin/contractors/import', headers: headers(s, { 'content-type': 'text/csv' }), payload: GOOD_CSV })).statusCode).toBe(201);
    const hamid = await signIn('hamid.supervisor', 'hamid-password-1');
    clock += 1000;
    const disabled = await app.inject({ method: 'POST', url: '/api/admin/users/hamid.supervisor/disable', headers: headers(s), payload: {} });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect((disabled.json() as { user: { disabled: boolean } }).user.disabled).toBe(true);
    // The disabled user's open session ends at once.
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: hamid.cookie } })).statusCode).toBe(401);
    expectApiError(await app.inject({ method: 'POST', url: '/api/admin/users/nasrin.admin/disable', headers: headers(s), payload: {} }), 400, 'cannot_disable_self');
    expectApiError(await app.inject({ method: 'POST', url: '/api/admin/users/nobody.here/disable', headers: headers(s), payload: {} }), 404, 'user_not_found');

    const res = await app.inject({ method: 'GET', url: '/api/admin/audit', headers: { cookie: s.cookie } });
    expect(res.statusCode, res.body).toBe(200);
    const entries = (res.json() as { entries: { at: number; actor: string; action: string; target: string; detail: Record<string, unknown>; address: string }[] }).entries.filter(
      (e) => e.at >= start,
    );
    expect(entries.map((e) => [e.action, e.target])).toEqual([
      ['user.disable', 'hamid.supervisor'],
      ['contractors.import', '2'],
      ['user.create', 'sara.staff'],
    ]);
    expect(entries.every((e) => e.actor === 'nasrin.admin' && e.address === '127.0.0.1')).toBe(true);
    expect(entries[1]!.detail).toEqual({ usernames: ['ali.rahimi', 'maryam.sadeghi'] });
    expect(entries[2]!.detail).toMatchObject({ role: 'staff' });

    const supervisor = await signIn('sara.staff', 'sara-password-1');
    expectApiError(await app.inject({ method: 'GET', url: '/api/admin/audit', headers: { cookie: supervisor.cookie } }), 403, 'forbidden');
  });
});
