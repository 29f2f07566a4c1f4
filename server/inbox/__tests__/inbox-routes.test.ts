/**
 * `/api/inbox/*` through fastify's inject with the real accounts routes (sign-in, sessions,
 * CSRF) on SQLite and PostgreSQL: who sees which announcement, acknowledging once per text,
 * the bad inputs (not addressed, another audience, a changed text, twice), and the address
 * recorded as the server sees it.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { jalaliToGregorianUTC } from '../../../src/domain/jalali';
import { createAudiencePolicy } from '../../../src/policy/audience';
import { registerAccountRoutes } from '../../accounts/routes';
import { userRowFor } from '../../accounts/users';
import { testDatabases } from '../../db/__tests__/test-databases';
import type { UserRow } from '../../db/schema';
import { serverManifestSchema, type ServerManifest } from '../../manifest/schema';
import type { ManifestSource } from '../../manifest/source';
import { registerInboxRoutes } from '../routes';

const dialects = testDatabases();
const PERSIAN = /[\u0600-\u06FF]/;
const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);

/** 1404/03/07 15:30 in Tehran (noon UTC): two days after publication, three before the due day 1404/03/10. */
const at = (year: number, month: number, day: number) => jalaliToGregorianUTC({ year, month, day }).getTime();
let clock = at(1404, 3, 7);

const noTargets = { everyone: false, roles: [], companies: [], units: [], due: null, dueDays: null };
function manifestWith(hotSeasonHash: string): ServerManifest {
  return serverManifestSchema.parse({
    version: 1,
    builtAt: new Date().toISOString(),
    courses: [],
    seminars: [],
    editions: [],
    regulations: [],
    organisations: {
      companies: [
        { id: 'pars-niroo-khadamat', title: 'شرکت خدمات برق پارس نیرو' },
        { id: 'kontor-pajouh', title: 'شرکت کنتورپژوه ایرانیان' },
      ],
      units: [{ id: 'omur-barq-shomal', title: 'امور برق شمال' }],
    },
    announcements: [
      {
        id: '1404-03-05-hot-season-disconnection',
        title: 'ضوابط ویژه قطع برق مشترکین خانگی بدهکار در فصل گرم ۱۴۰۴',
        permalink: '/announcements/1404/03/05/hot-season-disconnection',
        published: { year: 1404, month: 3, day: 5 },
        audience: ['staff', 'contractor'],
        textSha256: hotSeasonHash,
        acknowledge: { ...noTargets, companies: ['pars-niroo-khadamat'], units: ['omur-barq-shomal'], dueDays: 5 },
        regulations: ['ES-007', 'SV-009'],
        // Two later editions changed ES-007: the approver decides for each.
        changedBy: [
          { edition: '1404-09', regulations: ['ES-007'] },
          { edition: '1406-01', regulations: ['ES-007'] },
        ],
      },
      {
        id: '1404-02-10-staff-only',
        title: 'ابلاغیهٔ ویژهٔ کارکنان',
        permalink: '/announcements/1404/02/10/staff-only',
        published: { year: 1404, month: 2, day: 10 },
        audience: ['staff'],
        textSha256: HASH_A,
        acknowledge: { ...noTargets, everyone: true, due: { year: 1404, month: 2, day: 31 } },
      },
      {
        id: '1404-01-15-no-acknowledgment',
        title: 'ابلاغیهٔ بدون تأیید وصول',
        permalink: '/announcements/1404/01/15/none',
        published: { year: 1404, month: 1, day: 15 },
        audience: ['staff', 'contractor'],
        textSha256: HASH_A,
        acknowledge: null,
      },
    ],
  });
}

