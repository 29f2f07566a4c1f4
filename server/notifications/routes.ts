/**
 * The outbox on the server: `GET /api/admin/outbox` (admins: the mail that failed, with why),
 * and, when SMTP is configured, a sender that drains the outbox every `everyMs` (its failures
 * are the outbox's to retry; nothing here throws into the server).
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { outboxRoutes } from '../../src/api/inbox';
import { ADMIN_ROLES } from '../../src/api/roles';
import type { AccountGuards } from '../accounts/guards';
import { registerApi } from '../api/plugin';
import type { Database } from '../db/schema';
import { outboxFailures, sendDue, type MailTransport } from './outbox';
import { smtpTransport } from './smtp';

export interface NotificationOptions {
  readonly db: Kysely<Database>;
  readonly guards: AccountGuards;
  readonly smtpUrl?: string;
  readonly mailFrom?: string;
  /** A transport instead of SMTP (tests). */
  readonly transport?: MailTransport;
  readonly everyMs?: number;
  readonly now?: () => number;
}

export async function registerNotifications(app: FastifyInstance, options: NotificationOptions): Promise<void> {
  const now = options.now ?? Date.now;
  await registerApi(app, { authOf: options.guards.authOf }, ({ route }) => {
    route(outboxRoutes.failures, {
      access: { roles: ADMIN_ROLES },
      handler: async () => ({ failures: await outboxFailures(options.db), smtpConfigured: Boolean(options.smtpUrl || options.transport) }),
    });
  });
  const smtp = options.smtpUrl ? smtpTransport(options.smtpUrl, options.mailFrom ?? 'ayin@localhost') : undefined;
  const transport = options.transport ?? smtp;
  if (!transport) return;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = sendDue(options.db, transport, now()).catch((error: unknown) => app.log.error(`outbox: ${String(error)}`));
  };
  app.addHook('onReady', async () => {
    timer = setInterval(tick, options.everyMs ?? 30_000);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await running;
    smtp?.close();
  });
}
