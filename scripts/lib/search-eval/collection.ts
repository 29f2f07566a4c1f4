/** Reads an evaluation collection: docs.jsonl, queries.jsonl, qrels.jsonl, with located errors. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface EvalDoc { id: string; title: string; text: string }
export interface EvalQuery { id: string; query: string; category?: string }
export interface Collection {
  docs: EvalDoc[];
  queries: EvalQuery[];
  qrels: Map<string, Map<string, number>>;
}

function readJsonl<T>(file: string, check: (value: Record<string, unknown>) => string | undefined): T[] {
  if (!existsSync(file)) throw new Error(`${file}: file not found`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, i) => {
      if (!line.trim()) return [];
      let value: Record<string, unknown>;
      try {
        value = JSON.parse(line);
      } catch (error) {
        throw new Error(`${file}:${i + 1}: not valid JSON (${(error as Error).message})`);
      }
      const problem = check(value);
      if (problem) throw new Error(`${file}:${i + 1}: ${problem}`);
      return [value as T];
    });
}

const str = (v: unknown) => typeof v === 'string' && v.length > 0;

export function readCollection(dir: string): Collection {
  const docs = readJsonl<EvalDoc>(path.join(dir, 'docs.jsonl'), (d) =>
    !str(d.id) ? 'id: expected a non-empty string' : typeof d.title !== 'string' ? 'title: expected a string' : typeof d.text !== 'string' ? 'text: expected a string' : undefined,
  );
  const queries = readJsonl<EvalQuery>(path.join(dir, 'queries.jsonl'), (q) =>
    !str(q.id) ? 'id: expected a non-empty string' : typeof q.query !== 'string' ? 'query: expected a string' : undefined,
  );
  const docIds = new Set(docs.map((d) => d.id));
  const queryIds = new Set(queries.map((q) => q.id));
  const qrels = new Map<string, Map<string, number>>();
  readJsonl<{ query_id: string; doc_id: string; relevance: number }>(path.join(dir, 'qrels.jsonl'), (r) =>
    !queryIds.has(r.query_id as string)
      ? `query_id: unknown query "${String(r.query_id)}"`
      : !docIds.has(r.doc_id as string)
        ? `doc_id: unknown document "${String(r.doc_id)}"`
        : typeof r.relevance !== 'number'
          ? 'relevance: expected a number'
          : undefined,
  ).forEach((r) => {
    const judged = qrels.get(r.query_id) ?? new Map<string, number>();
    judged.set(r.doc_id, r.relevance);
    qrels.set(r.query_id, judged);
  });
  return { docs, queries, qrels };
}
