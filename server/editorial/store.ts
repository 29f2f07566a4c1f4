/** The workflow's rows (migration 006): a change's present state and its append-only trail. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Change, TransitionResult, WorkflowState, ActionKind } from '../../src/domain/editorial/workflow';
import type { Database } from '../db/schema';

export interface EditorialStore {
  load(path: string): Promise<Change | null>;
  list(): Promise<{ path: string; change: Change }[]>;
  /** Reads the change, lets `decide` transition it, and writes the result, in one transaction. */
  apply(path: string, decide: (current: Change | null) => TransitionResult): Promise<TransitionResult>;
}

type Db = Kysely<Database>;

async function loadIn(db: Db, path: string): Promise<Change | null> {
  const row = await db.selectFrom('editorial_changes').selectAll().where('path', '=', path).executeTakeFirst();
  if (!row) return null;
  const trail = await db.selectFrom('editorial_transitions').selectAll().where('path', '=', path).orderBy('seq').execute();
  return {
    state: row.state as WorkflowState,
    textHash: row.text_hash,
    authors: JSON.parse(row.authors) as string[],
    approvedHash: row.approved_hash,
    approvedBy: row.approved_by,
    since: Number(row.since),
    history: trail.map((t) => ({
      action: t.action as ActionKind,
      from: t.from_state as WorkflowState,
      to: t.to_state as WorkflowState,
      by: t.by_user_id,
      at: Number(t.at),
      textHash: t.text_hash,
      ...(t.reason !== null ? { reason: t.reason } : {}),
    })),
  };
}

export function createEditorialStore(db: Db): EditorialStore {
  return {
    load: (path) => loadIn(db, path),
    async list() {
      const rows = await db.selectFrom('editorial_changes').select('path').orderBy('since', 'desc').execute();
      const out: { path: string; change: Change }[] = [];
      for (const { path } of rows) out.push({ path, change: (await loadIn(db, path))! });
      return out;
    },
    async apply(path, decide) {
      return db.transaction().execute(async (trx) => {
        const current = await loadIn(trx, path);
        const result = decide(current);
        if (!result.ok) return result;
        const next = result.change;
        const values = {
          state: next.state,
          text_hash: next.textHash,
          authors: JSON.stringify(next.authors),
          approved_hash: next.approvedHash,
          approved_by: next.approvedBy,
          since: next.since,
        };
        if (current) await trx.updateTable('editorial_changes').set(values).where('path', '=', path).execute();
        else await trx.insertInto('editorial_changes').values({ path, ...values }).execute();
        const added = next.history.slice(current?.history.length ?? 0);
        let seq = current?.history.length ?? 0;
        for (const t of added) {
          await trx
            .insertInto('editorial_transitions')
            .values({ id: randomUUID(), path, seq: seq++, action: t.action, from_state: t.from, to_state: t.to, by_user_id: t.by, at: t.at, text_hash: t.textHash, reason: t.reason ?? null })
            .execute();
        }
        return result;
      });
    },
  };
}
