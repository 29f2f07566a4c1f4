/**
 * One ranked search in one Meilisearch round trip: the query's passes (meili-ranking.ts) go as
 * ONE multi-search, and a long question's candidates are re-ranked with BM25F and fused by
 * reciprocal rank. With an in-memory index of the whole collection (bm25-index.ts, the
 * server's), only Meilisearch's two whole-question orders are asked for and BM25 ranks every
 * document, not only the candidates; without one, the per-term passes stand in for it.
 * Pure: the caller runs the multi-search (the server with its own key, the tools with theirs).
 */
import type { TermFields } from './bm25';
import type { Bm25Index } from './bm25-index';
import { reciprocalRankFusion } from './fusion';
import { fusionWeights, meiliPlan, queryPairs, queryTermWeights, RANKING_DEFAULTS, rankMeiliHits, TERM_FIELDS, type MatchingStrategy, type RankingOptions } from './meili-ranking';

export interface MeiliQuery {
  readonly q: string;
  readonly matchingStrategy: MatchingStrategy;
  /** AND of the expressions (the audience's, then the facets'). */
  readonly filter: readonly string[];
  readonly offset: number;
  readonly limit: number;
  readonly attributesToRetrieve: readonly string[];
  readonly facets?: readonly string[];
}

export interface MeiliAnswer<H> {
  readonly hits: readonly H[];
  readonly estimatedTotalHits?: number;
  readonly facetDistribution?: Record<string, Record<string, number>>;
}

export type FacetCounts = Record<string, Record<string, number>>;

export interface RankedPage<H> {
  readonly hits: H[];
  readonly total: number;
  readonly facets: FacetCounts;
}

export interface LocalIndex<H> {
  readonly index: Bm25Index<H>;
  /** What the reader may see under the request's filters (audience first): applied to every local hit. */
  readonly accept: (record: H) => boolean;
}

export interface RankedSearchRequest<H> {
  readonly query: string;
  readonly filter: readonly string[];
  readonly offset: number;
  readonly limit: number;
  /** Facets to count (on the first pass only). */
  readonly facets?: readonly string[];
  /** Fields of a hit to retrieve for display. */
  readonly retrieve: readonly string[];
  readonly local?: LocalIndex<H>;
  readonly synonyms?: readonly string[][];
  readonly options?: RankingOptions;
}

const withoutTerms = <H>(hit: H): H => {
  const { codeTerms: _k, titleTerms: _t, contentTerms: _c, ...rest } = hit as H & Partial<TermFields>;
  return rest as H;
};

export async function rankedSearch<H extends { readonly id: string }>(
  multiSearch: (queries: MeiliQuery[]) => Promise<readonly MeiliAnswer<H>[]>,
  { query, filter, offset, limit, facets, retrieve, local, synonyms = [], options = RANKING_DEFAULTS }: RankedSearchRequest<H>,
): Promise<RankedPage<H>> {
  const wanted = offset + limit;
  const plan = meiliPlan(query, wanted, options, { localIndex: Boolean(local) });
  if (!plan.shaped.terms.length) return { hits: [], total: 0, facets: {} };
  const ranked = plan.passes.length > 1;
  const attributesToRetrieve = ranked && !local ? [...retrieve, ...TERM_FIELDS] : [...retrieve];
  const results = await multiSearch(
    plan.passes.map((pass, i) => ({
      q: pass.q,
      matchingStrategy: pass.matchingStrategy,
      filter,
      offset: ranked ? 0 : offset,
      limit: ranked ? pass.limit : limit,
      attributesToRetrieve,
      ...(facets?.length && i === 0 ? { facets } : {}),
    })),
  );
  const first = results[0];
  const page = (hits: H[]): RankedPage<H> => ({ hits, total: first?.estimatedTotalHits ?? hits.length, facets: first?.facetDistribution ?? {} });
  if (!ranked) return page([...(first?.hits ?? [])]);
  if (!local) return page((rankMeiliHits(plan, results as never, wanted, { synonyms, options }) as unknown as H[]).slice(offset).map(withoutTerms));

  // The whole collection scored once: the best documents join Meilisearch's candidates, and
  // every candidate is ordered by its score there (exact frequencies, not the candidates').
  const scored = local.index.score({ termWeights: queryTermWeights(plan.shaped, synonyms, options), pairs: queryPairs(plan.shaped) });
  const byId = new Map<string, H>();
  for (const r of results) for (const h of r.hits) if (!byId.has(h.id)) byId.set(h.id, h);
  for (const { record } of scored.top(options.localTop, local.accept)) if (!byId.has(record.id)) byId.set(record.id, record);
  const bm25Order = [...byId.keys()]
    .map((id) => ({ id, s: scored.scoreOf(id) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s)
    .map((x) => x.id);
  const order = (i: number) => (results[i]?.hits ?? []).map((h) => h.id);
  const weights = fusionWeights(plan.shaped, options);
  const fused = reciprocalRankFusion([
    { ids: order(0), weight: weights.frequency },
    { ids: order(1), weight: weights.last },
    { ids: bm25Order, weight: weights.bm25 },
  ]);
  return page(fused.slice(offset, wanted).map((id) => byId.get(id)!));
}
