/**
 * Notifications on the server: `GET /api/admin/outbox` (admins: the mail that failed, with why),
 * each user's own mail preference (`/api/account/notifications`), a sender per configured
 * channel (SMTP, the SMS webhook) that drains the outbox every `everyMs`, and the reminder
 * runner every `reminderEveryMs` when asked (its failures are logged and tried on the next
 * tick; nothing here throws into the server).
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { notificationPreferencesRoutes, outboxRoutes } from '../../src/api/inbox';
import { ADMIN_ROLES } from '../../src/api/roles';
import type { AccountGuards } from '../accounts/guards';
import { registerApi } from '../api/plugin';
import type { Database } from '../db/schema';
import { outboxFailures, sendDue, type MailTransport } from './outbox';
import { preferencesOf, setEmailOptIn } from './preferences';
import { smtpTransport } from './smtp';
import { webhookSmsTransport } from './sms';
import { createReminderRunner, type ReminderRunner } from './reminder-runner';
import { DEFAULT_ESCALATE_AFTER_DAYS } from '../../src/domain/inbox/escalation';
import type { ReminderSchedule } from '../../src/domain/inbox/reminders';
import type { AudiencePolicy } from '../../src/policy/audience';
import type { ManifestSource } from '../manifest/source';

export interface NotificationOptions {
  readonly db: Kysely<Database>;
  readonly guards: AccountGuards;
  /** What the reminder runner reads (announcements and their targets); without it no reminders are decided. */
  readonly manifest?: ManifestSource;
  readonly policy?: AudiencePolicy;
  /**
   * Run the sender and the reminder runner on timers (default true; `buildServer` passes its
   * `reminders.run`, off unless asked, so a test decides when each round happens).
   */
  readonly timers?: boolean;
  readonly reminderEveryMs?: number;
  readonly escalateAfterDays?: number;
  readonly schedule?: ReminderSchedule;
  /** The origin of links in mail. */
  readonly publicUrl?: () => string;
  readonly smsWebhookUrl?: string;
  /** An SMS transport instead of the webhook (tests). */
  readonly smsTransport?: MailTransport;
  readonly smtpUrl?: string;
  readonly mailFrom?: string;
  /** A transport instead of SMTP (tests). */
  readonly transport?: MailTransport;
  readonly everyMs?: number;
  readonly now?: () => number;
}

/** What the server's owner (and a test) can drive by hand: one reminder tick, one outbox drain. */
export interface NotificationsHandle {
  readonly runner?: ReminderRunner;
  /** Sends what is due on every configured channel now. */
  sendDue(): Promise<{ sent: number; failed: number }>;
}

export async function registerNotifications(app: FastifyInstance, options: NotificationOptions): Promise<NotificationsHandle> {
  const now = options.now ?? Date.now;
  await registerApi(app, { authOf: options.guards.authOf }, ({ route }) => {
    route(outboxRoutes.failures, {
      access: { roles: ADMIN_ROLES },
      handler: async () => ({ failures: await outboxFailures(options.db), smtpConfigured: Boolean(options.smtpUrl || options.transport) }),
    });
    // Each user's own: the session decides whose row, never an id from the request.
    route(notificationPreferencesRoutes.get, { access: 'signed-in', handler: ({ auth }) => preferencesOf(options.db, auth!.user.id) });
    route(notificationPreferencesRoutes.put, { access: 'signed-in', bodyLimit: 1024, handler: ({ auth, body }) => setEmailOptIn(options.db, auth!.user.id, body.emailOptIn) });
  });
  const smtp = options.smtpUrl ? smtpTransport(options.smtpUrl, options.mailFrom ?? 'ayin@localhost') : undefined;
  const transports: { channel: 'email' | 'sms'; send: MailTransport }[] = [];
  const mail = options.transport ?? smtp;
  if (mail) transports.push({ channel: 'email', send: mail });
  const sms = options.smsTransport ?? (options.smsWebhookUrl ? webhookSmsTransport(options.smsWebhookUrl) : undefined);
  if (sms) transports.push({ channel: 'sms', send: sms });

  const runner =
    options.manifest && options.policy
      ? createReminderRunner({
          db: options.db,
          manifest: options.manifest,
          policy: options.policy,
          now,
          publicUrl: options.publicUrl ?? (() => 'http://127.0.0.1:3000'),
          escalateAfterDays: options.escalateAfterDays ?? DEFAULT_ESCALATE_AFTER_DAYS,
          ...(options.schedule ? { schedule: options.schedule } : {}),
          sms: Boolean(sms),
        })
      : undefined;

  const sendAll = async () => {
    let sent = 0;
    let failed = 0;
    for (const t of transports) {
      const r = await sendDue(options.db, t.send, now(), { channel: t.channel });
      sent += r.sent;
      failed += r.failed;
    }
    return { sent, failed };
  };

  // One loop per duty, each waiting for its previous round (a slow SMTP server never stacks rounds).
  const loops: { timer?: NodeJS.Timeout; running: Promise<unknown> }[] = [];
  const every = (ms: number, work: () => Promise<unknown>, what: string) => {
    const loop: { timer?: NodeJS.Timeout; running: Promise<unknown>; busy?: boolean } = { running: Promise.resolve() };
    loops.push(loop);
    app.addHook('onReady', async () => {
      loop.timer = setInterval(() => {
        if (loop.busy) return;
        loop.busy = true;
        loop.running = work()
          .catch((error: unknown) => app.log.error(`${what}: ${String(error)}`))
          .finally(() => (loop.busy = false));
      }, ms);
      loop.timer.unref();
    });
  };
  const timers = options.timers ?? true;
  if (timers && transports.length) every(options.everyMs ?? 30_000, sendAll, 'outbox');
  if (timers && runner) every(options.reminderEveryMs ?? 600_000, () => runner.tick(), 'reminders');
  app.addHook('onClose', async () => {
    for (const loop of loops) if (loop.timer) clearInterval(loop.timer);
    await Promise.all(loops.map((l) => l.running));
    smtp?.close();
  });
  return { ...(runner ? { runner } : {}), sendDue: sendAll };
}
