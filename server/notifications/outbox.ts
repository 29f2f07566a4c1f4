/**
 * The outbox: mail is written here first and sent from here (`sendDue`), so a refusing SMTP
 * server loses nothing — a failed row is tried again with exponential backoff, its error kept
 * for the admins. Each row has a unique `key`; enqueueing a key twice (a restart, a second
 * server process) writes one row. A row is claimed with a lease before it is sent
 * (server/notifications/lease.ts), so two processes draining together send it once.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { DEFAULT_BACKOFF, type Backoff } from './backoff';
import { claimRow, putOff } from './lease';

export interface OutgoingMail {
  readonly key: string;
  readonly userId: string | null;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** `email` (the default) or `sms` (migration 011): which transport sends it. */
  readonly channel?: 'email' | 'sms';
}

/** What sends one mail (nodemailer's transport in the server; throws when refused). */
export type MailTransport = (mail: { to: string; subject: string; text: string; html: string; key: string }) => Promise<void>;

/** True when this call wrote the row (false: the key was already there). */
export async function enqueueMail(db: Kysely<Database>, mail: OutgoingMail, now: number): Promise<boolean> {
  const result = await db
    .insertInto('outbox')
    .values({ id: randomUUID(), key: mail.key, user_id: mail.userId, to_address: mail.to, subject: mail.subject, text_body: mail.text, html_body: mail.html, channel: mail.channel ?? 'email', created_at: now, attempts: 0, next_attempt_at: now, sent_at: null, last_error: null })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export interface SendOptions {
  readonly backoff?: Backoff;
  /** How long a claimed row is left to its sender before another may try it. */
  readonly leaseMs?: number;
  readonly batch?: number;
  /** Which rows this transport sends (default `email`). */
  readonly channel?: 'email' | 'sms';
}

/** Sends what is due now; returns how many were sent and how many failed. */
export async function sendDue(db: Kysely<Database>, transport: MailTransport, now: number, options: SendOptions = {}): Promise<{ sent: number; failed: number }> {
  const { backoff = DEFAULT_BACKOFF, leaseMs = 120_000, batch = 20, channel = 'email' } = options;
  const due = await db.selectFrom('outbox').selectAll().where('channel', '=', channel).where('sent_at', 'is', null).where('next_attempt_at', '<=', now).orderBy('next_attempt_at').limit(batch).execute();
  let sent = 0;
  let failed = 0;
  for (const row of due) {
    if (!(await claimRow(db, 'outbox', row, now, leaseMs))) continue; // another process took it
    try {
      await transport({ to: row.to_address, subject: row.subject, text: row.text_body, html: row.html_body, key: row.key });
      await db.updateTable('outbox').set({ sent_at: now, last_error: null }).where('id', '=', row.id).execute();
      sent++;
    } catch (error) {
      await putOff(db, 'outbox', row, now, backoff, error);
      failed++;
    }
  }
  return { sent, failed };
}

export interface OutboxFailure {
  readonly id: string;
  readonly key: string;
  readonly to: string;
  readonly subject: string;
  readonly attempts: number;
  readonly nextAttemptAt: number;
  readonly lastError: string | null;
}

/** Mail not yet sent that has failed at least once: what the admin page lists. */
export async function outboxFailures(db: Kysely<Database>): Promise<OutboxFailure[]> {
  const rows = await db.selectFrom('outbox').selectAll().where('sent_at', 'is', null).where('attempts', '>', 0).orderBy('created_at', 'desc').limit(200).execute();
  return rows.map((r) => ({ id: r.id, key: r.key, to: r.to_address, subject: r.subject, attempts: Number(r.attempts), nextAttemptAt: Number(r.next_attempt_at), lastError: r.last_error }));
}
