/**
 * The outbox against a real SMTP server (smtp-server, started here on a local port) on SQLite
 * and PostgreSQL: a sink that refuses keeps every mail (retried with backoff, the error listed
 * for admins), and once it recovers each mail arrives exactly once, also when two senders
 * drain the same outbox at once.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { readMail } from './mime';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../db/__tests__/test-databases';
import { announcementMail } from '../announcement-mail';
import { enqueueMail, outboxFailures, sendDue } from '../outbox';
import Fastify from 'fastify';
import { registerAccountRoutes } from '../../accounts/routes';
import { userRowFor } from '../../accounts/users';
import { registerNotifications } from '../routes';
import { smtpTransport } from '../smtp';

const dialects = testDatabases();

interface Received {
  readonly to: string;
  readonly raw: string;
}

let refusing = false;
const received: Received[] = [];
let sink: SMTPServer;
let port: number;

beforeAll(async () => {
  sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refusing) return callback(Object.assign(new Error('mailbox unavailable (test sink refusing)'), { responseCode: 451 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => sink.listen(4305, '127.0.0.1', () => resolve()));
  port = (sink.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => sink.close(() => resolve())));

const NOW = 1_767_000_000_000;

describe.each(dialects)('the outbox on $name', (t) => {
  beforeEach(async () => {
    await t.reset();
    received.length = 0;
    refusing = false;
  });

  const mail = (key: string, to: string) => ({
    key,
    userId: null,
    to,
    ...announcementMail({ displayName: 'امید پارسا', title: 'ضوابط ویژه قطع برق در فصل گرم', url: 'http://127.0.0.1:3000/inbox', due: { year: 1404, month: 3, day: 10 } }),
  });

  it('keeps mail a refusing server would not take, retries it with backoff, lists the failure, and sends it once the server recovers', async () => {
    const transport = smtpTransport(`smtp://127.0.0.1:${port}`, 'ayin@example.test');
    try {
      expect(await enqueueMail(t.db, mail('reminder:hot:u1:publication:0', 'omid@example.test'), NOW)).toBe(true);
      // The same key again (a restart, another process): still one mail.
      expect(await enqueueMail(t.db, mail('reminder:hot:u1:publication:0', 'omid@example.test'), NOW)).toBe(false);
      expect(await enqueueMail(t.db, mail('reminder:hot:u2:publication:0', 'neda@example.test'), NOW)).toBe(true);

      refusing = true;
      expect(await sendDue(t.db, transport, NOW)).toEqual({ sent: 0, failed: 2 });
      const failures = await outboxFailures(t.db);
      expect(failures).toHaveLength(2);
      for (const f of failures) expect(f).toMatchObject({ attempts: 1, nextAttemptAt: NOW + 60_000, lastError: expect.stringContaining('451') });
      // Not before its backoff.
      refusing = false;
      expect(await sendDue(t.db, transport, NOW + 30_000)).toEqual({ sent: 0, failed: 0 });
      refusing = true;
      expect(await sendDue(t.db, transport, NOW + 60_000)).toEqual({ sent: 0, failed: 2 });
      // Doubled: the third attempt two minutes after the second.
      expect((await outboxFailures(t.db)).map((f) => f.nextAttemptAt)).toEqual([NOW + 180_000, NOW + 180_000]);
      expect(received).toEqual([]);

      refusing = false;
      expect(await sendDue(t.db, transport, NOW + 180_000)).toEqual({ sent: 2, failed: 0 });
      expect(await sendDue(t.db, transport, NOW + 10 * 3600_000)).toEqual({ sent: 0, failed: 0 });
      expect(await outboxFailures(t.db)).toEqual([]);
      expect(received.map((r) => r.to).sort()).toEqual(['neda@example.test', 'omid@example.test']);
      const parsed = readMail(received[0]!.raw);
      expect(parsed.subject).toBe('ابلاغیهٔ تازه برای تأیید: ضوابط ویژه قطع برق در فصل گرم');
      expect(parsed.html).toContain('dir="rtl"');
      expect(parsed.html).toContain('href="http://127.0.0.1:3000/inbox"');
      expect(parsed.text).toContain('http://127.0.0.1:3000/inbox');
      expect(parsed.text).toContain('۱۰ خرداد ۱۴۰۴');
    } finally {
      transport.close();
    }
  });

  it('sends each mail once when two senders drain the same outbox at the same time', async () => {
    const one = smtpTransport(`smtp://127.0.0.1:${port}`, 'ayin@example.test');
    const two = smtpTransport(`smtp://127.0.0.1:${port}`, 'ayin@example.test');
    try {
      for (let i = 0; i < 6; i++) await enqueueMail(t.db, mail(`reminder:hot:u${i}:publication:0`, `user${i}@example.test`), NOW);
      const [a, b] = await Promise.all([sendDue(t.db, one, NOW), sendDue(t.db, two, NOW)]);
      expect(a.sent + b.sent).toBe(6);
      expect(received).toHaveLength(6);
      expect(new Set(received.map((r) => r.to)).size).toBe(6);
    } finally {
      one.close();
      two.close();
    }
  });

  it('lists the failed mail to admins only (GET /api/admin/outbox)', async () => {
    await t.db.insertInto('users').values([
      await userRowFor({ username: 'nasrin.admin', password: 'nasrin-password-1', displayName: 'نسرین مدیری', role: 'admin', company: null }, NOW),
      await userRowFor({ username: 'sara.staff', password: 'sara-password-1', displayName: 'سارا کارمند', role: 'staff', company: null }, NOW),
    ]).execute();
    const app = Fastify({ logger: false });
    const guards = await registerAccountRoutes(app, { db: t.db, secureCookies: false, sessionCacheMs: 0 });
    await registerNotifications(app, { db: t.db, guards });
    await app.ready();
    try {
      const transport = smtpTransport(`smtp://127.0.0.1:${port}`, 'ayin@example.test');
      await enqueueMail(t.db, mail('reminder:hot:u1:publication:0', 'omid@example.test'), NOW);
      refusing = true;
      await sendDue(t.db, transport, NOW);
      transport.close();
      const cookieOf = async (username: string, password: string) => {
        const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password } });
        return `ayin_session=${res.cookies.find((c) => c.name === 'ayin_session')!.value}`;
      };
      expect((await app.inject({ method: 'GET', url: '/api/admin/outbox', headers: { cookie: await cookieOf('sara.staff', 'sara-password-1') } })).statusCode).toBe(403);
      const res = await app.inject({ method: 'GET', url: '/api/admin/outbox', headers: { cookie: await cookieOf('nasrin.admin', 'nasrin-password-1') } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ smtpConfigured: false, failures: [{ key: 'reminder:hot:u1:publication:0', to: 'omid@example.test', attempts: 1, lastError: expect.stringContaining('451') }] });
    } finally {
      await app.close();
    }
  });
});
