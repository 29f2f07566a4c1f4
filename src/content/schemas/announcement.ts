/** An announcement (ابلاغیه): a post of the blog at `/announcements`. */
import * as z from 'zod';
import { jalaliDate, oneOf, persianText, regulationCode, sampleFlag } from './common';
import { acknowledgeSchema, NO_ORGANISATIONS, type Organisations } from './acknowledge';
import { editionName } from './edition';
import { ids, type Taxonomy } from './taxonomy';

export function announcementSchema(taxonomy: Taxonomy, organisations: Organisations = NO_ORGANISATIONS) {
  return z.strictObject({
    title: persianText,
    published: jalaliDate,
    notification: persianText.optional(),
    regulations: z.array(regulationCode).default([]),
    /** The edition this ابلاغیه announces (`1404-09`); must be in `content/editions.yml`. */
    edition: editionName.optional(),
    audience: z.array(oneOf(ids(taxonomy.audiences), 'audiences')).min(1),
    tags: z.array(persianText).default([]),
    description: persianText.optional(),
    /** Who must acknowledge it (تأیید وصول), and by when; none: read, not acknowledged. */
    acknowledge: acknowledgeSchema(organisations).optional(),
    sample: sampleFlag,
  });
}

export type Announcement = z.output<ReturnType<typeof announcementSchema>>;
