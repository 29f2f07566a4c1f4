/** Runs every query of a collection against an engine and scores the rankings. */
import { ndcgAt, percentile, recallAt, reciprocalRankAt } from '../../../src/search/metrics';
import type { Collection } from './collection';
import type { Engine } from './engines';

export interface EvalReport {
  engine: string;
  queries: number;
  'recall@1': number;
  'recall@5': number;
  'recall@10': number;
  'mrr@10': number;
  'ndcg@10': number;
  p50_ms: number;
  p95_ms: number;
  byCategory: Record<string, { queries: number; 'recall@10': number; 'mrr@10': number }>;
  misses: { id: string; query: string; category?: string }[];
}

const round = (n: number, d = 3) => Math.round(n * 10 ** d) / 10 ** d;

export async function evaluate(engine: Engine, collection: Collection): Promise<EvalReport> {
  const rows: { id: string; query: string; category?: string; r1: number; r5: number; r10: number; mrr: number; ndcg: number; ms: number }[] = [];
  for (const q of collection.queries) {
    const judged = collection.qrels.get(q.id);
    if (!judged) continue;
    const started = performance.now();
    const ranked = await engine.search(q.query, 10);
    const ms = performance.now() - started;
    rows.push({
      id: q.id,
      query: q.query,
      category: q.category,
      r1: recallAt(ranked, judged, 1),
      r5: recallAt(ranked, judged, 5),
      r10: recallAt(ranked, judged, 10),
      mrr: reciprocalRankAt(ranked, judged, 10),
      ndcg: ndcgAt(ranked, judged, 10),
      ms,
    });
  }
  const mean = (pick: (r: (typeof rows)[number]) => number, of = rows) => (of.length ? of.reduce((s, r) => s + pick(r), 0) / of.length : 0);
  const categories = [...new Set(rows.map((r) => r.category ?? 'all'))];
  return {
    engine: engine.name,
    queries: rows.length,
    'recall@1': round(mean((r) => r.r1)),
    'recall@5': round(mean((r) => r.r5)),
    'recall@10': round(mean((r) => r.r10)),
    'mrr@10': round(mean((r) => r.mrr)),
    'ndcg@10': round(mean((r) => r.ndcg)),
    p50_ms: round(percentile(rows.map((r) => r.ms), 50), 2),
    p95_ms: round(percentile(rows.map((r) => r.ms), 95), 2),
    byCategory: Object.fromEntries(
      categories.map((c) => {
        const of = rows.filter((r) => (r.category ?? 'all') === c);
        return [c, { queries: of.length, 'recall@10': round(mean((r) => r.r10, of)), 'mrr@10': round(mean((r) => r.mrr, of)) }];
      }),
    ),
    misses: rows.filter((r) => r.mrr === 0).map(({ id, query, category }) => ({ id, query, category })),
  };
}
