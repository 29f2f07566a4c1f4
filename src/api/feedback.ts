/**
 * Feedback from the field (بازخورد): a signed-in reader's suggestion on a clause of a
 * regulation, as they read it (its code, clause anchor and edition), and an editor's answer
 * that closes it. Readers see only their own suggestions; editors see every open one.
 */
import { z } from './zod';
import { labelled } from './fields';
import { defineRoute } from './route';
import type { Role } from './roles';

/** Who may leave a suggestion: the readers of the company's and the contractors' builds. */
export const FEEDBACK_ROLES: readonly Role[] = ['staff', 'contractor', 'supervisor'];
/** Who answers suggestions. */
export const FEEDBACK_ANSWERING_ROLES: readonly Role[] = ['editor', 'approver'];

export const SUGGESTION_MAX = 2000;
export const ANSWER_MAX = 2000;

export const newSuggestionSchema = z.object({
  code: labelled(z.string().trim().min(1).max(40), 'کد مقرره'),
  /** The clause's anchor (`article-2-item-1`); empty: the regulation as a whole. */
  anchor: labelled(z.string().trim().max(120).default(''), 'بند'),
  /** The edition read (`1404-09`), or `current` for a site's texts of `docs/`. */
  edition: labelled(z.string().trim().min(1).max(20), 'ویرایش'),
  text: labelled(z.string().trim().min(1).max(SUGGESTION_MAX), 'متن پیشنهاد'),
});

export const suggestionSchema = z.object({
  id: z.string(),
  code: z.string(),
  anchor: z.string(),
  /** The clause as a reader names it (ماده ۲، بند ۱), or the regulation's title. */
  clauseLabel: z.string(),
  edition: z.string(),
  text: z.string(),
  createdAt: z.number(),
  answer: z.string().nullable(),
  answeredAt: z.number().nullable(),
  answeredByName: z.string().nullable(),
  /** Where the clause is read, for a link. */
  permalink: z.string().nullable(),
});
export type Suggestion = z.infer<typeof suggestionSchema>;

export const editorSuggestionSchema = suggestionSchema.extend({
  authorName: z.string(),
  authorRoleLabel: z.string(),
});

export const feedbackRoutes = {
  create: defineRoute({ method: 'POST', path: '/api/feedback', body: newSuggestionSchema, response: z.object({ suggestion: suggestionSchema }) }),
  mine: defineRoute({ method: 'GET', path: '/api/feedback/mine', response: z.object({ suggestions: z.array(suggestionSchema) }) }),
  /** Editors: the open suggestions by regulation, and the latest answered ones. */
  open: defineRoute({
    method: 'GET',
    path: '/api/editorial/feedback',
    response: z.object({
      regulations: z.array(z.object({ code: z.string(), open: z.array(editorSuggestionSchema) })),
      answered: z.array(editorSuggestionSchema),
    }),
  }),
  answer: defineRoute({
    method: 'POST',
    path: '/api/editorial/feedback/:id/answer',
    params: z.object({ id: z.string().min(1).max(64) }),
    body: z.object({ answer: labelled(z.string().trim().min(1).max(ANSWER_MAX), 'پاسخ') }),
    response: z.object({ suggestion: editorSuggestionSchema }),
  }),
};
