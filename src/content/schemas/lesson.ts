/** A lesson of a course: front matter of `courses/<course>/NN-<slug>.mdx`. */
import * as z from 'zod';
import { clauseCite, docusaurusDocKeys, persianText, regulationCode, sampleFlag } from './common';

export const lessonSchema = z.strictObject({
  title: persianText,
  description: persianText,
  duration: z.number({ error: 'expected minutes as a number' }).int().positive(),
  objectives: z.array(persianText).default([]),
  regulations: z.array(regulationCode).default([]),
  /** Clauses the lesson teaches (`ES-007#ماده-۵`): checked against every edition, and flagged for review when one changes. */
  cites: z.array(clauseCite, { error: 'expected a list of clause citations like [ES-007#ماده-۵]' }).default([]),
  sample: sampleFlag,
  ...docusaurusDocKeys,
});

export type Lesson = z.output<typeof lessonSchema>;
