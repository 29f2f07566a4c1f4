/** A regulation (آیین‌نامه، دستورالعمل، بخشنامه، روش اجرایی، فرم): front matter of `docs/<area>/<code>.mdx`. */
import * as z from 'zod';
import { docusaurusDocKeys, jalaliDate, oneOf, persianText, regulationCode, sampleFlag } from './common';
import { ids, type Taxonomy } from './taxonomy';

export function regulationSchema(taxonomy: Taxonomy) {
  return z
    .strictObject({
      title: persianText,
      code: regulationCode,
      type: oneOf(ids(taxonomy['document-types']), 'document types'),
      authority: oneOf(ids(taxonomy.authorities), 'authorities'),
      audience: z.array(oneOf(ids(taxonomy.audiences), 'audiences')).min(1, 'name at least one audience'),
      status: oneOf(ids(taxonomy.statuses), 'statuses'),
      inForceFrom: jalaliDate,
      notification: z
        .strictObject({ number: persianText, date: jalaliDate })
        .optional(),
      supersedes: z.array(regulationCode).default([]),
      /** Review interval in months, counted from inForceFrom (nextReview, when given, wins). */
      reviewEvery: z.number({ error: 'expected a whole number of months, e.g. 12' }).int('expected a whole number of months, e.g. 12').min(1, 'at least 1 month').max(120, 'at most 120 months').optional(),
      /** The next review date, Jalali. */
      nextReview: jalaliDate.optional(),
      keywords: z.array(persianText).default([]),
      description: persianText.optional(),
      sample: sampleFlag,
      ...docusaurusDocKeys,
    })
    .superRefine((reg, ctx) => {
      if (reg.status === 'approved' && !reg.notification) {
        ctx.addIssue({ code: 'custom', path: ['notification'], message: 'an approved regulation needs its notification number and date' });
      }
      if (reg.supersedes.includes(reg.code)) {
        ctx.addIssue({ code: 'custom', path: ['supersedes'], message: 'a regulation cannot supersede itself' });
      }
    });
}

export type RegulationFrontMatter = z.output<ReturnType<typeof regulationSchema>>;
