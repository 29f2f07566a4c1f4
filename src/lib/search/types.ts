import type { Facet, Filters } from '@site/src/search/filters';
import type { SearchRecord } from '@site/src/search/record';

export interface SearchConfig {
  engine: 'meilisearch' | 'lunr';
  audience: string;
  lunr: { url: string };
}

export interface SearchRequest {
  query: string;
  filters?: Filters;
  page?: number;
  perPage?: number;
  facets?: boolean;
}

export interface SearchResponse {
  engine: 'meilisearch' | 'lunr';
  /** Whom the results are for (the audience facet is offered to staff only). */
  audience: string;
  /** True when the server engine was not used (offline fallback). */
  offline: boolean;
  hits: SearchRecord[];
  total: number;
  facets: Partial<Record<Facet, Record<string, number>>>;
}

export class SearchUnavailableError extends Error {}
