/**
 * What the two outboxes (mail in `outbox`, statements in `xapi_outbox`) share: a row is claimed
 * before it is sent by moving its next attempt past a lease with a conditional UPDATE, so two
 * processes draining together send it once and a process that dies mid-send leaves it to be
 * tried again when the lease runs out; a refused row is put off with the exponential backoff
 * and keeps its error for the admins.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { retryDelay, type Backoff } from './backoff';

export type OutboxTableName = 'outbox' | 'xapi_outbox';

interface DueRow {
  readonly id: string;
  readonly next_attempt_at: number;
  readonly attempts: number;
}

/** True when this process now holds the row (false: another process claimed or sent it first). */
export async function claimRow(db: Kysely<Database>, table: OutboxTableName, row: DueRow, now: number, leaseMs: number): Promise<boolean> {
  const result = await db
    .updateTable(table)
    .set({ next_attempt_at: now + leaseMs })
    .where('id', '=', row.id)
    .where('sent_at', 'is', null)
    .where('next_attempt_at', '=', row.next_attempt_at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The error as the admins read it: the transport's message, bounded for the column. */
export function failureText(error: unknown): string {
  return String((error as Error)?.message ?? error).slice(0, 500);
}

/** Counts one more failure and puts the row off by the backoff; a row sent meanwhile is left alone. */
export async function putOff(db: Kysely<Database>, table: OutboxTableName, row: DueRow, now: number, backoff: Backoff, error: unknown): Promise<void> {
  const attempts = Number(row.attempts) + 1;
  const base = { attempts, next_attempt_at: now + retryDelay(attempts, backoff), last_error: failureText(error) };
  // Only the statements' outbox keeps when it last failed (its status line shows it).
  if (table === 'xapi_outbox') {
    await db.updateTable('xapi_outbox').set({ ...base, last_failed_at: now }).where('id', '=', row.id).where('sent_at', 'is', null).execute();
  } else {
    await db.updateTable('outbox').set(base).where('id', '=', row.id).where('sent_at', 'is', null).execute();
  }
}
