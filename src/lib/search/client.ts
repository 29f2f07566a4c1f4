/**
 * The browser's search: Meilisearch through the server when it is configured and answers
 * within a second, else the Lunr index built with the site ("offline"). Both get the query
 * through the same normaliser; the results come back in one shape.
 *
 * When Meilisearch fails, the next queries go straight to Lunr (no second of waiting on each
 * keystroke) until a backoff has passed; the first query after it asks the server again, so a
 * restarted Meilisearch is used again without reloading the page.
 */
import { editionHits } from '@site/src/search/editions';
import { FACETS, matchesFilters, meiliFilter, type Facet } from '@site/src/search/filters';
import type { LunrIndexFile, LunrSearcher } from '@site/src/search/lunr-engine';
import type { TermFields } from '@site/src/search/bm25';
import { clauseFirst } from '@site/src/search/clause-first';
import { meiliPlan, rankMeiliHits, TERM_FIELDS } from '@site/src/search/meili-ranking';
import type { SearchRecord } from '@site/src/search/record';
import { searchableText } from '@site/src/search/tokenize';
import { SearchUnavailableError, type SearchConfig, type SearchRequest, type SearchResponse } from './types';

const MEILI_TIMEOUT_MS = 1000;
/** After a failure, Meilisearch is tried again after 2 s, then 4, 8… up to 30 s while it keeps failing. */
const RETRY_FIRST_MS = 2000;
const RETRY_MAX_MS = 30_000;
/** Longer queries are cut: nobody types more, and it bounds the work per keystroke. */
export const MAX_QUERY_LENGTH = 200;
const RETRIEVE = ['id', 'kind', 'url', 'anchor', 'hierarchy', 'title', 'content', 'code', 'area', 'type', 'authority', 'audience', 'edition', 'inForceFrom'];

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
  if (config.meili && Date.parse(config.meili.expiresAt) - Date.now() < 60_000) {
    configPromise = undefined; // the token is about to expire: ask again next time
  }
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

async function searchMeili(config: SearchConfig, request: Required<SearchRequest>): Promise<SearchResponse> {
  const meili = config.meili!;
  const offset = (request.page - 1) * request.perPage;
  // The query's shape decides the passes (src/search/meili-ranking.ts): one for a code or a few
  // words, two re-ranked with BM25 and fused for a question; every pass goes through the server's proxy.
  const plan = meiliPlan(request.query, offset + request.perPage);
  const ranked = plan.passes.length > 1;
  const bodies = await Promise.all(
    plan.passes.map(async (pass, i) => {
      const res = await fetch(`${meili.host}/indexes/${meili.index}/search`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${meili.token}` },
        body: JSON.stringify({
          q: pass.q,
          filter: meiliFilter(request.filters),
          offset: ranked ? 0 : offset,
          limit: ranked ? pass.limit : request.perPage,
          attributesToRetrieve: ranked ? [...RETRIEVE, ...TERM_FIELDS] : RETRIEVE,
          // The first pass's total is the page's total; the others' totals are term frequencies.
          matchingStrategy: pass.matchingStrategy,
          ...(request.facets && i === 0 ? { facets: [...FACETS] } : {}),
        }),
        signal: AbortSignal.timeout(MEILI_TIMEOUT_MS),
      });
      if (!res.ok) throw new Error(`Meilisearch answered ${res.status}`);
      return (await res.json()) as { hits: (SearchRecord & Partial<TermFields>)[]; estimatedTotalHits?: number; facetDistribution?: SearchResponse['facets'] };
    }),
  );
  const [first] = bodies;
  const ordered = ranked
    ? rankMeiliHits(plan, bodies, offset + request.perPage)
        .slice(offset)
        .map(({ codeTerms: _k, titleTerms: _t, contentTerms: _c, ...hit }) => hit as SearchRecord)
    : first!.hits;
  const hits = request.page === 1 ? clauseFirst(ordered) : ordered;
  return { engine: 'meilisearch', audience: config.audience, offline: false, hits, total: first!.estimatedTotalHits ?? hits.length, facets: first!.facetDistribution ?? {} };
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
    if (config.engine === 'meilisearch' && config.meili) {
      try {
        const response = await searchMeili(config, request);
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
