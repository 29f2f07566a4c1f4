/**
 * The reminder runner inside the real server (buildServer) on an injected clock, with mail sent
 * by nodemailer to a real SMTP sink started here, on SQLite and PostgreSQL: the schedule's steps
 * (publication, before the due day, the due day, overdue), only readers with an address who
 * opted in are mailed, nothing twice and nothing missed across a restart (a new server on the
 * same database), escalation to the company's supervisor (or the admins), and — on PostgreSQL —
 * two servers on one database ticking at once sending each reminder exactly once. A round of
 * re-acknowledgment the approver required has reminder keys of its own (`<id>@<round>`).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { jalaliToGregorianUTC } from '../../../src/domain/jalali';
import { buildServer } from '../../app';
import { userRowFor } from '../../accounts/users';
import { readConfig } from '../../config';
import { testDatabases } from '../../db/__tests__/test-databases';
import { openDatabase, type DatabaseHandle } from '../../db/open';
import type { UserRow } from '../../db/schema';
import { announcementsInForce, recordDecision } from '../../inbox/reacknowledgments';
import { staticManifestSource } from '../../manifest';
import type { ManifestSource } from '../../manifest/source';
import { startMailSink, type MailSink } from './sink';

const dialects = testDatabases();

/** Noon UTC (15:30 in Tehran) of a Jalali day. */
const day = (year: number, month: number, d: number) => jalaliToGregorianUTC({ year, month, day: d }).getTime();
let clock = day(1404, 3, 5);

const ANNOUNCEMENT = '1404-03-05-hot-season-disconnection';
const PERMALINK = '/announcements/1404/03/05/hot-season-disconnection';
const TITLE = 'ضوابط ویژه قطع برق مشترکین خانگی بدهکار در فصل گرم ۱۴۰۴';
const noTargets = { everyone: false, roles: [], companies: [], units: [], due: null, dueDays: null };
const manifest = staticManifestSource({
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
      { id: 'roshan-gostar-shomal', title: 'شرکت روشن‌گستر شمال' },
    ],
    units: [],
  },
  announcements: [
    {
      id: ANNOUNCEMENT,
      title: TITLE,
      permalink: PERMALINK,
      published: { year: 1404, month: 3, day: 5 },
      audience: ['staff', 'contractor'],
      textSha256: 'a'.repeat(64),
      // Due 1404/03/10: before-due from 03/08, due on 03/10, overdue every 3 days, escalated from 03/17.
      acknowledge: { ...noTargets, companies: ['pars-niroo-khadamat', 'kontor-pajouh'], dueDays: 5 },
    },
  ],
});

let site: string;
let sink: MailSink;
beforeAll(async () => {
  site = mkdtempSync(path.join(tmpdir(), 'ayin-reminders-'));
  for (const build of ['public', 'contractor', 'staff', 'editor']) {
    mkdirSync(path.join(site, build), { recursive: true });
    writeFileSync(path.join(site, build, 'index.html'), '<!doctype html><title>آیین</title>');
  }
  sink = await startMailSink();
});
afterAll(async () => {
  await sink.close();
  rmSync(site, { recursive: true, force: true });
});

const config = (env: Record<string, string> = {}) => ({
  ...readConfig({ SMTP_URL: sink.url, SMTP_FROM: 'ayin@tavanir.example', PUBLIC_URL: 'https://ayin.tavanir.example', ...env }, site),
  siteDir: site,
  logLevel: 'silent',
});

async function server(handle: DatabaseHandle, options: { run?: boolean; env?: Record<string, string>; manifest?: ManifestSource } = {}): Promise<FastifyInstance> {
  const app = await buildServer(config(options.env), { database: handle, manifest: options.manifest ?? manifest, reminders: { run: options.run ?? false, now: () => clock, everyMs: 15, sendEveryMs: 15 } });
  await app.ready();
  return app;
}

/** One round as the timers would do it: decide, then send. */
async function round(app: FastifyInstance) {
  const decided = await app.notifications!.runner!.tick();
  await app.notifications!.sendDue();
  return decided;
}

let passwordHash: string;
beforeAll(async () => {
  passwordHash = (await userRowFor({ username: 'x.hash', password: 'reminder-password-1', displayName: 'کاربر', role: 'staff', company: null }, Date.now())).password_hash;
});

function person(username: string, displayName: string, role: UserRow['role'], extra: Partial<UserRow> = {}): UserRow {
  return {
    id: crypto.randomUUID(),
    username,
    display_name: displayName,
    role,
    company: role === 'contractor' ? 'شرکت' : null,
    company_id: null,
    unit_id: null,
    password_hash: passwordHash,
    created_at: clock,
    disabled_at: null,
    email: null,
    email_opt_in: 1,
    phone: null,
    ...extra,
  };
}

