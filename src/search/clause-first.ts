/**
 * Questions from the field land on clauses: when a regulation's page introduction (its record
 * without an anchor) comes first and one of that regulation's own clauses is close behind, the
 * clause — the citable answer, shown with its breadcrumb — is put first and the introduction
 * right after it. Nothing else moves.
 */
import type { SearchRecord } from './record';

/** How far behind the introduction a clause of the same regulation may be to take its place. */
export const CLAUSE_WINDOW = 5;

type Placed = Pick<SearchRecord, 'kind' | 'anchor' | 'code'>;

export function clauseFirst<H extends Placed>(hits: readonly H[], window = CLAUSE_WINDOW): H[] {
  const [top] = hits;
  if (!top || top.kind !== 'regulation' || top.anchor || !top.code) return [...hits];
  const at = hits.slice(1, window + 1).findIndex((h) => h.kind === 'regulation' && h.anchor && h.code === top.code);
  if (at < 0) return [...hits];
  const clause = hits[at + 1]!;
  return [clause, top, ...hits.slice(1).filter((h) => h !== clause)];
}
