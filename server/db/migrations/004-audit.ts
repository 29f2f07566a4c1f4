/**
 * The audit log of admin actions, append-only; a ticket on sign-in attempts; and the moment a
 * session's user last re-entered their password (admin actions ask for it).
 *
 *
 * `audit_log` keeps who (the admin's id and username as they were: no foreign key, so the
 * record outlives the account), when, what, on whom and from which address. Triggers refuse
 * UPDATE and DELETE (and on PostgreSQL TRUNCATE), so not even a bug in a route can rewrite
 * the history; only someone with the database's owner rights, dropping the triggers, can.
 *
 * `login_attempts.ticket` groups the rows of one sign-in attempt, which the limiter inserts
 * before hashing and takes back when the attempt is refused (server/accounts/rate-limit.ts).
 */
import type { Kysely } from 'kysely';
import { dropAppendOnlyFunction, makeAppendOnly } from '../append-only';


export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();

  await makeAppendOnly(db, 'audit_log');

  await db.schema.alterTable('login_attempts').addColumn('ticket', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('confirmed_at', 'bigint').execute();
  await db.schema.createIndex('login_attempts_ticket_idx').on('login_attempts').column('ticket').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sessions').dropColumn('confirmed_at').execute();
  await db.schema.dropIndex('login_attempts_ticket_idx').execute();
  await db.schema.alterTable('login_attempts').dropColumn('ticket').execute();
  await db.schema.dropTable('audit_log').execute();
  await dropAppendOnlyFunction(db, 'audit_log');
}
