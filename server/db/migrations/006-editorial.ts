/**
 * The editorial workflow (src/domain/editorial/workflow.ts): one row per changed content file
 * with its present state, and the append-only trail of its transitions. Triggers refuse
 * UPDATE and DELETE of the trail, like the audit log (004), so no route can rewrite it.
 */
import { sql, SqliteAdapter, type Kysely } from 'kysely';

const isSqlite = (db: Kysely<any>) => db.getExecutor().adapter instanceof SqliteAdapter;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('editorial_changes')
    .addColumn('path', 'text', (c) => c.primaryKey().notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('text_hash', 'text', (c) => c.notNull())
    .addColumn('authors', 'text', (c) => c.notNull())
    .addColumn('approved_hash', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('since', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('editorial_transitions')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text', (c) => c.notNull())
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('by_user_id', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('text_hash', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addUniqueConstraint('editorial_transitions_path_seq', ['path', 'seq'])
    .execute();
  if (isSqlite(db)) {
    for (const event of ['UPDATE', 'DELETE']) {
      await sql
        .raw(`CREATE TRIGGER editorial_transitions_no_${event.toLowerCase()} BEFORE ${event} ON editorial_transitions BEGIN SELECT RAISE(ABORT, 'editorial_transitions is append-only'); END`)
        .execute(db);
    }
  } else {
    await sql`CREATE FUNCTION editorial_transitions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'editorial_transitions is append-only'; END $$`.execute(db);
    await sql`CREATE TRIGGER editorial_transitions_no_change BEFORE UPDATE OR DELETE ON editorial_transitions FOR EACH ROW EXECUTE FUNCTION editorial_transitions_append_only()`.execute(db);
    await sql`CREATE TRIGGER editorial_transitions_no_truncate BEFORE TRUNCATE ON editorial_transitions FOR EACH STATEMENT EXECUTE FUNCTION editorial_transitions_append_only()`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('editorial_transitions').execute();
  await db.schema.dropTable('editorial_changes').execute();
  if (!isSqlite(db)) await sql`DROP FUNCTION editorial_transitions_append_only()`.execute(db);
}
