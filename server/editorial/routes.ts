/**
 * `/api/editorial/*`: the changes and their states, each change's trail, and the transitions
 * (submit, send back, approve). Edits are not a route: every accepted Keystatic save records
 * one (`recordSave`), so the only way to change a text is the one that commits it to git.
 */
import { EDITING_ROLES, editorialRoutes } from '../../src/api/editorial';
import { allowedActions, heldBy, newChange, STATE_LABELS, transition, type Actor, type Change, type TransitionResult } from '../../src/domain/editorial/workflow';
import { ApiError } from '../accounts/api-errors';
import type { ActiveSession } from '../accounts/sessions';
import { registerApi, type SessionLookup } from '../api/plugin';
import type { FastifyInstance } from 'fastify';
import type { EditorialStore } from './store';
import { textHash } from './text-hash';
import { commitsOf } from './git';
import { redlineOf } from './redline';
import { loadRegulationFrontMatter } from '../../src/content/corpus';
import { todayInTehran } from '../../src/domain/editions';
import { formatJalaliIso } from '../../src/domain/jalali';
import { reviewDate, reviewStatus } from '../../src/domain/editorial/review-dates';
import { refusedPath } from './content-paths';

export interface EditorialRoutesOptions {
  readonly store: EditorialStore;
  readonly authOf: SessionLookup;
  readonly now?: () => number;
  /** The content repository: each item's git log and its redline come from it. */
  readonly contentRoot?: string;
}

const actorOf = (session: ActiveSession): Actor => ({ id: session.user.id, role: session.user.role });

function view(path: string, change: Change, actor: Actor) {
  return {
    path,
    state: change.state,
    stateLabel: STATE_LABELS[change.state],
    textHash: change.textHash,
    authors: [...change.authors],
    approvedBy: change.approvedBy,
    heldBy: heldBy(change),
    since: change.since,
    allowed: allowedActions(change, actor),
  };
}

const STATUS_OF: Record<Extract<TransitionResult, { ok: false }>['error'], number> = {
  forbidden: 403,
  self_approval: 403,
  wrong_state: 409,
  text_changed: 409,
  reason_required: 400,
};

/** Records the edits of one accepted save (called after its git commit). */
export async function recordSave(store: EditorialStore, session: ActiveSession, files: readonly { path: string; text: string | null }[], at: number): Promise<void> {
  const actor = actorOf(session);
  for (const file of files) {
    const hash = file.text === null ? textHash('') : textHash(file.text);
    await store.apply(file.path, (current) => (current ? transition(current, { kind: 'edit', textHash: hash }, actor, at) : newChange(actor, hash, at)));
  }
}

export async function registerEditorialRoutes(app: FastifyInstance, { store, authOf, now = Date.now, contentRoot }: EditorialRoutesOptions): Promise<void> {
  await registerApi(app, { authOf }, (api) => {
    api.route(editorialRoutes.changes, {
      access: { roles: EDITING_ROLES },
      handler: async ({ auth }) => ({ changes: (await store.list()).map(({ path, change }) => view(path, change, actorOf(auth!))) }),
    });

    api.route(editorialRoutes.history, {
      access: { roles: EDITING_ROLES },
      handler: async ({ query }) => {
        const change = await store.load(query.path);
        if (!change) throw new ApiError(404, 'change_not_found', 'برای این پرونده تغییری ثبت نشده است.');
        const commits = contentRoot ? await commitsOf(contentRoot, query.path) : [];
        return { path: query.path, transitions: change.history.map((t) => ({ ...t })), commits };
      },
    });

    api.route(editorialRoutes.reviews, {
      access: { roles: EDITING_ROLES },
      handler: async () => {
        if (!contentRoot) return { reviews: [] };
        const today = todayInTehran(new Date(now()));
        const reviews = [];
        for (const reg of loadRegulationFrontMatter(contentRoot).values()) {
          const fm = reg.frontMatter;
          if (fm.status === 'repealed') continue;
          const due = reviewDate({ inForceFrom: fm.inForceFrom, ...(fm.reviewEvery ? { reviewEvery: fm.reviewEvery } : {}), ...(fm.nextReview ? { nextReview: fm.nextReview } : {}) });
          if (!due) continue;
          const { status, daysLeft } = reviewStatus(due, today);
          if (status !== 'later') reviews.push({ code: fm.code, title: fm.title, file: reg.file, due: formatJalaliIso(due), status, daysLeft });
        }
        return { reviews: reviews.sort((a, b) => a.daysLeft - b.daysLeft) };
      },
    });

    api.route(editorialRoutes.redline, {
      access: { roles: EDITING_ROLES },
      handler: async ({ query, auth }) => {
        // Only files an editor may write have a redline here: nothing else of the repository is read.
        if (!contentRoot || !query.path.startsWith('docs/') || refusedPath(auth!.user.role, query.path)) {
          throw new ApiError(404, 'change_not_found', 'برای این پرونده متن مقایسه‌پذیری نیست.');
        }
        return { path: query.path, ...redlineOf(contentRoot, query.path) };
      },
    });

    api.route(editorialRoutes.transition, {
      access: { roles: EDITING_ROLES },
      handler: async ({ body, auth }) => {
        const actor = actorOf(auth!);
        const action =
          body.action === 'submit' ? { kind: 'submit' as const } : body.action === 'send-back' ? { kind: 'send-back' as const, reason: body.reason } : { kind: 'approve' as const, textHash: body.textHash };
        let missing = false;
        const result = await store.apply(body.path, (current) => {
          if (!current) {
            missing = true;
            return { ok: false, error: 'wrong_state', message: '' };
          }
          return transition(current, action, actor, now());
        });
        if (missing) throw new ApiError(404, 'change_not_found', 'برای این پرونده تغییری ثبت نشده است.');
        if (!result.ok) throw new ApiError(STATUS_OF[result.error], result.error, result.message);
        return { change: view(body.path, result.change, actor) };
      },
    });
  });
}
