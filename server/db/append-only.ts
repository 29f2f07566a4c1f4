/**
 * Makes a table append-only in the database itself: triggers refuse UPDATE and DELETE (and on
 * PostgreSQL TRUNCATE), so no route, bug or script short of dropping the triggers can rewrite
 * it. Used by the migrations of the audit log (004) and the editorial trail (006); the SQL it
 * writes must never change, since migrations that ran are not run again.
 */
import { sql, SqliteAdapter, type Kysely } from 'kysely';

export const isSqlite = (db: Kysely<any>) => db.getExecutor().adapter instanceof SqliteAdapter;

/** `table` is a fixed identifier from a migration, never input. */
export async function makeAppendOnly(db: Kysely<any>, table: string): Promise<void> {
  if (isSqlite(db)) {
    for (const event of ['UPDATE', 'DELETE']) {
      await sql
        .raw(`CREATE TRIGGER ${table}_no_${event.toLowerCase()} BEFORE ${event} ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`)
        .execute(db);
    }
    return;
  }
  await sql.raw(`CREATE FUNCTION ${table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${table} is append-only'; END $$`).execute(db);
  await sql.raw(`CREATE TRIGGER ${table}_no_change BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${table}_append_only()`).execute(db);
  await sql.raw(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ${table}_append_only()`).execute(db);
}

/** After the table is dropped (its triggers go with it): PostgreSQL's function stays otherwise. */
export async function dropAppendOnlyFunction(db: Kysely<any>, table: string): Promise<void> {
  if (!isSqlite(db)) await sql.raw(`DROP FUNCTION ${table}_append_only()`).execute(db);
}
