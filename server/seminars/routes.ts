/**
 * `/api/seminars/*` as the contract declares them (src/api/seminars.ts): seats left and the
 * reader's own registration, registering and cancelling (signed in), and for supervisors the
 * registrants and attendance. The rules are the service's (./service.ts); these only translate.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { seminarRoutes } from '../../src/api/seminars';
import type { AccountGuards } from '../accounts/guards';
import type { ActiveSession } from '../accounts/sessions';
import { registerApi } from '../api/plugin';
import type { Database } from '../db/schema';
import type { SeminarCatalog } from './catalog';
import { createSeminarService, SEMINAR_MANAGERS, type SeminarReader } from './service';

export { SEMINAR_MANAGERS };
export type { SeminarStatus } from '../../src/api/seminars';

export interface SeminarRoutesOptions {
  readonly db: Kysely<Database>;
  readonly guards: AccountGuards;
  /** The seminars of the build in force, and who may see each (the audience policy). */
  readonly seminars: SeminarCatalog;
  /** The clock, for tests. */
  readonly now?: () => number;
}

const BODY_LIMIT = 16 * 1024;
const managers = { roles: SEMINAR_MANAGERS } as const;

const readerOf = (auth: ActiveSession | null): SeminarReader | null => (auth ? { id: auth.user.id, role: auth.user.role } : null);

export async function registerSeminarRoutes(app: FastifyInstance, options: SeminarRoutesOptions): Promise<void> {
  const service = createSeminarService(options);

  await registerApi(app, { authOf: options.guards.authOf }, ({ route }) => {
    // Public: seats left are shown to visitors too (of the seminars their audience may see).
    route(seminarRoutes.status, {
      access: 'public',
      handler: ({ params, auth }) => service.status(service.find(params.id, readerOf(auth)), readerOf(auth)),
    });

    route(seminarRoutes.register, {
      access: 'signed-in',
      bodyLimit: BODY_LIMIT,
      async handler({ params, auth, reply }) {
        const reader = readerOf(auth)!;
        const { created, status } = await service.register(service.find(params.id, reader), reader);
        reply.code(created ? 201 : 200);
        return status;
      },
    });

    route(seminarRoutes.cancel, {
      access: 'signed-in',
      bodyLimit: BODY_LIMIT,
      handler: ({ params, auth }) => service.cancel(service.find(params.id, readerOf(auth)), readerOf(auth)!),
    });

    route(seminarRoutes.registrants, {
      access: managers,
      handler: async ({ params, auth }) => ({ registrations: await service.registrants(service.find(params.id, readerOf(auth))) }),
    });

    route(seminarRoutes.attendance, {
      access: managers,
      bodyLimit: BODY_LIMIT,
      handler: async ({ params, auth, body }) => {
        const reader = readerOf(auth)!;
        return { registration: await service.markAttendance(service.find(params.id, reader), body, reader) };
      },
    });
  });
}
