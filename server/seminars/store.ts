/**
 * Seminar seats, registrations and attendance in the database (SQLite or PostgreSQL). Each
 * change is one transaction: a registration takes a seat and writes its row, or does neither.
 */
import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../db/errors';
import type { Database } from '../db/schema';

export interface RegistrationRow {
  readonly registeredAt: number;
  /** null until a supervisor marks it. */
  readonly attended: boolean | null;
}

export interface Registrant extends RegistrationRow {
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: string;
  readonly company: string | null;
}

export type RegisterOutcome = 'registered' | 'already-registered' | 'full';

const attendedOf = (value: number | null): boolean | null => (value === null ? null : Number(value) === 1);

export async function seatsTaken(db: Kysely<Database>, seminarId: string): Promise<number> {
  const row = await db.selectFrom('seminar_seats').select('taken').where('seminar_id', '=', seminarId).executeTakeFirst();
  return row ? Number(row.taken) : 0;
}

export async function findRegistration(db: Kysely<Database>, seminarId: string, userId: string): Promise<RegistrationRow | null> {
  const row = await db
    .selectFrom('seminar_registrations')
    .select(['registered_at', 'attended'])
    .where('seminar_id', '=', seminarId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row ? { registeredAt: Number(row.registered_at), attended: attendedOf(row.attended) } : null;
}

/**
 * Takes a seat when one is left. The seat is taken by a conditional UPDATE on the seminar's
 * counter row: concurrent registrations for the last seat queue on that row, and only the first
 * finds `taken < capacity` still true.
 */
export async function register(
  db: Kysely<Database>,
  { seminarId, userId, capacity, now }: { seminarId: string; userId: string; capacity: number; now: number },
): Promise<RegisterOutcome> {
  try {
    return await db.transaction().execute(async (trx) => {
      await trx.insertInto('seminar_seats').values({ seminar_id: seminarId, taken: 0 }).onConflict((oc) => oc.column('seminar_id').doNothing()).execute();
      if (await findRegistration(trx, seminarId, userId)) return 'already-registered';
      const taken = await trx
        .updateTable('seminar_seats')
        .set((eb) => ({ taken: eb('taken', '+', 1) }))
        .where('seminar_id', '=', seminarId)
        .where('taken', '<', capacity)
        .executeTakeFirst();
      if (Number(taken.numUpdatedRows) === 0) return 'full';
      await trx.insertInto('seminar_registrations').values({ seminar_id: seminarId, user_id: userId, registered_at: now, attended: null, attendance_marked_by: null, attendance_marked_at: null }).execute();
      return 'registered';
    });
  } catch (error) {
    // The same user registering twice at once: the second insert hits the primary key and its
    // transaction (and seat) is rolled back.
    if (isUniqueViolation(error)) return 'already-registered';
    throw error;
  }
}

/** Gives the seat back; false when the user was not registered. */
export async function cancelRegistration(db: Kysely<Database>, { seminarId, userId }: { seminarId: string; userId: string }): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const deleted = await trx.deleteFrom('seminar_registrations').where('seminar_id', '=', seminarId).where('user_id', '=', userId).executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) return false;
    await trx
      .updateTable('seminar_seats')
      .set((eb) => ({ taken: eb('taken', '-', 1) }))
      .where('seminar_id', '=', seminarId)
      .execute();
    return true;
  });
}

export async function listRegistrants(db: Kysely<Database>, seminarId: string): Promise<Registrant[]> {
  const rows = await db
    .selectFrom('seminar_registrations as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.user_id', 'r.registered_at', 'r.attended', 'u.username', 'u.display_name', 'u.role', 'u.company'])
    .where('r.seminar_id', '=', seminarId)
    .orderBy('r.registered_at')
    .orderBy('u.username')
    .execute();
  return rows.map((r) => ({
    userId: r.user_id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    company: r.company,
    registeredAt: Number(r.registered_at),
    attended: attendedOf(r.attended),
  }));
}

/** Marks a registrant present or absent; false when that user is not registered. */
export async function markAttendance(
  db: Kysely<Database>,
  { seminarId, userId, attended, markedBy, now }: { seminarId: string; userId: string; attended: boolean; markedBy: string; now: number },
): Promise<boolean> {
  const result = await db
    .updateTable('seminar_registrations')
    .set({ attended: attended ? 1 : 0, attendance_marked_by: markedBy, attendance_marked_at: now })
    .where('seminar_id', '=', seminarId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
