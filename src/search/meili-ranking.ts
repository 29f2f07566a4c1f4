/**
 * How Ayin asks Meilisearch and orders what it answers, by query shape (query-shape.ts):
 * - a code or a short query: one pass, Meilisearch's own order (settings in meili-settings.ts);
 * - a long question: retrieval passes over its topic terms — `frequency` (drop the most common
 *   words until enough match), `last` (drop words from the end) and one pass per term (an OR
 *   over the terms, which a paraphrased question needs: it shares only a few words with the
 *   clause; each pass's total is that term's document frequency) — whose candidates are
 *   re-ranked with BM25F over the same normalised terms, and the rankings fused by reciprocal
 *   rank with Meilisearch's two orders. Pure: the caller runs the passes (browser through the server's proxy,
 *   tools with the Meilisearch client) and hands back their hits.
 */
import { bm25Scores, type Bm25Options, type TermFields } from './bm25';
import { reciprocalRankFusion } from './fusion';
import { shapeQuery, type ShapedQuery } from './query-shape';
import { expandWithSynonyms } from './synonyms';

export type MatchingStrategy = 'last' | 'all' | 'frequency';

/**
 * `frequency`/`last`: the whole question under that matching strategy; `term`: one topic term
 * alone (an OR over the terms, as BM25 expects, and that term's document frequency as
 * `estimatedTotalHits`); `count`: no query, only the number of records under the filters.
 */
export type PassRole = 'frequency' | 'last' | 'term' | 'count';

export interface MeiliPass {
  readonly role: PassRole;
  readonly q: string;
  readonly matchingStrategy: MatchingStrategy;
  /** How many hits this pass asks for. */
  readonly limit: number;
}

/** What a pass answered: its hits in Meilisearch's order and its estimated total. */
export interface PassResult<H> {
  readonly hits: readonly H[];
  readonly estimatedTotalHits?: number;
}

/** The term fields a pass must retrieve for the re-ranking. */
export const TERM_FIELDS = ['codeTerms', 'titleTerms', 'contentTerms'] as const;

export interface RankingOptions {
  /** Candidates each whole-question pass of a long query fetches (at least the page asked for). */
  readonly candidates: number;
  /** Candidates each one-term pass fetches. */
  readonly perTerm: number;
  /** Weights of the fused rankings: Meilisearch `frequency`, `last`, BM25. */
  readonly weights: { readonly frequency: number; readonly last: number; readonly bm25: number };
  /** BM25F's field weights, k1 and b, and (in-memory index only) the weight of an adjacent pair found as a phrase. */
  readonly bm25?: Bm25Options & { readonly phrase?: number };
  /** A long question of at least `fromWords` topic words fuses with these weights instead (it leans on BM25F). */
  readonly longQuestion?: { readonly fromWords: number; readonly weights: RankingOptions['weights'] };
  /** Weight of a joined pair («صورت حساب» → «صورتحساب») or a synonym relative to a typed term. */
  readonly joinedWeight: number;
  readonly synonymWeight: number;
  /** With the server's in-memory index (bm25-index.ts): how many of its best documents join the candidates. */
  readonly localTop: number;
}

/** Chosen on tests/search-eval (BENCHMARKS.md); tests/search-eval-questions is measured, not tuned on. */
export const RANKING_DEFAULTS: RankingOptions = {
  candidates: 60,
  perTerm: 30,
  // A long question is ordered by BM25F alone over the candidates (Meilisearch's two orders and
  // BM25F's own best): 0.870 on tests/search-eval against 0.862 fused 1/1/2 (issue 13, BENCHMARKS.md).
  // Meilisearch still finds candidates and answers short queries and codes by itself.
  weights: { frequency: 0, last: 0, bm25: 1 },
  bm25: { k1: 1.6 },
  joinedWeight: 0.8,
  synonymWeight: 0.6,
  localTop: 60,
};

export interface MeiliPlan {
  readonly shaped: ShapedQuery;
  readonly passes: readonly MeiliPass[];
}

/**
 * The passes to run for a query and a page (`wanted` = offset + limit). `localIndex`: the caller
 * scores with an in-memory index of the whole collection (the server), which gives both the
 * OR-candidates and the document frequencies the per-term and count passes were for.
 */
