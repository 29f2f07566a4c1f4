/**
 * The browser's search: the server's ranked search (Meilisearch and its BM25F index, one
 * request per query) when it is configured and answers within a second, else the Lunr index built with the site ("offline"). Both get the query
 * through the same normaliser; the results come back in one shape.
 *
 * When Meilisearch fails, the next queries go straight to Lunr (no second of waiting on each
 * keystroke) until a backoff has passed; the first query after it asks the server again, so a
 * restarted Meilisearch is used again without reloading the page.
 */
import { editionHits } from '@site/src/search/editions';
import { FACETS, matchesFilters, type Facet } from '@site/src/search/filters';
import type { LunrIndexFile, LunrSearcher } from '@site/src/search/lunr-engine';
import { clauseFirst } from '@site/src/search/clause-first';
import { searchQueryResponseSchema, searchRoutes, type SearchQueryBody } from '@site/src/api/search';
import type { SearchRecord } from '@site/src/search/record';
import { searchableText } from '@site/src/search/tokenize';
import { SearchUnavailableError, type SearchConfig, type SearchRequest, type SearchResponse } from './types';

const MEILI_TIMEOUT_MS = 1000;
/** After a failure, Meilisearch is tried again after 2 s, then 4, 8… up to 30 s while it keeps failing. */
const RETRY_FIRST_MS = 2000;
const RETRY_MAX_MS = 30_000;
/** Longer queries are cut: nobody types more, and it bounds the work per keystroke. */
export const MAX_QUERY_LENGTH = 200;

let configPromise: Promise<SearchConfig> | undefined;
let lunrPromise: Promise<LunrSearcher> | undefined;
/** The Meilisearch backoff: not before `retryAt` (ms since the epoch); `delay` is the next one. */
const meiliHealth = { retryAt: 0, delay: RETRY_FIRST_MS };
let lastConfig: SearchConfig | undefined;

function meiliFailed(): void {
  meiliHealth.retryAt = Date.now() + meiliHealth.delay;
  meiliHealth.delay = Math.min(meiliHealth.delay * 2, RETRY_MAX_MS);
  configPromise = undefined; // the next probe asks the server again (engine, fresh token)
}

function meiliAnswered(): void {
  meiliHealth.retryAt = 0;
  meiliHealth.delay = RETRY_FIRST_MS;
}

async function searchConfig(): Promise<SearchConfig> {
  configPromise ??= fetch('/api/search/config', { credentials: 'same-origin' })
    .then((res) => (res.ok ? (res.json() as Promise<SearchConfig>) : Promise.reject(new Error(String(res.status)))))
    // Without the Ayin server (a static copy of the site), search the public offline index.
    .catch(() => ({ engine: 'lunr' as const, audience: 'public', lunr: { url: '/search-index/public.json' } }));
  const config = await configPromise;
  lastConfig = config;
  return config;
}

async function lunrSearcher(url: string): Promise<LunrSearcher> {
  lunrPromise ??= (async () => {
    const [{ loadLunrIndex }, res] = await Promise.all([import('@site/src/search/lunr-engine'), fetch(url, { credentials: 'same-origin' })]);
    if (!res.ok) throw new SearchUnavailableError(`offline index: HTTP ${res.status}`);
    return loadLunrIndex((await res.json()) as LunrIndexFile);
  })().catch((error) => {
    lunrPromise = undefined;
    throw error instanceof SearchUnavailableError ? error : new SearchUnavailableError((error as Error).message);
  });
  return lunrPromise;
}

async function searchServer(config: SearchConfig, request: Required<SearchRequest>): Promise<SearchResponse> {
  // One request: the server runs every pass of the query and ranks them (server/search/ranked.ts)
  // under the session's audience; the browser sends only what the reader typed and chose.
  const body: SearchQueryBody = {
    query: request.query,
    filters: request.filters,
    offset: (request.page - 1) * request.perPage,
    limit: request.perPage,
    facets: request.facets,
  };
  const res = await fetch(searchRoutes.query.path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(MEILI_TIMEOUT_MS),
  });
  if (!res.ok) throw new Error(`the server's search answered ${res.status}`);
  const answer = searchQueryResponseSchema.parse(await res.json());
  const hits = answer.hits as unknown as SearchRecord[];
  return {
    engine: 'meilisearch',
    audience: answer.audience,
    offline: false,
    hits: request.page === 1 ? clauseFirst(hits) : hits,
    total: answer.total,
    facets: answer.facets,
  };
}

async function searchLunr(config: SearchConfig, request: Required<SearchRequest>, offline: boolean): Promise<SearchResponse> {
  const searcher = await lunrSearcher(config.lunr.url);
  // A clause kept once for the editions where it reads the same answers as each edition asked for.
  const all = searcher.search(request.query, 500).flatMap((h) => editionHits(h.record, request.filters.edition));
  const matching = all.filter((r) => matchesFilters(r as never, request.filters));
  const facets: SearchResponse['facets'] = {};
  if (request.facets) {
    for (const facet of FACETS) {
      const counts: Record<string, number> = {};
      for (const record of matching) {
        const value = (record as unknown as Record<Facet, string | string[] | undefined>)[facet];
        for (const v of Array.isArray(value) ? value : value ? [value] : []) counts[v] = (counts[v] ?? 0) + 1;
      }
      facets[facet] = counts;
    }
  }
  const start = (request.page - 1) * request.perPage;
  const page = matching.slice(start, start + request.perPage);
  return { engine: 'lunr', audience: config.audience, offline, hits: request.page === 1 ? clauseFirst(page) : page, total: matching.length, facets };
}

export async function search(input: SearchRequest): Promise<SearchResponse> {
  const request: Required<SearchRequest> = {
    query: input.query.slice(0, MAX_QUERY_LENGTH),
    filters: input.filters ?? {},
    page: Math.max(1, Math.floor(input.page ?? 1)),
    perPage: input.perPage ?? 10,
    facets: input.facets ?? false,
  };
  if (!searchableText(request.query)) return { engine: 'lunr', audience: 'public', offline: false, hits: [], total: 0, facets: {} };
  // Within the backoff, the configuration already known serves Lunr without asking anyone.
  const probe = !lastConfig || Date.now() >= meiliHealth.retryAt;
  const config = probe ? await searchConfig() : lastConfig!;
  if (probe) {
    if (config.engine === 'meilisearch') {
      try {
        const response = await searchServer(config, request);
        meiliAnswered();
        return response;
      } catch {
        // Down, slow (over a second) or refusing: the offline index answers instead.
        meiliFailed();
      }
    } else {
      meiliFailed(); // the server said Lunr (Meilisearch down when it was asked): ask again later
    }
  }
  return searchLunr(config, request, true);
}

/** Tell the server a query found nothing (the query only: no user, no address). */
export function reportZeroResults(query: string, filters: SearchRequest['filters']): void {
  void fetch('/api/search/zero-results', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: query.slice(0, MAX_QUERY_LENGTH), filters }),
    keepalive: true,
  }).catch(() => undefined);
}
