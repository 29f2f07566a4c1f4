/**
 * The approver's re-acknowledgment decisions (issue 11): when a published edition changes a
 * regulation an announcement is about, whether its readers must acknowledge it again. One row per
 * (announcement, edition), decided once: the primary key makes a second decision — also a racing
 * one from another server — find the first, so what readers were asked never changes behind them.
 * Who decided is kept by id and by name (a user renamed or removed later does not rewrite it).
 */
import { sql, type Kysely } from 'kysely';

const sqlRequired = () => sql`required in (0, 1)`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reacknowledgment_decisions')
    .addColumn('announcement_id', 'text', (c) => c.notNull())
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('required', 'integer', (c) => c.notNull().check(sqlRequired()))
    .addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_by_name', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('reacknowledgment_decisions_pkey', ['announcement_id', 'edition'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reacknowledgment_decisions').execute();
}
