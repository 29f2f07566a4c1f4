/** A lesson of a course: front matter of `courses/<course>/NN-<slug>.mdx`. */
import * as z from 'zod';
import { docusaurusDocKeys, persianText, regulationCode, sampleFlag } from './common';

export const lessonSchema = z.strictObject({
  title: persianText,
  description: persianText,
  duration: z.number({ error: 'expected minutes as a number' }).int().positive(),
  objectives: z.array(persianText).default([]),
  regulations: z.array(regulationCode).default([]),
  sample: sampleFlag,
  ...docusaurusDocKeys,
});

export type Lesson = z.output<typeof lessonSchema>;