/** Links users to the companies the build's organisations wrote (by code). */
async function linkCompany(db: DatabaseHandle['db'], username: string, code: string) {
  const company = await db.selectFrom('companies').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  await db.updateTable('users').set({ company_id: company.id }).where('username', '=', username).execute();
}

/** Servers started by a test, closed after it; `reset` empties the database before each. */
function harness(t: (typeof dialects)[number]) {
  const apps: FastifyInstance[] = [];
  const extraHandles: DatabaseHandle[] = [];
  const start = async (handle: DatabaseHandle, options?: Parameters<typeof server>[1]) => {
    const app = await server(handle, options);
    apps.push(app);
    return app;
  };
  beforeEach(async () => {
    await t.reset();
    sink.received.length = 0;
    clock = day(1404, 3, 5);
  });
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.close()));
    await Promise.all(extraHandles.splice(0).map((h) => h.close()));
  });
  return { apps, extraHandles, start };
}

describe.each(dialects)('the reminder runner on $name', (t) => {
  const { apps, extraHandles, start } = harness(t);

  async function seedReaders(app: FastifyInstance) {
    void app;
    await t.db
      .insertInto('users')
      .values([
        person('omid.pars', 'امید پارسا', 'contractor', { email: 'omid@pars-niroo.example' }),
        person('neda.pars', 'ندا پارسی', 'contractor', { email: 'neda@pars-niroo.example', email_opt_in: 0 }),
        person('sara.pars', 'سارا پارسایی', 'contractor'),
        person('leila.kontor', 'لیلا کنتوری', 'contractor', { email: 'leila@kontor.example' }),
        person('negar.roshan', 'نگار روشن', 'contractor', { email: 'negar@roshan.example' }),
        person('hamid.supervisor', 'حمید ناظری', 'supervisor', { email: 'hamid@tavanir.example' }),
        person('nasrin.admin', 'نسرین مدیری', 'admin', { email: 'nasrin@tavanir.example' }),
      ])
      .execute();
    for (const u of ['omid.pars', 'neda.pars', 'sara.pars', 'hamid.supervisor']) await linkCompany(t.db, u, 'pars-niroo-khadamat');
    await linkCompany(t.db, 'leila.kontor', 'kontor-pajouh');
    await linkCompany(t.db, 'negar.roshan', 'roshan-gostar-shomal');
  }

  const subjectsTo = (to: string) => sink.received.filter((m) => m.to === to).map((m) => m.subject);

  it('mails each step of the schedule once, to readers with an address who opted in, and misses nothing across a restart', async () => {
    let app = await start(t.handle);
    await seedReaders(app);

    // Publication day: every targeted reader's publication reminder is recorded (the supervisor
    // linked to a targeted company is addressed too); those with an address who opted in are mailed.
    expect(await round(app)).toEqual({ decided: 5, queued: 3 });
    expect(sink.received.map((m) => m.to).sort()).toEqual(['hamid@tavanir.example', 'leila@kontor.example', 'omid@pars-niroo.example']);
    const first = sink.received.find((m) => m.to === 'omid@pars-niroo.example')!;
    expect(first.key).toMatch(new RegExp(`^reminder:${ANNOUNCEMENT}:[0-9a-f-]+:publication:0$`));
    expect(first.subject).toBe(`ابلاغیهٔ تازه برای تأیید: ${TITLE}`);
    expect(first.html).toContain('dir="rtl"');
    expect(first.html).toContain(`href="https://ayin.tavanir.example${PERMALINK}"`);
    expect(first.text).toContain(`https://ayin.tavanir.example${PERMALINK}`);
    expect(first.text).toContain('۱۰ خرداد ۱۴۰۴');
    expect(first.text).toContain('۵ روز مانده');
    // The same day again: nothing new.
    expect(await round(app)).toEqual({ decided: 0, queued: 0 });

    // Three days before the due day: nothing owed yet.
    clock = day(1404, 3, 7);
    expect(await round(app)).toEqual({ decided: 0, queued: 0 });

    // A restart: a new server on the same database (on PostgreSQL a new pool, as another process would have).
    await app.close();
    apps.length = 0;
    const reopened = t.name === 'postgres' ? await openDatabase(t.options) : t.handle;
    if (reopened !== t.handle) extraHandles.push(reopened);
    app = await start(reopened);

    clock = day(1404, 3, 8);
    expect(await round(app)).toEqual({ decided: 5, queued: 3 });
    expect(subjectsTo('omid@pars-niroo.example')).toEqual([`ابلاغیهٔ تازه برای تأیید: ${TITLE}`, `یادآوری: مهلت تأیید «${TITLE}» نزدیک است`]);

    // omid acknowledges; the due day reminds the others only.
    const omid = await t.db.selectFrom('users').selectAll().where('username', '=', 'omid.pars').executeTakeFirstOrThrow();
    await t.db
      .insertInto('acknowledgments')
      .values({ id: crypto.randomUUID(), announcement_id: ANNOUNCEMENT, user_id: omid.id, text_sha256: 'a'.repeat(64), role: 'contractor', company_id: omid.company_id, company_name: null, unit_id: null, acknowledged_at: clock, address: '127.0.0.1' })
      .execute();
    clock = day(1404, 3, 10);
    expect(await round(app)).toEqual({ decided: 4, queued: 2 });
    expect(subjectsTo('leila@kontor.example').at(-1)).toBe(`امروز آخرین مهلت تأیید «${TITLE}» است`);
    expect(subjectsTo('omid@pars-niroo.example')).toHaveLength(2);

    // Down for the first overdue step and past the second: on 03/16 both are recorded, one mail says where things stand.
    await app.close();
    apps.length = 0;
    app = await start(reopened);
    clock = day(1404, 3, 16);
    expect(await round(app)).toEqual({ decided: 8, queued: 2 });
    const leila = sink.received.filter((m) => m.to === 'leila@kontor.example');
    expect(leila.map((m) => m.key.split(':').slice(-2).join(':'))).toEqual(['publication:0', 'before-due:0', 'due:0', 'overdue:2']);
    expect(leila.at(-1)!.subject).toBe(`مهلت تأیید «${TITLE}» گذشته است (یادآوری ۲)`);
    expect(leila.at(-1)!.text).toContain('۶ روز از آن گذشته است');

    // Every key once, in the database and in the sink.
    const keys = sink.received.map((m) => m.key);
    expect(new Set(keys).size).toBe(keys.length);
    const recorded = await t.db.selectFrom('reminders').select('key').execute();
    expect(recorded).toHaveLength(5 + 5 + 4 + 8);
    // Nobody outside the targeted companies, nobody opted out, nobody without an address.
    expect(sink.received.some((m) => ['negar@roshan.example', 'neda@pars-niroo.example'].includes(m.to))).toBe(false);
  });

  it('escalates overdue readers to their company supervisor, or the admins when it has none or the supervisor is the one overdue, once per step', async () => {
    const app = await start(t.handle);
    await seedReaders(app);
    clock = day(1404, 3, 16); // six days overdue: not yet
    await round(app);
    expect(sink.received.filter((m) => m.key.startsWith('escalation:'))).toEqual([]);

    clock = day(1404, 3, 17); // seven days overdue: step 1
    await round(app);
    const escalations = () => sink.received.filter((m) => m.key.startsWith('escalation:'));
    // hamid is pars-niroo's only supervisor and overdue himself: the admin is told of him.
    expect(escalations().map((m) => m.to).sort()).toEqual(['hamid@tavanir.example', 'nasrin@tavanir.example', 'nasrin@tavanir.example']);
    const toSupervisor = escalations().find((m) => m.to === 'hamid@tavanir.example')!;
    expect(toSupervisor.subject).toBe(`گزارش تأخیر در تأیید «${TITLE}»: ۳ نفر از شرکت خدمات برق پارس نیرو`);
    for (const name of ['امید پارسا (omid.pars)', 'ندا پارسی (neda.pars)', 'سارا پارسایی (sara.pars)']) expect(toSupervisor.text).toContain(name);
    expect(toSupervisor.text).not.toContain('لیلا');
    expect(toSupervisor.text).not.toContain('(hamid.supervisor)');
    expect(toSupervisor.html).toContain('href="https://ayin.tavanir.example/acknowledgments"');
    const toAdmin = escalations().filter((m) => m.to === 'nasrin@tavanir.example');
    // kontor-pajouh has no supervisor: the admin is told of its reader.
    const kontor = toAdmin.find((m) => m.text.includes('لیلا کنتوری (leila.kontor)'))!;
    expect(kontor.text).not.toContain('امید');
    const ownSupervisor = toAdmin.find((m) => m !== kontor)!;
    expect(ownSupervisor.subject).toBe(`گزارش تأخیر در تأیید «${TITLE}»: ۱ نفر از شرکت خدمات برق پارس نیرو`);
    expect(ownSupervisor.text).toContain('حمید ناظری (hamid.supervisor)');
    expect(ownSupervisor.text).not.toContain('امید');

    await round(app);
    clock = day(1404, 3, 19);
    await round(app);
    expect(escalations()).toHaveLength(3);
    clock = day(1404, 3, 20); // three more days: step 2
    await round(app);
    expect(escalations()).toHaveLength(6);
    expect(escalations().slice(3).every((m) => m.key.endsWith(':2'))).toBe(true);
  });

  it('texts readers with a phone number through the SMS webhook, retrying a refused one with backoff', async () => {
    const posted: { to: string; text: string; key: string | undefined }[] = [];
    let refuse = true;
    const receiver: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        if (refuse) return void res.writeHead(503).end('gateway busy');
        posted.push({ ...(JSON.parse(body) as { to: string; text: string }), key: req.headers['idempotency-key'] as string | undefined });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));
    try {
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/sms`;
      const app = await start(t.handle, { env: { SMS_WEBHOOK_URL: url } });
      await t.db.insertInto('users').values([person('omid.pars', 'امید پارسا', 'contractor', { phone: '+989121234567' }), person('sara.pars', 'سارا پارسایی', 'contractor')]).execute();
      for (const u of ['omid.pars', 'sara.pars']) await linkCompany(t.db, u, 'pars-niroo-khadamat');

      expect(await app.notifications!.runner!.tick()).toEqual({ decided: 2, queued: 1 });
      expect(await app.notifications!.sendDue()).toEqual({ sent: 0, failed: 1 });
      const failed = await t.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
      expect(failed).toMatchObject({ channel: 'sms', to_address: '+989121234567', attempts: 1, last_error: expect.stringContaining('503') });
      refuse = false;
      // Not before its backoff (a minute), then once.
      expect(await app.notifications!.sendDue()).toEqual({ sent: 0, failed: 0 });
      clock += 61_000;
      expect(await app.notifications!.sendDue()).toEqual({ sent: 1, failed: 0 });
      expect(await app.notifications!.sendDue()).toEqual({ sent: 0, failed: 0 });
      expect(posted).toHaveLength(1);
      expect(posted[0]!.to).toBe('+989121234567');
      expect(posted[0]!.text).toContain(TITLE);
      expect(posted[0]!.text).toContain(`https://ayin.tavanir.example${PERMALINK}`);
      expect(posted[0]!.key).toMatch(/^sms:reminder:/);
      // No address: no mail was written for SMS readers either.
      expect(sink.received).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });

  it("a re-acknowledgment round sends its own reminders once, under <id>@<round>, and never resends the first round's", async () => {
    // The same announcement, about CS-002, which edition 1404-09 changed after it was published.
    const base = manifest.current();
    const changed = staticManifestSource({ ...base, announcements: base.announcements.map((a) => ({ ...a, regulations: ['CS-002'], changedBy: [{ edition: '1404-09', regulations: ['CS-002'] }] })) });
    const app = await start(t.handle, { manifest: changed });
    await t.db.insertInto('users').values([person('omid.pars', 'امید پارسا', 'contractor', { email: 'omid@pars-niroo.example' }), person('leila.kontor', 'لیلا کنتوری', 'contractor', { email: 'leila@kontor.example' })]).execute();
    await linkCompany(t.db, 'omid.pars', 'pars-niroo-khadamat');
    await linkCompany(t.db, 'leila.kontor', 'kontor-pajouh');
    const omid = await t.db.selectFrom('users').selectAll().where('username', '=', 'omid.pars').executeTakeFirstOrThrow();
    const acknowledge = async (textSha256: string) =>
      t.db
        .insertInto('acknowledgments')
        .values({ id: crypto.randomUUID(), announcement_id: ANNOUNCEMENT, user_id: omid.id, text_sha256: textSha256, role: 'contractor', company_id: omid.company_id, company_name: null, unit_id: null, acknowledged_at: clock, address: '127.0.0.1' })
        .execute();
    const keysOf = (to: string) => sink.received.filter((m) => m.to === to).map((m) => m.key.replace(/:[0-9a-f-]{36}:/, ':<user>:'));

    // The first round: omid acknowledges the first day; leila does not and is reminded up to the first overdue step.
    expect(await round(app)).toEqual({ decided: 2, queued: 2 });
    await acknowledge('a'.repeat(64));
    for (const d of [8, 10, 13]) {
      clock = day(1404, 3, d);
      await round(app);
    }
    const firstRound = [`reminder:${ANNOUNCEMENT}:<user>:publication:0`, `reminder:${ANNOUNCEMENT}:<user>:before-due:0`, `reminder:${ANNOUNCEMENT}:<user>:due:0`, `reminder:${ANNOUNCEMENT}:<user>:overdue:1`];
    expect(keysOf('leila@kontor.example')).toEqual(firstRound);
    expect(keysOf('omid@pars-niroo.example')).toEqual([`reminder:${ANNOUNCEMENT}:<user>:publication:0`]);

    // 1404/03/14: the approver requires a new acknowledgment; the new round is due five days later, on 03/19.
    clock = day(1404, 3, 14);
    expect(await recordDecision(t.db, { announcementId: ANNOUNCEMENT, edition: '1404-09', required: true, userId: omid.id, userName: 'تأییدکننده', now: clock })).toBe(true);
    const [inForce] = await announcementsInForce(t.db, changed.current().announcements);
    expect(inForce).toMatchObject({ round: 1, published: { year: 1404, month: 3, day: 14 } });
    expect(await round(app)).toEqual({ decided: 2, queued: 2 });
    const secondRound = (kind: string) => `reminder:${ANNOUNCEMENT}@1:<user>:${kind}:0`;
    // Both are asked again, omid too: his acknowledgment was of the earlier text.
    expect(keysOf('omid@pars-niroo.example').slice(1)).toEqual([secondRound('publication')]);
    expect(keysOf('leila@kontor.example').slice(4)).toEqual([secondRound('publication')]);
    // The same day again, and a restart: nothing more.
    expect(await round(app)).toEqual({ decided: 0, queued: 0 });
    const again = await start(t.handle, { manifest: changed });
    expect(await round(again)).toEqual({ decided: 0, queued: 0 });

    // omid acknowledges the new text; on 03/17 only leila hears of the new round's due day, and on
    // 03/16 — the first round's second overdue step, had it gone on — nobody hears anything.
    await acknowledge(inForce!.textSha256);
    clock = day(1404, 3, 16);
    expect(await round(again)).toEqual({ decided: 0, queued: 0 });
    clock = day(1404, 3, 17);
    expect(await round(again)).toEqual({ decided: 1, queued: 1 });
    expect(keysOf('leila@kontor.example').slice(4)).toEqual([secondRound('publication'), secondRound('before-due')]);
    expect(keysOf('omid@pars-niroo.example')).toHaveLength(2);
    const keys = sink.received.map((m) => m.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((k) => k.startsWith(`reminder:${ANNOUNCEMENT}:`))).toHaveLength(5);
  });

});

