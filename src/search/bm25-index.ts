/**
 * An in-memory BM25F inverted index over the same normalised term fields both engines index
 * (code, title, content). The server holds every record, so it can score a question against
 * the whole collection — exact document frequencies, and candidates Meilisearch's bucket rules
 * never return (a paraphrase sharing only two rare words with its clause) — in a few
 * milliseconds, without one Meilisearch pass per term. Same formula and defaults as `bm25.ts`.
 */
import { BM25_DEFAULTS, type Bm25Options, type TermFields } from './bm25';

const FIELDS = ['codeTerms', 'titleTerms', 'contentTerms'] as const;

export interface Bm25Hit<R> {
  readonly record: R;
  readonly score: number;
}

export interface Bm25Index<R> {
  readonly size: number;
  /**
   * Every document holding a query term, scored (`termWeights`: a term's weight, 1 for a typed
   * term, less for a joined pair or a synonym), as a map from id to score.
   */
  scores(termWeights: ReadonlyMap<string, number>): Map<string, number>;
  /** The best `k` documents `accept` lets through, best first. */
  top(termWeights: ReadonlyMap<string, number>, k: number, accept: (record: R) => boolean): Bm25Hit<R>[];
  /** The stored record of an id. */
  get(id: string): R | undefined;
}

interface Posting {
  readonly docs: number[];
  /** The BM25F pseudo term frequency of the term in each doc: Σ field weight · tf / length norm. */
  readonly tf: number[];
}

/**
 * `keep` turns an indexed document into what the index stores for display and filtering (the
 * term strings are not kept: the postings hold what they said).
 */
export function buildBm25Index<D extends TermFields & { readonly id: string }, R = D>(
  documents: readonly D[],
  { keep = (d: D) => d as unknown as R, options = {} }: { keep?: (d: D) => R; options?: Pick<Bm25Options, 'weights' | 'b'> & { k1?: number } } = {},
): Bm25Index<R> {
  const { weights, b, k1 } = { ...BM25_DEFAULTS, ...options };
  const fieldWeight = { codeTerms: weights.code, titleTerms: weights.title, contentTerms: weights.content };
  const split = documents.map((d) => FIELDS.map((f) => (d[f] ? d[f].split(' ').filter(Boolean) : [])));
  const avg = FIELDS.map((_, i) => split.reduce((s, fields) => s + fields[i]!.length, 0) / (documents.length || 1) || 1);
  const postings = new Map<string, Posting>();
  const records: R[] = [];
  const ids: string[] = [];
  const position = new Map<string, number>();
  documents.forEach((d, doc) => {
    records.push(keep(d));
    ids.push(d.id);
    position.set(d.id, doc);
    const tf = new Map<string, number>();
    split[doc]!.forEach((terms, f) => {
      const norm = 1 - b + (b * terms.length) / avg[f]!;
      for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + fieldWeight[FIELDS[f]!] / norm);
    });
    for (const [t, v] of tf) {
      let p = postings.get(t);
      if (!p) postings.set(t, (p = { docs: [], tf: [] }));
      p.docs.push(doc);
      p.tf.push(v);
    }
  });
  const N = documents.length;
  const idf = (df: number) => Math.log(1 + (N - df + 0.5) / (df + 0.5));

  function accumulate(termWeights: ReadonlyMap<string, number>): Map<number, number> {
    const score = new Map<number, number>();
    for (const [t, w] of termWeights) {
      const p = postings.get(t);
      if (!p || !w) continue;
      const termIdf = idf(p.docs.length);
      for (let i = 0; i < p.docs.length; i++) {
        const tf = p.tf[i]!;
        const doc = p.docs[i]!;
        score.set(doc, (score.get(doc) ?? 0) + w * termIdf * ((tf * (k1 + 1)) / (tf + k1)));
      }
    }
    return score;
  }

  return {
    size: N,
    scores(termWeights) {
      return new Map([...accumulate(termWeights)].map(([doc, s]) => [ids[doc]!, s]));
    },
    top(termWeights, k, accept) {
      const ranked = [...accumulate(termWeights)].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      const out: Bm25Hit<R>[] = [];
      for (const [doc, s] of ranked) {
        if (out.length >= k) break;
        if (accept(records[doc]!)) out.push({ record: records[doc]!, score: s });
      }
      return out;
    },
    get: (id) => {
      const doc = position.get(id);
      return doc === undefined ? undefined : records[doc];
    },
  };
}
