/**
 * `/api/admin/*` through fastify's inject, with the real accounts routes (real sign-in, real
 * sessions and CSRF) on SQLite and PostgreSQL.
 */
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../db/__tests__/test-databases';
import type { UserRow } from '../../db/schema';
import { registerAdminRoutes } from '../admin-routes';
import { registerAccountRoutes } from '../routes';
import { authenticate } from '../users';
import { userRowFor } from '../users';

const dialects = testDatabases();
const PERSIAN = /[\u0600-\u06FF]/;

async function buildApp(db: Parameters<typeof registerAccountRoutes>[1]['db']): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 });
  const guards = await registerAccountRoutes(app, { db, secureCookies: false });
  await registerAdminRoutes(app, { db, guards });
  await app.ready();
  return app;
}

interface Session {
  readonly cookie: string;
  readonly csrf: string;
}

function expectApiError(res: LightMyRequestResponse, status: number, error: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json() as { error: string; message: string };
  expect(body.error).toBe(error);
  expect(body.message).toMatch(PERSIAN);
  return body;
}

const GOOD_CSV = [
  'username,display_name,company,password',
  'ali.rahimi,علی رحیمی,شرکت پیمانکاری نمونه نور,ali-password-1',
  'maryam.sadeghi,مریم صادقی,شرکت پیمانکاری نمونه نور,',
].join('\n');

describe.each(dialects)('/api/admin on $name', (t) => {
  let app: FastifyInstance;
  let seed: UserRow[];

  beforeAll(async () => {
    seed = await Promise.all([
      userRowFor({ username: 'nasrin.admin', password: 'nasrin-password-1', displayName: 'نسرین مدیری', role: 'admin', company: null }, Date.now()),
      userRowFor({ username: 'hamid.supervisor', password: 'hamid-password-1', displayName: 'حمید ناظری', role: 'supervisor', company: null }, Date.now()),
    ]);
  });

  beforeEach(async () => {
    await t.reset();
    await t.db.insertInto('users').values(seed).execute();
    app = await buildApp(t.db);
  });
  afterEach(() => app.close());

  async function signIn(username: string, password: string): Promise<Session> {
    const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password } });
    expect(res.statusCode, res.body).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'ayin_session')!;
    return { cookie: `ayin_session=${cookie.value}`, csrf: (res.json() as { csrfToken: string }).csrfToken };
  }
  const admin = () => signIn('nasrin.admin', 'nasrin-password-1');
  const headers = (s: Session, extra: Record<string, string> = {}) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf, ...extra });
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

  it('answers every invalid field of a new user in Persian, by its API name, storing nothing', async () => {
    const s = await admin();
    const res = await app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: headers(s),
      payload: { username: 'x', password: 'short', displayName: 'Ali', role: 'boss', company: 'شرکت' },
    });
    const body = expectApiError(res, 400, 'invalid_input') as unknown as { fields: string[]; issues: { field: string; message: string }[] };
    // A company for a role that is not a contractor is wrong too.
    expect(body.fields.sort()).toEqual(['company', 'displayName', 'password', 'role', 'username']);
    for (const issue of body.issues) expect(issue.message).toMatch(PERSIAN);
    const taken = await app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: headers(s),
      payload: { username: 'hamid.supervisor', password: 'another-password-1', displayName: 'حمید دیگر', role: 'staff' },
    });
    expect((expectApiError(taken, 400, 'invalid_input') as unknown as { issues: unknown[] }).issues).toEqual([
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
    const body = expectApiError(res, 400, 'import_failed') as unknown as { problems: { row: number; field: string; message: string }[] };
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
});
