/** The glossary (`content/glossary.yml`): the page at `/glossary` and search synonyms. */
import * as z from 'zod';
import { persianText } from './common';
import { ids, type Taxonomy } from './taxonomy';

export function glossarySchema(taxonomy: Taxonomy) {
  const areaIds = ids(taxonomy.areas);
  return z.array(
    z.strictObject({
      term: persianText,
      synonyms: z.array(persianText).default([]),
      english: z.string().optional(),
      definition: persianText,
      area: z
        .string()
        .refine((v) => areaIds.includes(v), { error: `unknown area; expected one of: ${areaIds.join(', ')}` })
        .optional(),
    }),
  );
}

export type GlossaryEntry = z.output<ReturnType<typeof glossarySchema>>[number];
