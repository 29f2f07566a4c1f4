/** A user's own notification settings (migration 011): the address on file and the mail choice. */
import type { Kysely } from 'kysely';
import type { NotificationPreferences } from '../../src/api/inbox';
import type { Database } from '../db/schema';

export async function preferencesOf(db: Kysely<Database>, userId: string): Promise<NotificationPreferences> {
  const row = await db.selectFrom('users').select(['email', 'email_opt_in']).where('id', '=', userId).executeTakeFirstOrThrow();
  return { email: row.email, emailOptIn: Number(row.email_opt_in) === 1 };
}

export async function setEmailOptIn(db: Kysely<Database>, userId: string, emailOptIn: boolean): Promise<NotificationPreferences> {
  await db.updateTable('users').set({ email_opt_in: emailOptIn ? 1 : 0 }).where('id', '=', userId).execute();
  return preferencesOf(db, userId);
}
