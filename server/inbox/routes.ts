/**
 * `/api/inbox/*` as the contract declares them (src/api/inbox.ts): the signed-in reader's
 * inbox, its count for the navbar, and acknowledging an announcement. The rules are the
 * service's (./service.ts); these only translate. The address recorded is the request's as
 * the server sees it: the peer, or a trusted proxy's X-Forwarded-For (TRUST_PROXY).
 */
import type { FastifyInstance } from 'fastify';
import { inboxRoutes } from '../../src/api/inbox';
import type { AccountGuards } from '../accounts/guards';
import { registerApi } from '../api/plugin';
import { createInboxService, type InboxServiceOptions } from './service';

export interface InboxRoutesOptions extends InboxServiceOptions {
  readonly guards: AccountGuards;
}

const BODY_LIMIT = 4 * 1024;

export async function registerInboxRoutes(app: FastifyInstance, options: InboxRoutesOptions): Promise<void> {
  const service = createInboxService(options);
  // Problems are the service's to report (onOrganisationsRefused); the server starts regardless.
  app.addHook('onReady', () => service.syncOrganisations());
  await registerApi(app, { authOf: options.guards.authOf }, ({ route }) => {
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
