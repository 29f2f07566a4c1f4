/** Reads an evaluation collection: docs.jsonl, queries.jsonl, qrels.jsonl, with located errors. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** `edition`: the published edition of a regulation's record (absent for records of no edition). */
export interface EvalDoc { id: string; title: string; text: string; edition?: string }
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

/**
 * What a judgement names: the clause, whatever the edition (`CS-002-a5--1404-09` → `CS-002-a5`).
 * The evaluation searches one edition at a time, so a clause id is unambiguous there, and the
 * judgements follow the edition in force without being rewritten for each new edition.
 */
export function clauseId(doc: Pick<EvalDoc, 'id' | 'edition'>): string {
  const suffix = doc.edition ? `--${doc.edition}` : '';
  return suffix && doc.id.endsWith(suffix) ? doc.id.slice(0, -suffix.length) : doc.id;
}

export function readCollection(dir: string): Collection {
  const docs = readJsonl<EvalDoc>(path.join(dir, 'docs.jsonl'), (d) =>
    !str(d.id)
      ? 'id: expected a non-empty string'
      : typeof d.title !== 'string'
        ? 'title: expected a string'
        : typeof d.text !== 'string'
          ? 'text: expected a string'
          : d.edition !== undefined && !str(d.edition)
            ? 'edition: expected a non-empty string when present'
            : undefined,
  );
  const queries = readJsonl<EvalQuery>(path.join(dir, 'queries.jsonl'), (q) =>
    !str(q.id) ? 'id: expected a non-empty string' : typeof q.query !== 'string' ? 'query: expected a string' : undefined,
  );
  const docIds = new Set(docs.map(clauseId));
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
