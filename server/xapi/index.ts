/**
 * xAPI on the server: `GET /api/admin/xapi` (admins: the queue and its last error) and, when
 * `XAPI_ENDPOINT` is configured, a sender that drains the outbox every `everyMs`, each round
 * waiting for the previous one (a hung LRS never stacks rounds, and never touches a learner's
 * request: training only writes rows).
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { xapiRoutes } from '../../src/api/xapi';
import { ADMIN_ROLES } from '../../src/api/roles';
import type { AccountGuards } from '../accounts/guards';
import { registerApi } from '../api/plugin';
import type { ServerConfig } from '../config';
import type { Database } from '../db/schema';
import { lrsTransport } from './lrs';
import { sendDueStatements, xapiQueueStatus, type SendStatementOptions, type StatementTransport } from './outbox';

export { createLearningRecorder, type LearningRecorder } from './outbox';

export interface XapiOptions extends SendStatementOptions {
  readonly db: Kysely<Database>;
  readonly guards: AccountGuards;
  readonly config?: ServerConfig['xapi'];
  /** Run the sender on a timer (default true); tests drive `sendDue` themselves. */
  readonly timers?: boolean;
  readonly everyMs?: number;
  readonly timeoutMs?: number;
  readonly now?: () => number;
  /** A transport instead of HTTP (never set from configuration). */
  readonly transport?: StatementTransport;
}

export interface XapiHandle {
  sendDue(): Promise<{ sent: number; failed: number }>;
}

export async function registerXapi(app: FastifyInstance, options: XapiOptions): Promise<XapiHandle> {
  const now = options.now ?? Date.now;
  const transport = options.transport ?? (options.config ? lrsTransport({ ...options.config, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) }) : undefined);
  await registerApi(app, { authOf: options.guards.authOf }, ({ route }) => {
    route(xapiRoutes.status, {
      access: { roles: ADMIN_ROLES },
      handler: async () => ({ configured: Boolean(transport), endpoint: options.config ? new URL(options.config.endpoint).toString() : null, ...(await xapiQueueStatus(options.db)) }),
    });
  });
  const sendDue = async () => (transport ? sendDueStatements(options.db, transport, now(), options) : { sent: 0, failed: 0 });
  if (transport && (options.timers ?? true)) {
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<unknown> = Promise.resolve();
    let busy = false;
    app.addHook('onReady', async () => {
      timer = setInterval(() => {
        if (busy) return;
        busy = true;
        running = sendDue()
          .catch((error: unknown) => app.log.error(`xapi: ${String(error)}`))
          .finally(() => (busy = false));
      }, options.everyMs ?? 10_000);
      timer.unref();
    });
    app.addHook('onClose', async () => {
      if (timer) clearInterval(timer);
      await running;
    });
  }
  return { sendDue };
}