describe('two reminder runners on one PostgreSQL database', () => {
  const t = dialects.find((d) => d.name === 'postgres')!;
  const { extraHandles, start } = harness(t);

  it('ticking at once, on their own timers and by hand, send each reminder exactly once', async () => {
    const second = await openDatabase(t.options);
    extraHandles.push(second);
    const readers = Array.from({ length: 40 }, (_, i) => person(`reader.${i}`, 'خواننده', 'contractor', { email: `reader${i}@pars-niroo.example` }));
    await t.db.insertInto('users').values(readers).execute();
    const a = await start(t.handle, { run: true });
    const b = await start(second, { run: true });
    // The organisations are written when the servers are ready; link the readers now.
    await t.db.updateTable('users').set({ company_id: (await t.db.selectFrom('companies').select('id').where('code', '=', 'pars-niroo-khadamat').executeTakeFirstOrThrow()).id }).execute();

    const settle = async (expected: number) => {
      const deadline = Date.now() + 20_000;
      while (sink.received.length < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      // Let both timers run a few more rounds: anything duplicated would arrive now.
      await new Promise((r) => setTimeout(r, 300));
    };
    // Besides their timers, force simultaneous ticks.
    await Promise.all([a.notifications!.runner!.tick(), b.notifications!.runner!.tick(), a.notifications!.runner!.tick(), b.notifications!.runner!.tick()]);
    await settle(40);
    expect(sink.received).toHaveLength(40);
    expect(new Set(sink.received.map((m) => m.key)).size).toBe(40);

    clock = day(1404, 3, 8);
    await Promise.all([a.notifications!.runner!.tick(), b.notifications!.runner!.tick()]);
    await settle(80);
    expect(sink.received).toHaveLength(80);
    expect(new Set(sink.received.map((m) => m.key)).size).toBe(80);
    expect(new Set(sink.received.map((m) => m.to)).size).toBe(40);
    expect(await t.db.selectFrom('reminders').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).toMatchObject({ n: expect.anything() });
    expect(Number((await t.db.selectFrom('reminders').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n)).toBe(80);
  });
});
