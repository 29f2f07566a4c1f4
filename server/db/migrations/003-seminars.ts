/**
 * Seminar registrations and attendance. Seminars themselves are content (`content/seminars/`);
 * the database holds who took a seat and who came.
 *
 * `seminar_seats` keeps a count of taken seats per seminar so that taking the last seat is one
 * conditional UPDATE (`taken < capacity`): PostgreSQL's row lock makes a second concurrent
 * update wait and re-check the condition, SQLite runs one writer at a time. Counting rows
 * instead would let two transactions each see a free seat.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('seminar_seats')
    .addColumn('seminar_id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('taken', 'integer', (c) => c.notNull().defaultTo(0))
    .addCheckConstraint('seminar_seats_taken_check', sql`taken >= 0`)
    .execute();

  await db.schema
    .createTable('seminar_registrations')
    .addColumn('seminar_id', 'text', (c) => c.notNull())
    // Deleting a user deletes their registrations (and keeps the test helpers' resets simple).
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('registered_at', 'bigint', (c) => c.notNull())
    // null: not marked yet; 1 present; 0 absent.
    .addColumn('attended', 'integer')
    .addColumn('attendance_marked_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('attendance_marked_at', 'bigint')
    .addPrimaryKeyConstraint('seminar_registrations_pk', ['seminar_id', 'user_id'])
    .addCheckConstraint('seminar_registrations_attended_check', sql`attended is null or attended in (0, 1)`)
    .execute();
  await db.schema.createIndex('seminar_registrations_user_idx').on('seminar_registrations').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('seminar_registrations').execute();
  await db.schema.dropTable('seminar_seats').execute();
}
