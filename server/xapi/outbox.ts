/**
 * The xAPI outbox, after the mail outbox (server/notifications/outbox.ts): a statement is
 * written here in the learning event's own transaction and sent from here by `sendDueStatements`
 * in batches, in the background, so the learner never waits for the LRS. A failed batch is
 * tried again with the mail outbox's backoff and claimed with its lease
 * (server/notifications/lease.ts): a process that dies mid-send leaves its rows to be sent
 * again when the lease runs out (same statement ids: the LRS keeps one copy).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Backoff } from '../notifications/backoff';
import { claimRow, putOff } from '../notifications/lease';
import { statementOf, type LearningEvent } from './statements';
import type { XapiStatement } from './statement-schema';

/** What training tells when something worth a statement happened, inside its own transaction. */
export interface LearningRecorder {
  /** `key` names the event (`attempt:<id>:graded`); a key already queued queues nothing. */
  record(trx: Kysely<Database>, key: string, userId: string, event: Omit<LearningEvent, 'id'>): Promise<void>;
}

export function createLearningRecorder(origin: string): LearningRecorder {
  return {
    async record(trx, key, userId, event) {
      const statement = statementOf({ ...event, id: randomUUID() }, origin);
      await trx
        .insertInto('xapi_outbox')
        .values({ id: statement.id, key, user_id: userId, verb: event.verb, statement: JSON.stringify(statement), created_at: event.at, attempts: 0, next_attempt_at: event.at, sent_at: null, last_error: null, last_failed_at: null })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
    },
  };
}

/** Sends a batch of statements; throws (with a Persian message for the admin) when not accepted. */
export type StatementTransport = (statements: readonly XapiStatement[]) => Promise<void>;

/** xAPI retries start sooner than mail's: statements are small and an LRS is often back quickly. */
export const XAPI_BACKOFF: Backoff = { baseMs: 15_000, maxMs: 3600_000 };

export interface SendStatementOptions {
  readonly backoff?: Backoff;
  readonly leaseMs?: number;
  readonly batch?: number;
}

/** Sends what is due now, one POST per batch; returns how many statements were sent and how many failed. */
export async function sendDueStatements(db: Kysely<Database>, transport: StatementTransport, now: number, options: SendStatementOptions = {}): Promise<{ sent: number; failed: number }> {
  const { backoff = XAPI_BACKOFF, leaseMs = 120_000, batch = 50 } = options;
  const due = await db.selectFrom('xapi_outbox').selectAll().where('sent_at', 'is', null).where('next_attempt_at', '<=', now).orderBy('created_at').orderBy('id').limit(batch).execute();
  const claimed: typeof due = [];
  for (const row of due) if (await claimRow(db, 'xapi_outbox', row, now, leaseMs)) claimed.push(row);
  if (!claimed.length) return { sent: 0, failed: 0 };
  try {
    await transport(claimed.map((r) => JSON.parse(r.statement) as XapiStatement));
  } catch (error) {
    for (const row of claimed) await putOff(db, 'xapi_outbox', row, now, backoff, error);
    return { sent: 0, failed: claimed.length };
  }
  await db.updateTable('xapi_outbox').set({ sent_at: now }).where('id', 'in', claimed.map((r) => r.id)).execute();
  return { sent: claimed.length, failed: 0 };
}

export interface XapiQueueStatus {
  readonly sent: number;
  /** Not yet sent (failing ones included). */
  readonly pending: number;
  /** Not yet sent and refused at least once. */
  readonly failing: number;
  readonly lastError: string | null;
  readonly lastFailedAt: number | null;
  readonly nextAttemptAt: number | null;
}

export async function xapiQueueStatus(db: Kysely<Database>): Promise<XapiQueueStatus> {
  const counts = await db
    .selectFrom('xapi_outbox')
    .select((eb) => [
      eb.fn.count<string>('id').filterWhere('sent_at', 'is not', null).as('sent'),
      eb.fn.count<string>('id').filterWhere('sent_at', 'is', null).as('pending'),
      eb.fn.count<string>('id').filterWhere((w) => w.and([w('sent_at', 'is', null), w('attempts', '>', 0)])).as('failing'),
      eb.fn.min('next_attempt_at').filterWhere('sent_at', 'is', null).as('next'),
    ])
    .executeTakeFirstOrThrow();
  const last = await db.selectFrom('xapi_outbox').select(['last_error', 'last_failed_at']).where('sent_at', 'is', null).where('attempts', '>', 0).orderBy('last_failed_at', 'desc').limit(1).executeTakeFirst();
  return {
    sent: Number(counts.sent),
    pending: Number(counts.pending),
    failing: Number(counts.failing),
    lastError: last?.last_error ?? null,
    lastFailedAt: last?.last_failed_at == null ? null : Number(last.last_failed_at),
    nextAttemptAt: counts.next == null ? null : Number(counts.next),
  };
}
