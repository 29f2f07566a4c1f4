/** Ranking metrics for the search evaluation (pure). A document is relevant when its grade > 0. */
export type Judgements = ReadonlyMap<string, number>;

export function recallAt(ranked: readonly string[], judged: Judgements, k: number): number {
  const relevant = [...judged.values()].filter((g) => g > 0).length;
  if (!relevant) return 0;
  return ranked.slice(0, k).filter((id) => (judged.get(id) ?? 0) > 0).length / relevant;
}

export function reciprocalRankAt(ranked: readonly string[], judged: Judgements, k: number): number {
  const i = ranked.slice(0, k).findIndex((id) => (judged.get(id) ?? 0) > 0);
  return i < 0 ? 0 : 1 / (i + 1);
}

/** nDCG with gains 2^grade − 1 and log2 discounts. */
export function ndcgAt(ranked: readonly string[], judged: Judgements, k: number): number {
  const dcg = (grades: number[]) => grades.reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
  const ideal = dcg([...judged.values()].filter((g) => g > 0).sort((a, b) => b - a).slice(0, k));
  if (!ideal) return 0;
  return dcg(ranked.slice(0, k).map((id) => judged.get(id) ?? 0)) / ideal;
}

export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
