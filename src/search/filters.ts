/**
 * Search filters come from the URL; they are checked against the known values and quoted,
 * never pasted into a Meilisearch filter as typed.
 */
import { UNVERSIONED } from './editions';

export const FACETS = ['kind', 'area', 'type', 'authority', 'audience', 'edition'] as const;
export type Facet = (typeof FACETS)[number];
export type Filters = Partial<Record<Facet, string[]>>;

/** Keeps only known values of known facets (anything else in the URL is ignored). */
export function sanitizeFilters(raw: Record<string, readonly string[] | undefined>, allowed: Partial<Record<Facet, readonly string[]>>): Filters {
  const filters: Filters = {};
  for (const facet of FACETS) {
    const values = (raw[facet] ?? []).filter((v) => allowed[facet]?.includes(v));
    if (values.length) filters[facet] = [...new Set(values)];
  }
  return filters;
}

const quote = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * The values a facet filter lets through: an edition filter restricts regulations only, so
 * records of no edition (lessons, announcements, glossary) always pass it.
 */
const passing = (facet: Facet, values: readonly string[]) => (facet === 'edition' ? [...values, UNVERSIONED] : values);

/** Meilisearch filter expression: OR within a facet, AND between facets. */
export function meiliFilter(filters: Filters): string[] {
  return FACETS.flatMap((facet) => {
    const values = filters[facet];
    return values?.length ? [`${facet} IN [${passing(facet, values).map(quote).join(', ')}]`] : [];
  });
}

export function matchesFilters(record: Partial<Record<Facet, string | readonly string[] | undefined>>, filters: Filters): boolean {
  return FACETS.every((facet) => {
    const wanted = filters[facet];
    if (!wanted?.length) return true;
    const value = record[facet];
    const values = Array.isArray(value) ? value : value === undefined ? [] : [value as string];
    return values.some((v) => passing(facet, wanted).includes(v));
  });
}
