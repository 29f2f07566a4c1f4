/**
 * The editors' API. Keystatic's own routes (`/api/keystatic/*`) are its wire format, not
 * Ayin's: they carry raw answers, so their `response` is null; the server wraps them
 * (server/editorial/keystatic-api.ts).
 */
import { defineRoute } from './route';
import type { Role } from './roles';

/** Who may open Keystatic and save content. */
export const EDITING_ROLES: readonly Role[] = ['editor', 'approver'];

export const keystaticRoutes = {
  read: defineRoute({ method: 'GET', path: '/api/keystatic/*', response: null }),
  update: defineRoute({ method: 'POST', path: '/api/keystatic/*', response: null }),
};

import { z } from './zod';

export const workflowStateSchema = z.enum(['draft', 'in-review', 'approved']);
const contentPath = z.string({ error: 'نشانی پرونده لازم است' }).min(1, 'نشانی پرونده لازم است').max(300);

export const editorialChangeSchema = z.object({
  path: contentPath,
  state: workflowStateSchema,
  stateLabel: z.string(),
  textHash: z.string(),
  authors: z.array(z.string()),
  approvedBy: z.string().nullable(),
  heldBy: z.enum(['authors', 'reviewers']).nullable(),
  since: z.number(),
  /** What the asking user may do now (the server decides anyway). */
  allowed: z.array(z.enum(['edit', 'submit', 'send-back', 'approve'])),
});

export const editorialTransitionSchema = z.object({
  action: z.enum(['edit', 'submit', 'send-back', 'approve']),
  from: workflowStateSchema,
  to: workflowStateSchema,
  by: z.string(),
  at: z.number(),
  textHash: z.string(),
  reason: z.string().optional(),
});

const segmentSchema = z.object({ kind: z.enum(['same', 'inserted', 'deleted']), text: z.string() });
export const articleDiffSchema = z.object({
  anchor: z.string(),
  title: z.string(),
  change: z.enum(['added', 'removed', 'amended', 'unchanged']),
  titleSegments: z.array(segmentSchema),
  segments: z.array(segmentSchema),
});
export const editorialCommitSchema = z.object({ sha: z.string(), author: z.string(), at: z.number(), subject: z.string() });

export const editorialRoutes = {
  changes: defineRoute({ method: 'GET', path: '/api/editorial/changes', response: z.object({ changes: z.array(editorialChangeSchema) }) }),
  history: defineRoute({
    method: 'GET',
    path: '/api/editorial/history',
    query: z.object({ path: contentPath }),
    response: z.object({ path: z.string(), transitions: z.array(editorialTransitionSchema), commits: z.array(editorialCommitSchema) }),
  }),
  /** Regulations of the next edition due for review within 30 days, or overdue, soonest first. */
  reviews: defineRoute({
    method: 'GET',
    path: '/api/editorial/reviews',
    response: z.object({
      reviews: z.array(z.object({ code: z.string(), title: z.string(), file: z.string(), due: z.string(), status: z.enum(['overdue', 'due']), daysLeft: z.number() })),
    }),
  }),
  /** The word redline of a text in `docs/` against its copy in the latest published edition. */
  redline: defineRoute({
    method: 'GET',
    path: '/api/editorial/redline',
    query: z.object({ path: contentPath }),
    response: z.object({ path: z.string(), edition: z.string().nullable(), articles: z.array(articleDiffSchema) }),
  }),
  transition: defineRoute({
    method: 'POST',
    path: '/api/editorial/transition',
    body: z.discriminatedUnion(
      'action',
      [
        z.object({ path: contentPath, action: z.literal('submit') }),
        z.object({ path: contentPath, action: z.literal('send-back'), reason: z.string({ error: 'دلیل برگرداندن را بنویسید' }).max(2000, 'دلیل حداکثر ۲۰۰۰ نویسه است') }),
        z.object({ path: contentPath, action: z.literal('approve'), textHash: z.string({ error: 'نشانه متن تأییدشده لازم است' }).regex(/^[0-9a-f]{64}$/, 'نشانه متن نامعتبر است') }),
      ],
      { error: 'کار خواسته‌شده یکی از «فرستادن برای بررسی»، «برگرداندن» یا «تأیید» است' },
    ),
    response: z.object({ change: editorialChangeSchema }),
  }),
};

/** Who publishes the next edition from the browser. */
export const PUBLISHING_ROLES: readonly Role[] = ['approver'];

const jalaliInput = (what: string) => z.string({ error: `${what} را بنویسید` }).min(1, `${what} را بنویسید`).max(20);
export const publishRequestSchema = z.object({
  name: z.string().max(20).optional(),
  effective: jalaliInput('تاریخ اجرا'),
  notificationNumber: z.string({ error: 'شماره ابلاغیه را بنویسید' }).trim().min(1, 'شماره ابلاغیه را بنویسید').max(100),
  notificationDate: jalaliInput('تاریخ ابلاغیه'),
  summary: z.string({ error: 'خلاصه ویرایش را بنویسید' }).trim().min(1, 'خلاصه ویرایش را بنویسید').max(4000),
});

export const publishProblemSchema = z.object({
  field: z.enum(['name', 'effective', 'notificationNumber', 'notificationDate', 'summary']).optional(),
  where: z.string().optional(),
  message: z.string(),
  detail: z.string(),
});

export const publishPlanSchema = z.object({
  name: z.string(),
  effective: z.string(),
  previous: z.string().nullable(),
  added: z.array(z.string()),
  amended: z.array(z.string()),
  repealed: z.array(z.string()),
  superseded: z.array(z.object({ code: z.string(), by: z.array(z.string()) })),
  unchanged: z.number(),
});

export const publishRoutes = {
  /** The dry run: what publishing would do, or every reason it would refuse. Writes nothing. */
  plan: defineRoute({
    method: 'POST',
    path: '/api/editorial/publish/plan',
    body: publishRequestSchema,
    response: z.object({ plan: publishPlanSchema.nullable(), problems: z.array(publishProblemSchema) }),
  }),
  /** Publishes (all or nothing), commits it with the approver as author, starts the rebuild. */
  publish: defineRoute({
    method: 'POST',
    path: '/api/editorial/publish',
    body: publishRequestSchema,
    response: z.object({ plan: publishPlanSchema, commit: z.string(), rebuild: z.enum(['started', 'not-configured']) }),
  }),
};
