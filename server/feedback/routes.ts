/**
 * `/api/feedback` (a reader's suggestions) and `/api/editorial/feedback` (the editors' list
 * and answers). A suggestion is checked against the server's manifest, not the browser: the
 * regulation, the edition and the clause must exist there, and the author must be allowed to
 * read that text — otherwise 404, the same answer as for a text that does not exist.
 */
import type { FastifyInstance } from 'fastify';
import { FEEDBACK_ANSWERING_ROLES, FEEDBACK_ROLES, feedbackRoutes, type Suggestion } from '../../src/api/feedback';
import { ROLE_LABELS, isRole } from '../../src/api/roles';
import type { AudiencePolicy } from '../../src/policy/audience';
import { ApiError } from '../accounts/api-errors';
import { registerApi, type SessionLookup } from '../api/plugin';
import type { ManifestSource } from '../manifest/source';
import type { ServerManifest } from '../manifest/schema';
import type { FeedbackRow, FeedbackStore } from './store';

export interface FeedbackRoutesOptions {
  readonly store: FeedbackStore;
  readonly manifest: ManifestSource;
  readonly policy: AudiencePolicy;
  readonly authOf: SessionLookup;
  readonly now?: () => number;
}

const ANSWERED_SHOWN = 20;
const UNKNOWN_CLAUSE = () => new ApiError(404, 'unknown_clause', 'این بند در این ویرایش از مقرره پیدا نشد.');

function textOf(manifest: ServerManifest, code: string, edition: string) {
  const regulation = manifest.regulations.find((r) => r.code === code);
  const text = regulation?.texts?.[edition];
  if (!regulation || !text) return undefined;
  const page = edition === 'current' ? regulation.current : regulation.editions[edition];
  return { ...text, page: page ?? null };
}

function view(manifest: ServerManifest, row: FeedbackRow): Suggestion {
  const text = textOf(manifest, row.code, row.edition);
  const clause = text?.clauses.find((c) => c.anchor === row.anchor);
  const clauseLabel = row.anchor ? (clause?.label ?? row.anchor) : (text?.title ?? row.code);
  return {
    id: row.id,
    code: row.code,
    anchor: row.anchor,
    clauseLabel,
    edition: row.edition,
    text: row.text,
    createdAt: row.createdAt,
    answer: row.answer,
    answeredAt: row.answeredAt,
    answeredByName: row.answeredByName,
    permalink: text?.page ? `${text.page}${row.anchor ? `#${row.anchor}` : ''}` : null,
  };
}

const editorView = (manifest: ServerManifest, row: FeedbackRow) => ({
  ...view(manifest, row),
  authorName: row.authorName,
  authorRoleLabel: isRole(row.authorRole) ? ROLE_LABELS[row.authorRole] : row.authorRole,
});

export async function registerFeedbackRoutes(app: FastifyInstance, { store, manifest, policy, authOf, now = Date.now }: FeedbackRoutesOptions): Promise<void> {
  await registerApi(app, { authOf }, ({ route }) => {
    route(feedbackRoutes.create, {
      access: { roles: FEEDBACK_ROLES },
      async handler({ body, auth }) {
        const current = manifest.current();
        const text = textOf(current, body.code, body.edition);
        if (!text || !policy.mayRead({ role: auth!.user.role }, text.audience)) throw UNKNOWN_CLAUSE();
        if (body.anchor && !text.clauses.some((c) => c.anchor === body.anchor)) throw UNKNOWN_CLAUSE();
        const row = await store.add({ authorId: auth!.user.id, code: body.code, anchor: body.anchor, edition: body.edition, text: body.text, at: now() });
        return { suggestion: view(current, row) };
      },
    });
    route(feedbackRoutes.mine, {
      access: { roles: FEEDBACK_ROLES },
      handler: async ({ auth }) => ({ suggestions: (await store.byAuthor(auth!.user.id)).map((r) => view(manifest.current(), r)) }),
    });
    route(feedbackRoutes.open, {
      access: { roles: FEEDBACK_ANSWERING_ROLES },
      async handler() {
        const current = manifest.current();
        const byCode = new Map<string, ReturnType<typeof editorView>[]>();
        for (const row of await store.open()) byCode.set(row.code, [...(byCode.get(row.code) ?? []), editorView(current, row)]);
        return {
          regulations: [...byCode].sort(([a], [b]) => a.localeCompare(b)).map(([code, open]) => ({ code, open })),
          answered: (await store.answered(ANSWERED_SHOWN)).map((r) => editorView(current, r)),
        };
      },
    });
    route(feedbackRoutes.answer, {
      access: { roles: FEEDBACK_ANSWERING_ROLES },
      async handler({ params, body, auth }) {
        const found = await store.get(params.id);
        if (!found) throw new ApiError(404, 'unknown_suggestion', 'این پیشنهاد پیدا نشد.');
        if (!(await store.answer(params.id, auth!.user.id, body.answer, now()))) {
          throw new ApiError(409, 'already_answered', 'به این پیشنهاد پیش‌تر پاسخ داده شده و بسته شده است.');
        }
        return { suggestion: editorView(manifest.current(), (await store.get(params.id))!) };
      },
    });
  });
}
