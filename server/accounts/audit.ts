/**
 * The audit log of admin actions (table `audit_log`, migration 004): append-only, so only
 * `record` and `list` exist here, and the database's triggers refuse any UPDATE or DELETE.
 * Who acted is stored by id and by username as it was, so the record outlives the account.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditRow, Database } from '../db/schema';

export type AuditAction = 'user.create' | 'user.disable' | 'contractors.import';

export interface AuditActor {
  /** Null for the command line. */
  readonly id: string | null;
  readonly username: string;
}

export const CLI_ACTOR: AuditActor = { id: null, username: 'cli' };

export interface AuditEntry {
  readonly actor: AuditActor;
  readonly action: AuditAction;
  /** The username acted on, or the number of users imported. */
  readonly target: string;
  readonly detail?: Readonly<Record<string, unknown>>;
  /** The client's address (a trusted proxy's X-Forwarded-For), or `cli`. */
  readonly address: string;
}

export interface AuditRecord {
  readonly id: string;
  readonly at: number;
  readonly actor: string;
  readonly action: AuditAction;
  readonly target: string;
  readonly detail: Record<string, unknown>;
  readonly address: string;
}

export async function recordAudit(db: Kysely<Database>, entry: AuditEntry, at = Date.now()): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: randomUUID(),
      at,
      actor_id: entry.actor.id,
      actor: entry.actor.username,
      action: entry.action,
      target: entry.target.slice(0, 200),
      detail: JSON.stringify(entry.detail ?? {}),
      address: entry.address.slice(0, 64),
    })
    .execute();
}

const toRecord = (row: AuditRow): AuditRecord => ({
  id: row.id,
  at: Number(row.at),
  actor: row.actor,
  action: row.action as AuditAction,
  target: row.target,
  detail: JSON.parse(row.detail) as Record<string, unknown>,
  address: row.address,
});

/** The newest `limit` entries, newest first. */
export async function listAudit(db: Kysely<Database>, limit = 200): Promise<AuditRecord[]> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toRecord);
}
