/**
 * `/api/inbox/*` as the contract declares them (src/api/inbox.ts): the signed-in reader's
 * inbox, its count for the navbar, and acknowledging an announcement. The rules are the
 * service's (./service.ts); these only translate. The address recorded is the request's as
 * the server sees it: the peer, or a trusted proxy's X-Forwarded-For (TRUST_PROXY).
 */
import type { FastifyInstance } from 'fastify';
import { ACKNOWLEDGMENT_READERS, acknowledgmentReportRoutes, inboxRoutes, REACKNOWLEDGMENT_DECIDERS, reacknowledgmentRoutes } from '../../src/api/inbox';
import type { AccountGuards } from '../accounts/guards';
import { registerApi } from '../api/plugin';
import { reportCsv, reportFileDisposition, reportXlsx } from './export';
import { createInboxService, type InboxServiceOptions } from './service';

export interface InboxRoutesOptions extends InboxServiceOptions {
  readonly guards: AccountGuards;
}

const BODY_LIMIT = 4 * 1024;

export async function registerInboxRoutes(app: FastifyInstance, options: InboxRoutesOptions): Promise<void> {
  const service = createInboxService(options);
  // Problems are the service's to report (onOrganisationsRefused); the server starts regardless.
  app.addHook('onReady', () => service.syncOrganisations());
  const now = options.now ?? Date.now;
  await registerApi(app, { authOf: options.guards.authOf }, ({ route }) => {
    route(acknowledgmentReportRoutes.report, {
      access: { roles: ACKNOWLEDGMENT_READERS },
      async handler({ query, reply }) {
        const report = await service.report({ from: query.from, to: query.to });
        if (query.format === 'csv') return reply.type('text/csv; charset=utf-8').header('content-disposition', reportFileDisposition('csv', new Date(now()))).send(reportCsv(report));
        if (query.format === 'xlsx') {
          return reply
            .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
            .header('content-disposition', reportFileDisposition('xlsx', new Date(now())))
            .send(await reportXlsx(report));
        }
        return report;
      },
    });
    route(reacknowledgmentRoutes.list, { access: { roles: REACKNOWLEDGMENT_DECIDERS }, handler: async () => ({ items: await service.reacknowledgments() }) });
    route(reacknowledgmentRoutes.decide, {
      access: { roles: REACKNOWLEDGMENT_DECIDERS },
      bodyLimit: BODY_LIMIT,
      async handler({ body, auth, reply }) {
        const item = await service.decideReacknowledgment({ ...body, userId: auth!.user.id, userName: auth!.user.displayName });
        reply.code(201);
        return { item };
      },
    });
    route(inboxRoutes.inbox, { access: 'signed-in', handler: ({ auth }) => service.inbox(auth!.user.id) });
    route(inboxRoutes.count, { access: 'signed-in', handler: ({ auth }) => service.count(auth!.user.id) });
    route(inboxRoutes.acknowledge, {
      access: 'signed-in',
      bodyLimit: BODY_LIMIT,
      async handler({ params, body, auth, request, reply }) {
        const result = await service.acknowledge({ userId: auth!.user.id, announcementId: params.id, textSha256: body.textSha256, address: request.ip });
        reply.code(result.created ? 201 : 200);
        return result;
      },
    });
  });
}
