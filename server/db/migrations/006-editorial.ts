/**
 * The editorial workflow (src/domain/editorial/workflow.ts): one row per changed content file
 * with its present state, and the append-only trail of its transitions. Triggers refuse
 * UPDATE and DELETE of the trail, like the audit log (004), so no route can rewrite it.
 */
import type { Kysely } from 'kysely';
import { dropAppendOnlyFunction, makeAppendOnly } from '../append-only';


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
  await makeAppendOnly(db, 'editorial_transitions');
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('editorial_transitions').execute();
  await db.schema.dropTable('editorial_changes').execute();
  await dropAppendOnlyFunction(db, 'editorial_transitions');
}
