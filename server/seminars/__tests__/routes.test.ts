/**
 * `/api/seminars/*` through fastify's inject, with the real accounts routes and guards, on
 * SQLite and PostgreSQL: visibility by audience, registration within capacity (concurrent
 * requests for the last seats), cancelling, the supervisors' list and attendance.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SeminarEntry } from '../../../src/content/seminars';
import { testDatabases } from '../../db/__tests__/test-databases';
import type { UserRow } from '../../db/schema';
import { registerAccountRoutes } from '../../accounts/routes';
import { userRowFor } from '../../accounts/users';
import { expectApiError, signedInHeaders } from '../../__tests__/api-fixture';
import { createAudiencePolicy } from '../../../src/policy/audience';
import { createSeminarCatalog } from '../catalog';
import { registerSeminarRoutes } from '../routes';

const dialects = testDatabases();
const NOW = Date.UTC(2026, 10, 27, 8); // 1405/09/06, 11:30 in Tehran
const HOUR = 3_600_000;
const PASSWORD = 'seminar-password-1';

function seminar(id: string, { startsAt, capacity, audience }: { startsAt: number; capacity: number; audience: string[] }): SeminarEntry {
  return {
    id,
    file: `content/seminars/${id}.yml`,
    permalink: `/seminars/${id}`,
    startsAt,
    endsAt: startsAt + 2 * HOUR,
    lineOf: () => 1,
    seminar: {
      title: 'نشست آزمایشی',
      summary: 'برای آزمون.',
      date: { year: 1406, month: 2, day: 20 },
      time: { hour: 9, minute: 30 },
      durationMinutes: 120,
      presenter: { name: 'مهندس نمونه', role: 'کارشناس' },
      venue: 'سالن اجتماعات',
      audience,
      capacity,
      slides: [],
      handouts: [],
      regulations: [],
      sample: true,
    },
  };
}

const SEMINARS = [
  seminar('open-briefing', { startsAt: NOW + 30 * 24 * HOUR, capacity: 5, audience: ['contractor', 'staff'] }),
  seminar('last-seat', { startsAt: NOW + 24 * HOUR, capacity: 1, audience: ['contractor'] }),
  seminar('three-seats', { startsAt: NOW + 24 * HOUR, capacity: 3, audience: ['contractor'] }),
  seminar('staff-workshop', { startsAt: NOW + 24 * HOUR, capacity: 10, audience: ['staff'] }),
  seminar('held-last-month', { startsAt: NOW - 30 * 24 * HOUR, capacity: 10, audience: ['contractor', 'staff'] }),
  seminar('running-now', { startsAt: NOW - HOUR, capacity: 10, audience: ['contractor', 'staff'] }),
];

describe.each(dialects)('/api/seminars on $name', (t) => {
  let app: FastifyInstance;
  let users: UserRow[];
  beforeAll(async () => {
    const contractors = Array.from({ length: 8 }, (_, i) => ({ username: `contractor.${i}`, password: PASSWORD, displayName: `پیمانکار شماره ${i}`, role: 'contractor' as const, company: 'شرکت پیمانکاری نمونه نور' }));
    users = await Promise.all(
      [
        ...contractors,
        { username: 'maryam.staff', password: PASSWORD, displayName: 'مریم احمدی', role: 'staff' as const, company: null },
        { username: 'naser.supervisor', password: PASSWORD, displayName: 'ناصر کاظمی', role: 'supervisor' as const, company: null },
      ].map((u) => userRowFor(u, NOW)),
    );
  });

  beforeEach(async () => {
    await t.db.deleteFrom('seminar_registrations').execute();
    await t.db.deleteFrom('seminar_seats').execute();
    await t.reset();
    await t.db.insertInto('users').values(users).execute();
    app = Fastify({ logger: false });
    const guards = await registerAccountRoutes(app, { db: t.db, secureCookies: false });
    await registerSeminarRoutes(app, { db: t.db, guards, seminars: createSeminarCatalog(SEMINARS, createAudiencePolicy()), now: () => NOW });
    await app.ready();
  });
  afterEach(() => app.close());

  /** Signs in; returns headers carrying the session cookie and the CSRF token. */
  const as = (username: string): Promise<Record<string, string>> => signedInHeaders(app, username, PASSWORD);
  const registerAs = (headers: Record<string, string>, id: string) => app.inject({ method: 'POST', url: `/api/seminars/${id}/registration`, headers, payload: {} });
  const idOf = (username: string) => users.find((u) => u.username === username)!.id;

  it('shows seats left to anyone who may see the seminar, and hides the others', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/seminars/open-briefing' });
    expect(res.statusCode).toBe(404); // a visitor is "public"; this seminar is for contractors and staff
    const contractor = await as('contractor.0');
    const seen = await app.inject({ method: 'GET', url: '/api/seminars/open-briefing', headers: contractor });
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json()).toEqual({ seminar: { id: 'open-briefing', capacity: 5, seatsLeft: 5, timing: 'upcoming' }, registration: null, canManage: false });
    expect(seen.headers['cache-control']).toBe('no-store');
    expectApiError(await app.inject({ method: 'GET', url: '/api/seminars/staff-workshop', headers: contractor }), 404, 'seminar_not_found');
    expectApiError(await app.inject({ method: 'GET', url: '/api/seminars/no-such-seminar', headers: contractor }), 404, 'seminar_not_found');
    expectApiError(await app.inject({ method: 'GET', url: `/api/seminars/${encodeURIComponent('../etc')}`, headers: contractor }), 404, 'seminar_not_found');
    const staff = await as('maryam.staff');
    expect((await app.inject({ method: 'GET', url: '/api/seminars/staff-workshop', headers: staff })).statusCode).toBe(200);
  });

  it('registers a signed-in reader once, with CSRF, and counts the seat', async () => {
    const contractor = await as('contractor.0');
    expectApiError(await app.inject({ method: 'POST', url: '/api/seminars/open-briefing/registration', payload: {} }), 401, 'not_signed_in');
    expectApiError(await app.inject({ method: 'POST', url: '/api/seminars/open-briefing/registration', headers: { cookie: contractor.cookie }, payload: {} }), 403, 'csrf_failed');
    expectApiError(await registerAs(contractor, 'staff-workshop'), 404, 'seminar_not_found');

    const first = await registerAs(contractor, 'open-briefing');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toEqual({ seminar: { id: 'open-briefing', capacity: 5, seatsLeft: 4, timing: 'upcoming' }, registration: { registeredAt: NOW, attended: null }, canManage: false });
    const again = await registerAs(contractor, 'open-briefing');
    expect(again.statusCode).toBe(200);
    expect(again.json().seminar.seatsLeft).toBe(4);
    const rows = await t.db.selectFrom('seminar_registrations').selectAll().execute();
    expect(rows).toHaveLength(1);
  });

  it('gives the last seat to exactly one of two concurrent registrations', async () => {
    const [a, b] = await Promise.all([as('contractor.0'), as('contractor.1')]);
    const results = await Promise.all([registerAs(a, 'last-seat'), registerAs(b, 'last-seat')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expectApiError(results.find((r) => r.statusCode === 409)!, 409, 'seminar_full');
    const seats = await t.db.selectFrom('seminar_seats').select('taken').where('seminar_id', '=', 'last-seat').executeTakeFirstOrThrow();
    expect(Number(seats.taken)).toBe(1);
    expect(await t.db.selectFrom('seminar_registrations').selectAll().where('seminar_id', '=', 'last-seat').execute()).toHaveLength(1);
  });

  it('fills three seats from eight concurrent registrations, no more', async () => {
    const sessions = await Promise.all(Array.from({ length: 8 }, (_, i) => as(`contractor.${i}`)));
    const results = await Promise.all(sessions.map((s) => registerAs(s, 'three-seats')));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(3);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(5);
    expect(await t.db.selectFrom('seminar_registrations').selectAll().where('seminar_id', '=', 'three-seats').execute()).toHaveLength(3);
    const status = await app.inject({ method: 'GET', url: '/api/seminars/three-seats', headers: sessions[0]! });
    expect(status.json().seminar.seatsLeft).toBe(0);
  });

  it('cancels before the start and frees the seat; refuses changes once it has started', async () => {
    const contractor = await as('contractor.0');
    await registerAs(contractor, 'last-seat');
    const cancelled = await app.inject({ method: 'DELETE', url: '/api/seminars/last-seat/registration', headers: contractor });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ seminar: { seatsLeft: 1 }, registration: null });
    expectApiError(await app.inject({ method: 'DELETE', url: '/api/seminars/last-seat/registration', headers: contractor }), 404, 'not_registered');
    expect((await registerAs(await as('contractor.1'), 'last-seat')).statusCode).toBe(201);

    expectApiError(await registerAs(contractor, 'held-last-month'), 409, 'seminar_started');
    expectApiError(await registerAs(contractor, 'running-now'), 409, 'seminar_started');
    expectApiError(await app.inject({ method: 'DELETE', url: '/api/seminars/running-now/registration', headers: contractor }), 409, 'seminar_started');
    expect((await app.inject({ method: 'GET', url: '/api/seminars/held-last-month', headers: contractor })).json().seminar.timing).toBe('past');
  });

  it('lets supervisors list registrants with names and companies and mark attendance', async () => {
    const [c0, c1, supervisor] = await Promise.all([as('contractor.0'), as('contractor.1'), as('naser.supervisor')]);
    await registerAs(c0, 'open-briefing');
    await registerAs(c1, 'open-briefing');

    expectApiError(await app.inject({ method: 'GET', url: '/api/seminars/open-briefing/registrations', headers: c0 }), 403, 'forbidden');
    const list = await app.inject({ method: 'GET', url: '/api/seminars/open-briefing/registrations', headers: supervisor });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().registrations).toEqual([
      expect.objectContaining({ userId: idOf('contractor.0'), displayName: 'پیمانکار شماره 0', company: 'شرکت پیمانکاری نمونه نور', roleLabel: 'پیمانکار', attended: null }),
      expect.objectContaining({ userId: idOf('contractor.1'), username: 'contractor.1', attended: null }),
    ]);
    expect((await app.inject({ method: 'GET', url: '/api/seminars/open-briefing', headers: supervisor })).json().canManage).toBe(true);

    const mark = (headers: Record<string, string>, payload: unknown) => app.inject({ method: 'PUT', url: '/api/seminars/open-briefing/attendance', headers, payload: payload as object });
    expectApiError(await mark(c0, { userId: idOf('contractor.0'), attended: true }), 403, 'forbidden');
    expectApiError(await mark({ cookie: supervisor.cookie! }, { userId: idOf('contractor.0'), attended: true }), 403, 'csrf_failed');
    expectApiError(await mark(supervisor, { userId: idOf('contractor.0'), attended: 'yes' }), 400, 'invalid_body');
    expectApiError(await mark(supervisor, { userId: idOf('contractor.0'), attended: true, extra: 1 }), 400, 'invalid_body');
    expectApiError(await mark(supervisor, { userId: idOf('contractor.5'), attended: true }), 404, 'registrant_not_found');

    const marked = await mark(supervisor, { userId: idOf('contractor.0'), attended: true });
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json().registration).toMatchObject({ userId: idOf('contractor.0'), attended: true });
    expect((await mark(supervisor, { userId: idOf('contractor.1'), attended: false })).json().registration.attended).toBe(false);
    const row = await t.db.selectFrom('seminar_registrations').selectAll().where('user_id', '=', idOf('contractor.0')).executeTakeFirstOrThrow();
    expect({ attended: Number(row.attended), by: row.attendance_marked_by, at: Number(row.attendance_marked_at) }).toEqual({ attended: 1, by: idOf('naser.supervisor'), at: NOW });
    // The learner sees their own attendance.
    expect((await app.inject({ method: 'GET', url: '/api/seminars/open-briefing', headers: c0 })).json().registration).toEqual({ registeredAt: NOW, attended: true });
  });
});
