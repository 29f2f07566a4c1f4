/** `/api/search/*` and `/api/health`: the browser's search configuration, the ranked search, the zero-result log. */
import { z } from './zod';
import { labelled } from './fields';
import { defineRoute } from './route';

const audience = z.enum(['staff', 'contractor', 'public']);

export const searchConfigSchema = z.object({
  engine: z.enum(['meilisearch', 'lunr']),
  audience,
  lunr: z.object({ url: z.string() }),
});
export type SearchConfig = z.infer<typeof searchConfigSchema>;

const facetValues = z.array(z.string().max(100)).max(50);

/** A query to the server's ranked search: the facets narrow it; the audience is the session's, never the browser's. */
export const searchQueryBodySchema = z.object({
  query: labelled(z.string().min(1).max(200), 'عبارت جست‌وجو'),
  filters: labelled(z.object({ kind: facetValues.optional(), area: facetValues.optional(), type: facetValues.optional(), authority: facetValues.optional(), audience: facetValues.optional(), edition: facetValues.optional() }), 'پالایه‌ها').optional(),
  offset: labelled(z.number().int().min(0).max(1000), 'آغاز صفحه').optional(),
  limit: labelled(z.number().int().min(1).max(50), 'تعداد نتیجه').optional(),
  facets: z.boolean().optional(),
});
export type SearchQueryBody = z.infer<typeof searchQueryBodySchema>;

/** A hit is a search record (src/search/record.ts) as indexed, without its term fields. */
const searchHitSchema = z.looseObject({ id: z.string(), url: z.string(), title: z.string(), hierarchy: z.array(z.string()) });

export const searchQueryResponseSchema = z.object({
  audience,
  hits: z.array(searchHitSchema),
  total: z.number(),
  facets: z.record(z.string(), z.record(z.string(), z.number())),
});
export type SearchQueryResponse = z.infer<typeof searchQueryResponseSchema>;

export const zeroResultsBodySchema = z.object({
  query: labelled(z.string(), 'عبارت جست‌وجو'),
  // The page's facets as they were; anything that is not an object is logged as none.
  filters: z.unknown().optional(),
});

export const healthReportSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  site: z.object({ built: z.boolean(), builtAt: z.string().optional() }),
  search: z.object({ engine: z.enum(['meilisearch', 'lunr']), configured: z.enum(['meilisearch', 'lunr']), audience: z.string() }),
  database: z.object({ engine: z.enum(['sqlite', 'postgres', 'none']), location: z.string().optional() }),
});
export type HealthReport = z.infer<typeof healthReportSchema>;
/** What a visitor (not an admin) is told: the status only. */
export const publicHealthSchema = healthReportSchema.pick({ status: true }).strict();
export type PublicHealth = z.infer<typeof publicHealthSchema>;

export const searchRoutes = {
  config: defineRoute({ method: 'GET', path: '/api/search/config', response: searchConfigSchema }),
  /** The ranked search, run on the server in one Meilisearch round trip (src/search/ranked-search.ts). */
  query: defineRoute({ method: 'POST', path: '/api/search/query', body: searchQueryBodySchema, response: searchQueryResponseSchema }),
  zeroResults: defineRoute({ method: 'POST', path: '/api/search/zero-results', body: zeroResultsBodySchema, response: null }),
  health: defineRoute({ method: 'GET', path: '/api/health', response: z.union([healthReportSchema, publicHealthSchema]) }),
};
