/**
 * `/api/editorial/publish/plan` and `/api/editorial/publish`: approvers only. The plan writes
 * nothing; publishing is serialised (one at a time) and answers 409 with every refusal in
 * Persian. Rebuilding and re-indexing are the caller's (`onPublished`), in the background: the
 * server keeps serving the old build until the new one is swapped in and its manifest reloaded.
 */
import type { FastifyInstance } from 'fastify';
import { EDITING_ROLES, PUBLISHING_ROLES, publishRoutes } from '../../src/api/editorial';
import { ApiError } from '../accounts/api-errors';
import { registerApi, type SessionLookup } from '../api/plugin';
import { EditionRefused, planEdition, publishNextEdition } from './publish';
import type { RebuildQueue } from './rebuild-queue';
import type { EditorialStore } from './store';

export interface PublishRoutesOptions {
  readonly contentRoot: string;
  readonly store: EditorialStore;
  readonly authOf: SessionLookup;
  /** Starts the rebuild and re-index of the published edition; not awaited by the answer. */
  readonly onPublished?: (edition: string) => void;
  /** The rebuild queue whose progress `GET /api/editorial/publish/status` reports. */
  readonly rebuilds?: Pick<RebuildQueue, 'status'>;
}

export async function registerPublishRoutes(app: FastifyInstance, { contentRoot, store, authOf, onPublished, rebuilds }: PublishRoutesOptions): Promise<void> {
  let publishing: Promise<unknown> = Promise.resolve();
  await registerApi(app, { authOf }, (api) => {
    api.route(publishRoutes.plan, {
      access: { roles: PUBLISHING_ROLES },
      handler: async ({ body }) => planEdition(contentRoot, store, body),
    });
    api.route(publishRoutes.status, {
      access: { roles: EDITING_ROLES },
      handler: async () => (rebuilds ? { ...rebuilds.status(), configured: true } : { edition: null, audiences: [], search: { state: 'off' as const, since: 0 }, configured: false }),
    });
    api.route(publishRoutes.publish, {
      access: { roles: PUBLISHING_ROLES },
      handler: async ({ body, auth }) => {
        const user = auth!.user;
        const run = publishing.then(() => publishNextEdition(contentRoot, store, body, { name: user.displayName, email: `${user.username}@ayin.invalid` }));
        publishing = run.catch(() => undefined);
        try {
          const { plan, commit } = await run;
          if (onPublished) onPublished(plan.name);
          return { plan, commit, rebuild: onPublished ? ('started' as const) : ('not-configured' as const) };
        } catch (error) {
          if (error instanceof EditionRefused) {
            throw new ApiError(409, 'publish_refused', `ویرایش منتشر نشد و چیزی تغییر نکرد:\n${error.message}`, { issues: error.problems.map((p) => ({ field: p.field ?? p.where ?? '', message: p.message })) });
          }
          throw error;
        }
      },
    });
  });
}