describe.each(dialects)('/api/inbox on $name', (t) => {
  let app: FastifyInstance;
  let manifest: ServerManifest;
  const source: ManifestSource = { file: '(test)', current: () => manifest, reload: () => false };
  let rows: Record<string, UserRow>;

  async function buildApp() {
    // The proxy at 127.0.0.1 is trusted (TRUST_PROXY), no one else's X-Forwarded-For is.
    const server = Fastify({ logger: false, trustProxy: ['127.0.0.1'] });
    const guards = await registerAccountRoutes(server, { db: t.db, secureCookies: false, sessionCacheMs: 0 });
    await registerInboxRoutes(server, { db: t.db, guards, manifest: source, policy: createAudiencePolicy(), now: () => clock });
    await server.ready();
    return server;
  }

  beforeAll(async () => {
    const make = (username: string, role: 'contractor' | 'staff', company: string | null) =>
      userRowFor({ username, password: `${username}-password`, displayName: { 'omid.pars': 'امید پارسا', 'neda.kontor': 'ندا کنتوری', 'sara.north': 'سارا شمالی' }[username] ?? 'کاربر', role, company }, Date.now());
    rows = {
      pars: await make('omid.pars', 'contractor', 'شرکت خدمات برق پارس نیرو'),
      kontor: await make('neda.kontor', 'contractor', 'شرکت کنتورپژوه ایرانیان'),
      north: await make('sara.north', 'staff', null),
      supervisor: await userRowFor({ username: 'hamid.supervisor', password: 'hamid.supervisor-password', displayName: 'حمید ناظری', role: 'supervisor', company: null }, Date.now()),
      approver: await userRowFor({ username: 'reza.approver', password: 'reza.approver-password', displayName: 'رضا تأییدی', role: 'approver', company: null }, Date.now()),
    };
  });

  beforeEach(async () => {
    await t.reset();
    manifest = manifestWith(HASH_A);
    clock = at(1404, 3, 7);
    app = await buildApp();
    // The first signed-in request writes the build's companies and units; link the users to them.
    await t.db.insertInto('users').values(Object.values(rows)).execute();
    const s = await signIn('sara.north');
    expect((await app.inject({ method: 'GET', url: '/api/inbox', headers: { cookie: s.cookie } })).statusCode).toBe(200);
    const idOf = async (table: 'companies' | 'units', code: string) => (await t.db.selectFrom(table).select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    await t.db.updateTable('users').set({ company_id: await idOf('companies', 'pars-niroo-khadamat') }).where('username', '=', 'omid.pars').execute();
    await t.db.updateTable('users').set({ company_id: await idOf('companies', 'kontor-pajouh') }).where('username', '=', 'neda.kontor').execute();
    await t.db.updateTable('users').set({ unit_id: await idOf('units', 'omur-barq-shomal') }).where('username', '=', 'sara.north').execute();
  });
  afterEach(() => app.close());

  async function signIn(username: string) {
    const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password: `${username}-password` } });
    expect(res.statusCode, res.body).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'ayin_session')!;
    return { cookie: `ayin_session=${cookie.value}`, csrf: (res.json() as { csrfToken: string }).csrfToken };
  }
  type Session = Awaited<ReturnType<typeof signIn>>;
  const inbox = async (s: Session) => {
    const res = await app.inject({ method: 'GET', url: '/api/inbox', headers: { cookie: s.cookie } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    return res.json() as { pending: { id: string; daysLeft: number; overdue: boolean; due: unknown; textSha256: string; previouslyAcknowledgedAt: number | null }[]; acknowledged: { id: string; acknowledgedAt: number; onTime: boolean }[] };
  };
  const acknowledge = (s: Session, id: string, textSha256: string, extra: { remoteAddress?: string; headers?: Record<string, string> } = {}) =>
    app.inject({
      method: 'POST',
      url: `/api/inbox/announcements/${id}/acknowledge`,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...extra.headers },
      payload: { textSha256 },
      ...(extra.remoteAddress ? { remoteAddress: extra.remoteAddress } : {}),
    });
  const acknowledgmentRows = () => t.db.selectFrom('acknowledgments').selectAll().orderBy('acknowledged_at').execute();
  const HOT = '1404-03-05-hot-season-disconnection';

  it('writes the build\'s companies and units, and lists each reader what is addressed to them with the due day and days left', async () => {
    expect((await t.db.selectFrom('companies').select('code').orderBy('code').execute()).map((c) => c.code)).toEqual(['kontor-pajouh', 'pars-niroo-khadamat']);
    const pars = await inbox(await signIn('omid.pars'));
    expect(pars.pending).toEqual([
      expect.objectContaining({ id: HOT, due: { year: 1404, month: 3, day: 10 }, daysLeft: 3, overdue: false, textSha256: HASH_A, previouslyAcknowledgedAt: null }),
    ]);
    expect(pars.acknowledged).toEqual([]);
    // A contractor of another company is not addressed; the staff member of the unit is, and
    // also by `everyone` of the staff-only one their audience may read.
    expect(await inbox(await signIn('neda.kontor'))).toEqual({ pending: [], acknowledged: [] });
    const north = await inbox(await signIn('sara.north'));
    expect(north.pending.map((p) => [p.id, p.overdue])).toEqual([
      ['1404-02-10-staff-only', true],
      [HOT, false],
    ]);
    const count = await app.inject({ method: 'GET', url: '/api/inbox/count', headers: { cookie: (await signIn('sara.north')).cookie } });
    expect(count.json()).toEqual({ pending: 2, overdue: 1 });
  });

  it('records an acknowledgment with role, company, time and address once: the second answers the same record', async () => {
    const s = await signIn('omid.pars');
    const first = await acknowledge(s, HOT, HASH_A);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toEqual({ created: true, acknowledgment: { announcementId: HOT, textSha256: HASH_A, acknowledgedAt: clock } });
    const firstAt = clock;
    clock += 3600_000;
    const again = await acknowledge(s, HOT, HASH_A);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual({ created: false, acknowledgment: { announcementId: HOT, textSha256: HASH_A, acknowledgedAt: firstAt } });
    const stored = await acknowledgmentRows();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ user_id: rows.pars!.id, role: 'contractor', company_name: 'شرکت خدمات برق پارس نیرو', text_sha256: HASH_A, address: '127.0.0.1' });
    expect(stored[0]!.company_id).not.toBeNull();
    const after = await inbox(s);
    expect(after.pending).toEqual([]);
    expect(after.acknowledged).toEqual([expect.objectContaining({ id: HOT, acknowledgedAt: firstAt, onTime: true })]);
  });

  it('answers 404 and records nothing for an announcement not addressed to the reader, one their audience may not read, or none at all', async () => {
    const kontor = await signIn('neda.kontor');
    for (const [id, hash] of [
      [HOT, HASH_A],
      ['1404-02-10-staff-only', HASH_A],
      ['1404-01-15-no-acknowledgment', HASH_A],
      ['no-such-announcement', HASH_A],
    ] as const) {
      const res = await acknowledge(kontor, id, hash);
      expect(res.statusCode, `${id}: ${res.body}`).toBe(404);
      expect(res.json()).toEqual({ error: 'announcement_not_found', message: 'این ابلاغیه پیدا نشد یا برای شما نیست.' });
    }
    // `everyone` of a staff announcement does not reach a contractor of a targeted company either.
    expect((await acknowledge(await signIn('omid.pars'), '1404-02-10-staff-only', HASH_A)).statusCode).toBe(404);
    expect(await acknowledgmentRows()).toEqual([]);
  });

  it('refuses the text the browser saw when the build has another (409, in Persian), and asks again for a changed text', async () => {
    const s = await signIn('omid.pars');
    const stale = await acknowledge(s, HOT, HASH_B);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toEqual({ error: 'text_changed', message: 'متن این ابلاغیه تغییر کرده است؛ لطفاً متن جدید را بخوانید' });
    expect(await acknowledgmentRows()).toEqual([]);

    expect((await acknowledge(s, HOT, HASH_A)).statusCode).toBe(201);
    const acknowledgedAt = clock;
    // A new build changes the text: pending again, saying when the earlier text was acknowledged.
    manifest = manifestWith(HASH_B);
    clock = at(1404, 3, 12);
    const again = await inbox(s);
    expect(again.pending).toEqual([expect.objectContaining({ id: HOT, textSha256: HASH_B, previouslyAcknowledgedAt: acknowledgedAt, daysLeft: -2, overdue: true })]);
    expect((await acknowledge(s, HOT, HASH_A)).statusCode).toBe(409);
    expect((await acknowledge(s, HOT, HASH_B)).statusCode).toBe(201);
    expect((await acknowledgmentRows()).map((r) => r.text_sha256)).toEqual([HASH_A, HASH_B]);
    // Acknowledged two days after the due day: counted late.
    expect((await inbox(s)).acknowledged).toEqual([expect.objectContaining({ id: HOT, onTime: false })]);
  });

  it('records the address as the server sees it: a trusted proxy\'s X-Forwarded-For, else the peer', async () => {
    const pars = await signIn('omid.pars');
    expect((await acknowledge(pars, HOT, HASH_A, { headers: { 'x-forwarded-for': '10.20.30.40' } })).statusCode).toBe(201);
    const north = await signIn('sara.north');
    // Not from the trusted proxy: its forged header is ignored.
    expect((await acknowledge(north, HOT, HASH_A, { remoteAddress: '192.0.2.7', headers: { 'x-forwarded-for': '10.20.30.40' } })).statusCode).toBe(201);
    const byUser = Object.fromEntries((await acknowledgmentRows()).map((r) => [r.user_id, r.address]));
    expect(byUser).toEqual({ [rows.pars!.id]: '10.20.30.40', [rows.north!.id]: '192.0.2.7' });
  });

  it('asks for a session (401) and for the CSRF token (403) before recording anything', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/inbox' })).statusCode).toBe(401);
    const res = await app.inject({ method: 'POST', url: `/api/inbox/announcements/${HOT}/acknowledge`, payload: { textSha256: HASH_A } });
    expect(res.statusCode).toBe(401);
    const s = await signIn('omid.pars');
    const noToken = await app.inject({ method: 'POST', url: `/api/inbox/announcements/${HOT}/acknowledge`, headers: { cookie: s.cookie }, payload: { textSha256: HASH_A } });
    expect(noToken.statusCode).toBe(403);
    const badHash = await acknowledge(s, HOT, 'not-a-hash');
    expect(badHash.statusCode).toBe(400);
    expect((badHash.json() as { message: string }).message).toMatch(PERSIAN);
    expect(await acknowledgmentRows()).toEqual([]);
  });

  it('answers two simultaneous acknowledgments of one text with one record', async () => {
    const s = await signIn('omid.pars');
    const answers = await Promise.all([acknowledge(s, HOT, HASH_A), acknowledge(s, HOT, HASH_A), acknowledge(s, HOT, HASH_A)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 201]);
    expect(await acknowledgmentRows()).toHaveLength(1);
  });

  it('reports to supervisors (and approvers) per announcement who is targeted, acknowledged on time or late, or overdue, per company the share on time, and as CSV and XLSX', async () => {
    expect((await acknowledge(await signIn('omid.pars'), HOT, HASH_A)).statusCode).toBe(201);
    clock = at(1404, 3, 12);
    expect((await acknowledge(await signIn('sara.north'), HOT, HASH_A)).statusCode).toBe(201);

    // A contractor may not read it.
    expect((await app.inject({ method: 'GET', url: '/api/acknowledgments', headers: { cookie: (await signIn('omid.pars')).cookie } })).statusCode).toBe(403);
    const approver = await app.inject({ method: 'GET', url: '/api/acknowledgments', headers: { cookie: (await signIn('reza.approver')).cookie } });
    expect(approver.statusCode).toBe(200);
    const s = await signIn('hamid.supervisor');
    const res = await app.inject({ method: 'GET', url: '/api/acknowledgments', headers: { cookie: s.cookie } });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as { announcements: { id: string; targeted: number; acknowledged: number; onTime: number; late: number; overdue: number; people: { username: string; status: string }[] }[]; companies: { companyCode: string | null; targeted: number; onTime: number; onTimeShare: number | null }[] };
    const hot = report.announcements.find((a) => a.id === HOT)!;
    expect(hot).toMatchObject({ targeted: 2, acknowledged: 2, onTime: 1, late: 1, overdue: 0 });
    expect(Object.fromEntries(hot.people.map((p) => [p.username, p.status]))).toEqual({ 'omid.pars': 'on-time', 'sara.north': 'late' });
    // `everyone` of the staff-only one: the staff member, the supervisor and the approver (their builds read staff texts); all overdue.
    const staffOnly = report.announcements.find((a) => a.id === '1404-02-10-staff-only')!;
    expect(staffOnly.people.map((p) => p.username).sort()).toEqual(['hamid.supervisor', 'reza.approver', 'sara.north']);
    expect(staffOnly.overdue).toBe(3);
    expect(report.announcements.map((a) => a.id)).not.toContain('1404-01-15-no-acknowledgment');
    expect(report.companies.find((c) => c.companyCode === 'pars-niroo-khadamat')).toMatchObject({ targeted: 1, onTime: 1, onTimeShare: 1 });

    // A period (Jalali, any digits): only announcements due in it count, per announcement and per company.
    const inPeriod = async (query: string) => app.inject({ method: 'GET', url: `/api/acknowledgments?${query}`, headers: { cookie: s.cookie } });
    const khordad = await inPeriod(`from=${encodeURIComponent('۱۴۰۴/۰۳/۰۱')}&to=1404-03-31`);
    expect(khordad.statusCode, khordad.body).toBe(200);
    expect((khordad.json() as typeof report).announcements.map((a) => a.id)).toEqual([HOT]);
    expect((khordad.json() as typeof report).companies.find((c) => c.companyCode === 'pars-niroo-khadamat')).toMatchObject({ targeted: 1, onTime: 1, onTimeShare: 1 });
    const ordibehesht = (await inPeriod('from=1404/02/01&to=1404/02/31')).json() as typeof report;
    expect(ordibehesht.announcements.map((a) => a.id)).toEqual(['1404-02-10-staff-only']);
    expect(ordibehesht.companies.find((c) => c.companyCode === 'pars-niroo-khadamat')).toBeUndefined();
    expect(((await inPeriod('from=1404/03/11')).json() as typeof report).announcements).toEqual([]);
    const badMonth = await inPeriod('from=1404/13/01');
    expect(badMonth.statusCode).toBe(400);
    expect(badMonth.json().message).toBe('«از تاریخ (مانند ۱۴۰۴/۰۱/۰۱)» معتبر نیست.');
    const reversed = await inPeriod('from=1404/03/10&to=1404/03/01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().message).toBe('«تا تاریخ (مانند ۱۴۰۴/۱۲/۲۹)» معتبر نیست.');

    const csv = await app.inject({ method: 'GET', url: '/api/acknowledgments?format=csv', headers: { cookie: s.cookie } });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers["content-disposition"]).toContain("acknowledgments-1404-03-12.csv");
    expect(csv.body.startsWith('\uFEFFشناسهٔ ابلاغیه,ابلاغیه,مهلت تأیید,نام')).toBe(true);
    const line = csv.body.split('\r\n').find((l) => l.includes('omid.pars'))!;
    expect(line).toContain(`${HOT},ضوابط ویژه قطع برق مشترکین خانگی بدهکار در فصل گرم ۱۴۰۴,1404/03/10,امید پارسا,omid.pars,پیمانکار,شرکت خدمات برق پارس نیرو,,تأیید در مهلت,1404/03/07 15:30`);

    const xlsx = await app.inject({ method: 'GET', url: '/api/acknowledgments?format=xlsx', headers: { cookie: s.cookie } });
    expect(xlsx.statusCode).toBe(200);
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('تأیید وصول')!;
    expect(sheet.views[0]!.rightToLeft).toBe(true);
    const names = sheet.getColumn(4).values.slice(2);
    expect(names).toEqual(expect.arrayContaining(['امید پارسا', 'سارا شمالی']));
  });

  it('lets only the approver decide, once per edition, whether readers acknowledge again: not required keeps the acknowledgment, required asks the new round with a Persian reason', async () => {
    const omid = await signIn('omid.pars');
    expect((await acknowledge(omid, HOT, HASH_A)).statusCode).toBe(201);
    const approver = await signIn('reza.approver');
    const list = (s: Session) => app.inject({ method: 'GET', url: '/api/reacknowledgments', headers: { cookie: s.cookie } });
    const decide = (s: Session, payload: unknown, csrf = s.csrf) =>
      app.inject({ method: 'POST', url: '/api/reacknowledgments', headers: { cookie: s.cookie, 'x-csrf-token': csrf }, payload: payload as Record<string, unknown> });

    // Only the approver: not the contractor, the supervisor or a stranger; and with the CSRF token.
    expect((await list(omid)).statusCode).toBe(403);
    expect((await list(await signIn('hamid.supervisor'))).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/reacknowledgments' })).statusCode).toBe(401);
    expect((await decide(await signIn('hamid.supervisor'), { announcementId: HOT, edition: '1404-09', required: true })).statusCode).toBe(403);
    expect((await decide(approver, { announcementId: HOT, edition: '1404-09', required: true }, 'wrong')).statusCode).toBe(403);
    const listed = await list(approver);
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.headers['cache-control']).toBe('no-store');
    expect((listed.json() as { items: { edition: string; decision: unknown }[] }).items.map((i) => [i.edition, i.decision])).toEqual([
      ['1406-01', null],
      ['1404-09', null],
    ]);

    // Bad input: a Persian message naming the field; an edition that did not change it is 404.
    const bad = await decide(approver, { announcementId: HOT, edition: '1404-09', required: 'yes' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(PERSIAN);
    expect(bad.json().message).toContain('تأیید دوباره لازم است');
    const unknown = await decide(approver, { announcementId: HOT, edition: '1403-07', required: true });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({ error: 'change_not_found', message: 'این ویرایش مقررات این ابلاغیه را تغییر نداده است، یا ابلاغیه پیدا نشد.' });
    expect(await t.db.selectFrom('reacknowledgment_decisions').selectAll().execute()).toEqual([]);

    // 1404-09 not required: the acknowledgment stands.
    clock = at(1404, 9, 2);
    const kept = await decide(approver, { announcementId: HOT, edition: '1404-09', required: false });
    expect(kept.statusCode, kept.body).toBe(201);
    expect(kept.json().item.decision).toEqual({ required: false, decidedAt: clock, decidedByName: 'رضا تأییدی' });
    expect((await inbox(omid)).pending).toEqual([]);
    // Decided once: a second decision (even the other way) is refused and changes nothing.
    const again = await decide(approver, { announcementId: HOT, edition: '1404-09', required: true });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('برای این ابلاغیه و این ویرایش پیش‌تر تصمیم گرفته شده است.');
    expect(await t.db.selectFrom('reacknowledgment_decisions').select(['edition', 'required', 'decided_by']).execute()).toEqual([{ edition: '1404-09', required: 0, decided_by: rows.approver!.id }]);

    // 1406-01 required: the reader is asked again, due five days after the decision, and told why.
    clock = at(1406, 1, 5);
    expect((await decide(approver, { announcementId: HOT, edition: '1406-01', required: true })).statusCode).toBe(201);
    const asked = await inbox(omid);
    expect(asked.acknowledged).toEqual([]);
    const item = asked.pending[0] as (typeof asked.pending)[number] & { reason: string | null };
    expect(item).toMatchObject({ id: HOT, due: { year: 1406, month: 1, day: 10 }, daysLeft: 5, overdue: false });
    expect(item.previouslyAcknowledgedAt).toBe(at(1404, 3, 7));
    expect(item.reason).toBe('ویرایش ۱۴۰۶-۰۱ مقررات «ES-007» را که این ابلاغیه دربارهٔ آن است تغییر داده است و تأییدکننده خواسته است متن را دوباره بخوانید و تأیید کنید.');
    expect(item.textSha256).not.toBe(HASH_A);
    // The old text's identity is refused; the new one is recorded beside the first.
    expect((await acknowledge(omid, HOT, HASH_A)).statusCode).toBe(409);
    expect((await acknowledge(omid, HOT, item.textSha256)).statusCode).toBe(201);
    expect((await acknowledgmentRows()).map((r) => r.text_sha256)).toEqual([HASH_A, item.textSha256]);
    expect((await inbox(omid)).acknowledged).toEqual([expect.objectContaining({ id: HOT, acknowledgedAt: clock, onTime: true })]);
    // The report counts the new round: omid on time, sara (never acknowledged) pending.
    const report = (await app.inject({ method: 'GET', url: '/api/acknowledgments', headers: { cookie: (await signIn('hamid.supervisor')).cookie } })).json() as { announcements: { id: string; people: { username: string; status: string }[] }[] };
    expect(Object.fromEntries(report.announcements.find((a) => a.id === HOT)!.people.map((p) => [p.username, p.status]))).toEqual({ 'omid.pars': 'on-time', 'sara.north': 'pending' });
  });
});
