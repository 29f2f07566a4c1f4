/**
 * The API's error answer: `{ error, message }` with a stable English code for programs and a
 * Persian sentence to show as it is, plus what some errors add (fields, per-row problems).
 */
import { z } from './zod';

export const fieldIssueSchema = z.object({ field: z.string(), message: z.string() });
export const importProblemSchema = z.object({ row: z.number().int(), field: z.string(), message: z.string() });

export const apiErrorBodySchema = z.looseObject({
  error: z.string(),
  message: z.string(),
  fields: z.array(z.string()).optional(),
  retryAfterSeconds: z.number().optional(),
  /** One user's form: a message per field. */
  issues: z.array(fieldIssueSchema).optional(),
  /** A CSV import: a message per row and column. */
  problems: z.array(importProblemSchema).optional(),
});
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;
