/**
 * Reciprocal rank fusion: several rankings of the same candidates become one, each item scoring
 * Σ weight / (k + rank). Ranks, not scores, are combined, so rankers on different scales
 * (Meilisearch's buckets, BM25) can be fused without calibrating them.
 */
export interface RankedList {
  readonly ids: readonly string[];
  readonly weight?: number;
}

export const RRF_K = 60;

export function reciprocalRankFusion(lists: readonly RankedList[], k = RRF_K): string[] {
  const score = new Map<string, number>();
  const firstSeen = new Map<string, number>();
  let order = 0;
  for (const { ids, weight = 1 } of lists) {
    ids.forEach((id, rank) => {
      score.set(id, (score.get(id) ?? 0) + weight / (k + rank + 1));
      if (!firstSeen.has(id)) firstSeen.set(id, order++);
    });
  }
  // Ties keep the order in which the lists first named the items.
  return [...score.keys()].sort((a, b) => score.get(b)! - score.get(a)! || firstSeen.get(a)! - firstSeen.get(b)!);
}
