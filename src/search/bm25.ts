/**
 * BM25F over the normalised term fields both engines index (code, title, content): a small,
 * pure scorer used to re-rank Meilisearch's candidates by how rare and how frequent each query
 * term is in them, which Meilisearch's bucket rules (words, then attribute, …) do not weigh.
 */
export interface TermFields {
  readonly codeTerms: string;
  readonly titleTerms: string;
  readonly contentTerms: string;
}

export interface Bm25Options {
  /** Field weights: a term in the title counts as `title` terms of the content. */
  readonly weights?: { readonly code: number; readonly title: number; readonly content: number };
  readonly k1?: number;
  readonly b?: number;
  /**
   * Document frequency of a term and the number of documents, for the IDF. Without them the
   * candidates themselves are the collection (a local IDF), which still tells a term found in
   * every candidate from one found in a few.
   */
  readonly df?: (term: string) => number | undefined;
  readonly docCount?: number;
}

export const BM25_DEFAULTS = { weights: { code: 8, title: 3, content: 1 }, k1: 1.2, b: 0.75 } as const;

const FIELDS = ['code', 'title', 'content'] as const;

/** BM25's IDF of a term found in `df` of `N` documents (the same in every scorer here). */
export const bm25Idf = (df: number, N: number): number => Math.log(1 + (N - df + 0.5) / (df + 0.5));

/** A term's BM25 weight from its (BM25F pseudo) term frequency: saturates at k1 + 1. */
export const saturate = (tf: number, k1: number): number => (tf * (k1 + 1)) / (tf + k1);

function counts(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of text.split(' ')) if (t) out.set(t, (out.get(t) ?? 0) + 1);
  return out;
}

/** Scores of each document for the query terms, in the documents' order. `termWeights` scales a term (joined forms, synonyms). */
export function bm25Scores(queryTerms: readonly string[], docs: readonly TermFields[], options: Bm25Options = {}, termWeights?: ReadonlyMap<string, number>): number[] {
  if (!docs.length || !queryTerms.length) return docs.map(() => 0);
  const { weights, k1, b } = { ...BM25_DEFAULTS, ...options };
  const unique = [...new Set(queryTerms)];
  const fields = docs.map((d) => ({ code: counts(d.codeTerms), title: counts(d.titleTerms), content: counts(d.contentTerms) }));
  const lengths = docs.map((d) => ({ code: d.codeTerms.split(' ').length, title: d.titleTerms.split(' ').length, content: d.contentTerms.split(' ').length }));
  const avg = Object.fromEntries(FIELDS.map((f) => [f, lengths.reduce((s, l) => s + l[f], 0) / docs.length || 1])) as Record<(typeof FIELDS)[number], number>;
  const N = options.docCount ?? docs.length;
  const idf = new Map(
    unique.map((t) => {
      const df = options.df?.(t) ?? fields.filter((f) => f.code.has(t) || f.title.has(t) || f.content.has(t)).length;
      return [t, bm25Idf(df, N)];
    }),
  );
  return fields.map((f, i) => {
    let score = 0;
    for (const t of unique) {
      let tf = 0;
      for (const field of FIELDS) {
        const n = f[field].get(t);
        if (n) tf += (weights[field] * n) / (1 - b + (b * lengths[i]![field]) / avg[field]);
      }
      if (tf) score += (termWeights?.get(t) ?? 1) * idf.get(t)! * saturate(tf, k1);
    }
    return score;
  });
}
