/** A training course: `content/courses/<id>.yml`; its lessons live in `courses/<id>/`. */
import * as z from 'zod';
import { oneOf, persianText, regulationCode, sampleFlag } from './common';
import { ids, type Taxonomy } from './taxonomy';

export const courseLevels = { basic: 'مقدماتی', intermediate: 'متوسط', advanced: 'پیشرفته' } as const;

export function courseSchema(taxonomy: Taxonomy) {
  return z.strictObject({
    title: persianText,
    summary: persianText,
    audience: z.array(oneOf(ids(taxonomy.audiences), 'audiences')).min(1),
    level: z.enum(Object.keys(courseLevels) as [keyof typeof courseLevels], {
      error: `expected one of: ${Object.keys(courseLevels).join(', ')}`,
    }),
    durationHours: z.number({ error: 'expected a number of hours' }).positive(),
    regulations: z.array(regulationCode).default([]),
    /** Recertification: months a completion holds; absent, a certificate does not expire. */
    validForMonths: z.number({ error: 'expected a whole number of months' }).int('expected a whole number of months').positive('expected a positive number of months').optional(),
    sample: sampleFlag,
  });
}

export type Course = z.output<ReturnType<typeof courseSchema>>;
