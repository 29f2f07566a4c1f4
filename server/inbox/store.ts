/**
 * Acknowledgments and the facts about a user the inbox needs, in the database (SQLite or
 * PostgreSQL). An acknowledgment is inserted once per (announcement, user, text): a second
 * insert of the same is a no-op that finds the first row, also when two requests race.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ReportPerson } from '../../src/domain/inbox/report';
import type { Database } from '../db/schema';

/** The signed-in user as the inbox addresses them: role, company and unit by code and id. */
export interface InboxUser {
  readonly id: string;
  readonly role: string;
  readonly companyId: string | null;
  readonly companyCode: string | null;
  readonly companyName: string | null;
  readonly unitId: string | null;
  readonly unitCode: string | null;
}

export interface AcknowledgmentRecord {
  readonly announcementId: string;
  readonly textSha256: string;
  readonly acknowledgedAt: number;
}

export async function findInboxUser(db: Kysely<Database>, userId: string): Promise<InboxUser | undefined> {
  const row = await db
    .selectFrom('users')
    .leftJoin('companies', 'companies.id', 'users.company_id')
    .leftJoin('units', 'units.id', 'users.unit_id')
    .select(['users.id', 'users.role', 'users.company_id', 'users.company', 'companies.code as company_code', 'companies.name as company_name', 'users.unit_id', 'units.code as unit_code'])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    role: row.role,
    companyId: row.company_id,
    companyCode: row.company_code ?? null,
    companyName: row.company_name ?? row.company,
    unitId: row.unit_id,
    unitCode: row.unit_code ?? null,
  };
}

export async function acknowledgmentsOf(db: Kysely<Database>, userId: string): Promise<AcknowledgmentRecord[]> {
  const rows = await db
    .selectFrom('acknowledgments')
    .select(['announcement_id', 'text_sha256', 'acknowledged_at'])
    .where('user_id', '=', userId)
    .orderBy('acknowledged_at')
    .execute();
  return rows.map((r) => ({ announcementId: r.announcement_id, textSha256: r.text_sha256, acknowledgedAt: Number(r.acknowledged_at) }));
}

/** Records the acknowledgment unless this user already acknowledged this text; returns the row in force. */
export async function recordAcknowledgment(
  db: Kysely<Database>,
  input: { readonly announcementId: string; readonly textSha256: string; readonly user: InboxUser; readonly now: number; readonly address: string },
): Promise<{ readonly created: boolean; readonly record: AcknowledgmentRecord }> {
  const inserted = await db
    .insertInto('acknowledgments')
    .values({
      id: randomUUID(),
      announcement_id: input.announcementId,
      user_id: input.user.id,
      text_sha256: input.textSha256,
      role: input.user.role,
      company_id: input.user.companyId,
      company_name: input.user.companyName,
      unit_id: input.user.unitId,
      acknowledged_at: input.now,
      address: input.address,
    })
    .onConflict((oc) => oc.columns(['announcement_id', 'user_id', 'text_sha256']).doNothing())
    .executeTakeFirst();
  const row = await db
    .selectFrom('acknowledgments')
    .select(['announcement_id', 'text_sha256', 'acknowledged_at'])
    .where('announcement_id', '=', input.announcementId)
    .where('user_id', '=', input.user.id)
    .where('text_sha256', '=', input.textSha256)
    .executeTakeFirstOrThrow();
  return {
    created: Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0,
    record: { announcementId: row.announcement_id, textSha256: row.text_sha256, acknowledgedAt: Number(row.acknowledged_at) },
  };
}

/** An active user as the report and the reminder runner see them: who, where, and how to reach them. */
export interface ActivePerson extends ReportPerson {
  readonly companyId: string | null;
  /** Where reminders go by mail: null when the user has no address or opted out. */
  readonly mailTo: string | null;
  readonly phone: string | null;
}

/** Every active user with their company, unit and addresses: the one query the report and the reminders share. */
export async function activePeople(db: Kysely<Database>): Promise<ActivePerson[]> {
  const rows = await db
    .selectFrom('users')
    .leftJoin('companies', 'companies.id', 'users.company_id')
    .leftJoin('units', 'units.id', 'users.unit_id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.role',
      'users.company',
      'users.company_id',
      'users.email',
      'users.email_opt_in',
      'users.phone',
      'companies.code as company_code',
      'companies.name as company_name',
      'units.code as unit_code',
      'units.name as unit_name',
    ])
    .where('users.disabled_at', 'is', null)
    .execute();
  return rows.map((r) => ({
    userId: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    companyId: r.company_id,
    companyCode: r.company_code ?? null,
    companyName: r.company_name ?? r.company ?? null,
    unitCode: r.unit_code ?? null,
    unitName: r.unit_name ?? null,
    mailTo: r.email && Number(r.email_opt_in) === 1 ? r.email : null,
    phone: r.phone,
  }));
}

/** Every active user with their company and unit, for the supervisors' report. */
export async function reportPeople(db: Kysely<Database>): Promise<ReportPerson[]> {
  return activePeople(db);
}

export async function allAcknowledgments(db: Kysely<Database>): Promise<(AcknowledgmentRecord & { userId: string })[]> {
  const rows = await db.selectFrom('acknowledgments').select(['announcement_id', 'user_id', 'text_sha256', 'acknowledged_at']).execute();
  return rows.map((r) => ({ announcementId: r.announcement_id, userId: r.user_id, textSha256: r.text_sha256, acknowledgedAt: Number(r.acknowledged_at) }));
}
