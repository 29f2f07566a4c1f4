/**
 * The satisfaction surveys (`content/surveys.yml`): the Likert questions asked after a course
 * and after a seminar, written once here and copied into the server manifest by the build.
 */
import * as z from 'zod';
import { persianText, sampleFlag } from './common';

const questionId = z
  .string({ error: 'expected a question id like content' })
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'expected a question id of lower-case letters, digits and dashes');

const questions = z
  .array(z.strictObject({ id: questionId, text: persianText }))
  .min(1, 'ask at least one question')
  .max(10, 'at most ten questions: a survey is short')
  .superRefine((list, ctx) => {
    list.forEach((q, i) => {
      if (list.findIndex((o) => o.id === q.id) !== i) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate question id ${q.id}` });
    });
  });

export const surveysSchema = z.strictObject({
  sample: sampleFlag,
  /** Below this many answers a group's results are withheld (anonymity). */
  minimumAnswers: z.number().int().min(2).max(50).default(5),
  course: questions,
  seminar: questions,
  /** The free-text box under the ratings. */
  commentPrompt: persianText,
});

export type SurveysDefinition = z.output<typeof surveysSchema>;
