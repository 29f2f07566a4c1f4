/**
 * BM25F over a Lunr index: how the offline fallback orders a long question the way the server
 * does (bm25-index.ts: the same field weights, k1, b and IDF over the same normalised terms).
 *
 * Lunr scores each field on its own (BM25 per field, saturated per field, then boosted) and
 * only for documents matching its query clauses; a paraphrased question is better ordered
 * when a term's occurrences in code, title and content are added before they saturate. Lunr's
 * serialised index does not keep term frequencies, but each field vector keeps Lunr's BM25
 * weight of the term, which is a known function of the term frequency and the field's length:
 * with the field lengths stored beside the index (a few bytes a record) the frequency is
 * recovered exactly (weights are kept to three decimals; a frequency is a whole number). Lunr
 * stays the index format, and the short-query path keeps Lunr's own matching.
 */
import type lunr from 'lunr';
import { BM25_DEFAULTS, bm25Idf, saturate, type Bm25Options } from './bm25';

/** The indexed fields, in the order of a record's stored lengths, with their Lunr boosts. */
export const LUNR_FIELDS = [
  ['codeTerms', 8],
  ['titleTerms', 3],
  ['contentTerms', 1],
] as const;

/** Lunr's own BM25 constants (lunr.Builder's defaults, which the index is built with). */
const LUNR_K1 = 1.2;
const LUNR_B = 0.75;

interface LunrInternals {
  readonly invertedIndex: Record<string, Record<string, Record<string, unknown>> & { _index: number }>;
  readonly fieldVectors: Record<string, { readonly elements: number[]; positionForIndex(i: number): number }>;
}

export interface LunrBm25f {
  /** Every document with a query term, best first (ties: the index's record order). */
  rank(termWeights: ReadonlyMap<string, number>, limit: number): { ref: string; score: number }[];
}

/**
 * `refs[i]` has field lengths `lengths[i]` (code, title, content terms); `options` as the
 * server's BM25F (RANKING_DEFAULTS.bm25).
 */
export function lunrBm25f(index: lunr.Index, refs: readonly string[], lengths: readonly (readonly number[])[], options: Pick<Bm25Options, 'weights' | 'k1' | 'b'> = {}): LunrBm25f {
  const { weights, k1, b } = { ...BM25_DEFAULTS, ...options };
  const fieldWeight = [weights.code, weights.title, weights.content];
  const { invertedIndex, fieldVectors } = index as unknown as LunrInternals;
  const N = refs.length;
  const order = new Map(refs.map((r, i) => [r, i]));
  const avg = LUNR_FIELDS.map((_, f) => lengths.reduce((s, l) => s + (l[f] ?? 0), 0) / (N || 1) || 1);

  /** The term frequency behind Lunr's stored weight `s` (inverse of lunr.Builder.createFieldVectors). */
  const frequency = (s: number, boost: number, lunrIdf: number, length: number, average: number) => {
    const top = boost * lunrIdf * (LUNR_K1 + 1) - s;
    if (!(s > 0) || !(top > 0)) return 0;
    return Math.max(1, Math.round((s * LUNR_K1 * (1 - LUNR_B + (LUNR_B * length) / average)) / top));
  };

  return {
    rank(termWeights, limit) {
      const scores = new Map<string, number>();
      for (const [term, w] of termWeights) {
        const posting = invertedIndex[term];
        if (!posting || !(w > 0)) continue;
        // Lunr's IDF counts a document once per field holding the term; BM25F's counts it once.
        let perField = 0;
        const pseudo = new Map<string, number>();
        LUNR_FIELDS.forEach(([field], f) => {
          const docs = posting[field];
          if (!docs) return;
          const refsInField = Object.keys(docs);
          perField += refsInField.length;
          for (const ref of refsInField) if (!pseudo.has(ref)) pseudo.set(ref, 0);
        });
        const lunrIdf = Math.log(1 + Math.abs((N - perField + 0.5) / (perField + 0.5)));
        LUNR_FIELDS.forEach(([field, boost], f) => {
          const docs = posting[field];
          if (!docs) return;
          for (const ref of Object.keys(docs)) {
            const vector = fieldVectors[`${field}/${ref}`];
            const doc = order.get(ref);
            if (!vector || doc === undefined) continue;
            const at = vector.positionForIndex(posting._index);
            if (vector.elements[at] !== posting._index) continue;
            const length = lengths[doc]![f]!;
            const tf = frequency(vector.elements[at + 1]!, boost, lunrIdf, length, avg[f]!);
            pseudo.set(ref, pseudo.get(ref)! + (fieldWeight[f]! * tf) / (1 - b + (b * length) / avg[f]!));
          }
        });
        const idf = bm25Idf(pseudo.size, N);
        for (const [ref, tf] of pseudo) if (tf > 0) scores.set(ref, (scores.get(ref) ?? 0) + w * idf * saturate(tf, k1));
      }
      return [...scores]
        .map(([ref, score]) => ({ ref, score }))
        .sort((x, y) => y.score - x.score || order.get(x.ref)! - order.get(y.ref)!)
        .slice(0, limit);
    },
  };
}
