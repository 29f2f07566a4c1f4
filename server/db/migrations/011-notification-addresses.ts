/**
 * Where notifications go (issue 11): a user's e-mail address and whether they want mail, a
 * phone number for SMS, the outbox's channel, and the reminders already decided.
 *
 * `users.email` is stored lower-case and unique (a partial-free unique index: NULLs never
 * collide on either dialect), so one address never receives another person's reminders.
 * `email_opt_in` defaults to yes: a directive backed by SV-005's penalties is mailed unless the
 * user says otherwise; the in-app inbox shows it whatever they choose.
 *
 * `reminders`: one row per reminder the runner decided (`reminder:<ann>:<user>:<kind>:<step>`,
 * `escalation:…`), inserted before its mail in the same transaction. The key, not the mail,
 * decides: a user without an address still has the row, so giving an address later does not
 * mail them every reminder they were owed, and a restart or a second process finds it taken.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('email', 'text').execute();
  await db.schema.alterTable('users').addColumn('email_opt_in', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.alterTable('users').addColumn('phone', 'text').execute();
  await db.schema.createIndex('users_email_key').on('users').column('email').unique().execute();

  await db.schema.alterTable('outbox').addColumn('channel', 'text', (c) => c.notNull().defaultTo('email')).execute();

  await db.schema
    .createTable('reminders')
    .addColumn('key', 'text', (c) => c.primaryKey().notNull())
    .addColumn('announcement_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('decided_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reminders_announcement_idx').on('reminders').column('announcement_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reminders').execute();
  await db.schema.alterTable('outbox').dropColumn('channel').execute();
  await db.schema.dropIndex('users_email_key').execute();
  await db.schema.alterTable('users').dropColumn('phone').execute();
  await db.schema.alterTable('users').dropColumn('email_opt_in').execute();
  await db.schema.alterTable('users').dropColumn('email').execute();
}
