/**
 * Taxonomies are small lists kept as data in `content/taxonomy/*.yml` so editors can extend
 * them; every other schema takes its allowed values from here.
 */
import * as z from 'zod';
import { persianText } from './common';

const termId = z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a lower-case Latin id like connection-sales');

export const termSchema = z.strictObject({ id: termId, title: persianText });

export const areaSchema = z.strictObject({
  id: termId,
  prefix: z.string().regex(/^[A-Z]{2}$/, 'expected two capital letters'),
  title: persianText,
  summary: persianText,
});

export const taxonomySchemas = {
  areas: z.array(areaSchema).min(1),
  authorities: z.array(termSchema).min(1),
  audiences: z.array(termSchema).min(1),
  'document-types': z.array(termSchema).min(1),
  statuses: z.array(termSchema).min(1),
} as const;

export type TaxonomyName = keyof typeof taxonomySchemas;
export type Area = z.output<typeof areaSchema>;
export type Term = z.output<typeof termSchema>;

export interface Taxonomy {
  readonly areas: readonly Area[];
  readonly authorities: readonly Term[];
  readonly audiences: readonly Term[];
  readonly 'document-types': readonly Term[];
  readonly statuses: readonly Term[];
}

export const ids = (terms: readonly { id: string }[]) => terms.map((t) => t.id);

export function titleOf(terms: readonly Term[], id: string): string {
  return terms.find((t) => t.id === id)?.title ?? id;
}