export function meiliPlan(query: string, wanted: number, options: RankingOptions = RANKING_DEFAULTS, { localIndex = false } = {}): MeiliPlan {
  const shaped = shapeQuery(query);
  const q = shaped.terms.join(' ');
  if (shaped.shape !== 'long') return { shaped, passes: [{ role: 'last', q, matchingStrategy: 'last', limit: wanted }] };
  const limit = Math.max(wanted, options.candidates);
  const whole: MeiliPass[] = [
    { role: 'frequency', q, matchingStrategy: 'frequency', limit },
    { role: 'last', q, matchingStrategy: 'last', limit },
  ];
  if (localIndex) return { shaped, passes: whole };
  return {
    shaped,
    passes: [
      ...whole,
      ...shaped.terms.map((t): MeiliPass => ({ role: 'term', q: t, matchingStrategy: 'all', limit: options.perTerm })),
      { role: 'count', q: '', matchingStrategy: 'all', limit: 0 },
    ],
  };
}

/** How much each term counts in BM25: a typed term 1, a joined pair or a synonym less. */
export function queryTermWeights(shaped: ShapedQuery, synonyms: readonly string[][] = [], options: RankingOptions = RANKING_DEFAULTS): Map<string, number> {
  const { terms, joined } = shaped;
  const weights = new Map<string, number>();
  for (const t of joined) weights.set(t, options.joinedWeight);
  for (const t of expandWithSynonyms(terms.join(' '), synonyms).flatMap((s) => s.split(' '))) if (!weights.has(t)) weights.set(t, options.synonymWeight);
  for (const t of terms) weights.set(t, 1);
  return weights;
}

/** The fusion weights for a query's shape: a long question may lean on BM25F (RankingOptions.longQuestion). */
export function fusionWeights(shaped: ShapedQuery, options: RankingOptions = RANKING_DEFAULTS): RankingOptions['weights'] {
  const long = options.longQuestion;
  return long && shaped.words.length >= long.fromWords ? long.weights : options.weights;
}

/** Adjacent topic words, by their whole forms: what a phrase bonus looks for. */
export function queryPairs(shaped: ShapedQuery): [string, string][] {
  return shaped.words.slice(1).map((w, i) => [shaped.words[i]![0]!, w[0]!]);
}

/**
 * One ranking of the passes' hits (the first `wanted`). `results[i]` answers `plan.passes[i]`;
 * hits of a long query must carry TERM_FIELDS.
 */
export function rankMeiliHits<H extends { id: string | number } & Partial<TermFields>>(
  plan: MeiliPlan,
  results: readonly PassResult<H>[],
  wanted: number,
  { synonyms = [], options = RANKING_DEFAULTS }: { synonyms?: readonly string[][]; options?: RankingOptions } = {},
): H[] {
  const of = (role: PassRole) => plan.passes.flatMap((p, i) => (p.role === role && results[i] ? [results[i]] : []));
  if (plan.passes.length === 1) return (results[0]?.hits ?? []).slice(0, wanted);
  const byId = new Map<string, H>();
  for (const r of results) for (const h of r.hits) if (!byId.has(String(h.id))) byId.set(String(h.id), h);
  const candidates = [...byId.values()];
  const weights = queryTermWeights(plan.shaped, synonyms, options);
  // Document frequencies from the one-term passes (the whole index under the filters, not the candidates).
  const df = new Map(plan.passes.flatMap((p, i) => (p.role === 'term' && results[i]?.estimatedTotalHits !== undefined ? [[p.q, results[i]!.estimatedTotalHits!] as const] : [])));
  const docCount = of('count')[0]?.estimatedTotalHits;
  const bm25 = docCount ? { ...options.bm25, df: (t: string) => df.get(t), docCount } : options.bm25;
  const docs = candidates.map((h) => ({ codeTerms: h.codeTerms ?? '', titleTerms: h.titleTerms ?? '', contentTerms: h.contentTerms ?? '' }));
  const scores = bm25Scores([...weights.keys()], docs, bm25, weights);
  // A candidate without any query term is not in BM25's ranking at all (a rank there would still earn it fusion credit).
  const bm25Order = candidates.map((h, i) => ({ id: String(h.id), s: scores[i] ?? 0 })).filter((x) => x.s > 0).sort((a, b) => b.s - a.s).map((x) => x.id);
  const fusion = fusionWeights(plan.shaped, options);
  const fused = reciprocalRankFusion([
    { ids: (of('frequency')[0]?.hits ?? []).map((h) => String(h.id)), weight: fusion.frequency },
    { ids: (of('last')[0]?.hits ?? []).map((h) => String(h.id)), weight: fusion.last },
    { ids: bm25Order, weight: fusion.bm25 },
  ]);
  return fused.slice(0, wanted).map((id) => byId.get(id)!);
}
