/** The database layer on SQLite and PostgreSQL: migrations, schema, constraints, types. */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { isUniqueViolation } from '../errors';
import { MIGRATIONS } from '../migrations';
import { checkNativeModules, NativeModuleError } from '../native-check';
import { databaseOptionsFromEnv, DatabaseError, migrateToLatest, openDatabase, redactUrl } from '../open';
import type { UserRow } from '../schema';
import { testDatabases } from './test-databases';

const dialects = testDatabases();

const user = (over: Partial<UserRow> = {}): UserRow => ({
  id: crypto.randomUUID(),
  username: 'sara.ahmadi',
  display_name: 'سارا احمدی',
  role: 'staff',
  company: null,
  company_id: null,
  unit_id: null,
  password_hash: 'scrypt$…',
  created_at: 1_767_000_000_000,
  disabled_at: null,
  email: null,
  email_opt_in: 1,
  phone: null,
  ...over,
});

describe.each(dialects)('database on $name', (t) => {
  beforeEach(() => t.reset());

  it('has run every migration, in order, and says which dialect it is', async () => {
    expect(t.handle.dialect).toBe(t.name);
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(t.db);
    expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(MIGRATIONS));
  });

  it('creates the same tables and columns as the other dialect describes', async () => {
    const tables = await t.db.introspection.getTables();
    const shape = Object.fromEntries(
      tables
        .filter((table) => !table.name.startsWith('kysely_'))
        .map((table) => [table.name, table.columns.map((c) => `${c.name}${c.isNullable ? '?' : ''}`).sort()]),
    );
    expect(shape).toEqual({
      login_attempts: ['attempted_at', 'key', 'ticket?'],
      sessions: ['confirmed_at?', 'created_at', 'csrf_token', 'expires_at', 'id', 'last_seen_at', 'user_id'],
      users: ['company?', 'company_id?', 'created_at', 'disabled_at?', 'display_name', 'email?', 'email_opt_in', 'id', 'password_hash', 'phone?', 'role', 'unit_id?', 'username'],
      quiz_attempts: ['course', 'deadline?', 'id', 'number', 'passed?', 'questions', 'result?', 'score?', 'seed', 'started_at', 'submitted_at?', 'user_id'],
      quiz_answers: ['answer', 'answered_at', 'attempt_id', 'question_id'],
      lesson_views: ['course', 'first_opened_at', 'lesson', 'user_id'],
      certificates: ['attempt_id', 'code', 'company?', 'course', 'course_title', 'edition', 'issued_at', 'learner_name', 'renewed_at?', 'renewed_edition?', 'user_id'],
      refresher_attempts: ['certificate_code', 'course', 'due_on', 'editions', 'id', 'passed?', 'questions', 'result?', 'score?', 'started_at', 'submitted_at?', 'user_id'],
      seminar_seats: ['seminar_id', 'taken'],
      stale_reviews: ['course', 'edition', 'item_id', 'kind', 'reviewed_at', 'reviewed_by', 'reviewer_name'],
      seminar_registrations: ['attendance_marked_at?', 'attendance_marked_by?', 'attended?', 'registered_at', 'seminar_id', 'user_id'],
      audit_log: ['action', 'actor', 'actor_id?', 'address', 'at', 'detail', 'id', 'target'],
      companies: ['code?', 'created_at', 'id', 'name'],
      units: ['code?', 'created_at', 'id', 'name'],
      editorial_changes: ['approved_by?', 'approved_hash?', 'authors', 'path', 'since', 'state', 'text_hash'],
      editorial_transitions: ['action', 'at', 'by_user_id', 'from_state', 'id', 'path', 'reason?', 'seq', 'text_hash', 'to_state'],
      acknowledgments: ['acknowledged_at', 'address', 'announcement_id', 'company_id?', 'company_name?', 'id', 'role', 'text_sha256', 'unit_id?', 'user_id'],
      clause_feedback: ['answer?', 'answered_at?', 'answered_by?', 'author_id', 'clause_anchor', 'created_at', 'edition', 'id', 'regulation_code', 'text'],
      outbox: ['attempts', 'channel', 'created_at', 'html_body', 'id', 'key', 'last_error?', 'next_attempt_at', 'sent_at?', 'subject', 'text_body', 'to_address', 'user_id?'],
      reminders: ['announcement_id', 'decided_at', 'key', 'kind', 'step', 'user_id'],
      survey_responses: ['answered_at', 'comment?', 'company?', 'company_id?', 'kind', 'presenter?', 'ratings', 'subject', 'unit?', 'user_id'],
      reacknowledgment_decisions: ['announcement_id', 'decided_at', 'decided_by?', 'decided_by_name', 'edition', 'required'],
      xapi_outbox: ['attempts', 'created_at', 'id', 'key', 'last_error?', 'last_failed_at?', 'next_attempt_at', 'sent_at?', 'statement', 'user_id?', 'verb'],
    });
  });

  it('keeps the audit log append-only: UPDATE and DELETE are refused by the database itself', async () => {
    const row = { id: `audit-${t.name}`, at: 1, actor_id: null, actor: 'cli', action: 'user.create', target: 'ali', detail: '{}', address: 'cli' };
    await t.db.insertInto('audit_log').values(row).execute();
    await expect(t.db.updateTable('audit_log').set({ actor: 'someone-else' }).where('id', '=', row.id).execute()).rejects.toThrow(/append-only/);
    await expect(t.db.deleteFrom('audit_log').where('id', '=', row.id).execute()).rejects.toThrow(/append-only/);
    const kept = await t.db.selectFrom('audit_log').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(kept.actor).toBe('cli');
  });

  it('runs no migration twice when opened again', async () => {
    const again = await openDatabase(t.options);
    try {
      const result = await migrateToLatest(again.db);
      expect(result.results).toEqual([]);
    } finally {
      await again.close();
    }
  });

  it('reads bigint times back as numbers, exactly', async () => {
    const at = Date.UTC(2026, 2, 20, 20, 30, 15, 123);
    await t.db.insertInto('users').values(user({ created_at: at })).execute();
    const row = await t.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    expect(row.created_at).toBe(at);
    expect(typeof row.created_at).toBe('number');
    const { n } = await t.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(n)).toBe(1);
  });

  it('keeps usernames unique, and says so the same way on both dialects', async () => {
    await t.db.insertInto('users').values(user()).execute();
    const error = await t.db.insertInto('users').values(user()).execute().catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(new Error('other'))).toBe(false);
  });

  it('refuses an unknown role and a contractor without a company', async () => {
    await expect(t.db.insertInto('users').values(user({ role: 'root' as never })).execute()).rejects.toThrow();
    await expect(t.db.insertInto('users').values(user({ role: 'contractor', company: null })).execute()).rejects.toThrow();
    await t.db.insertInto('users').values(user({ role: 'contractor', company: 'شرکت نور' })).execute();
  });

  it('deletes a user’s sessions with the user', async () => {
    const u = user();
    await t.db.insertInto('users').values(u).execute();
    await t.db.insertInto('sessions').values({ id: 'h', user_id: u.id, csrf_token: 'c', created_at: 1, expires_at: 2, last_seen_at: 1 }).execute();
    await expect(t.db.insertInto('sessions').values({ id: 'x', user_id: 'nobody', csrf_token: 'c', created_at: 1, expires_at: 2, last_seen_at: 1 }).execute()).rejects.toThrow();
    await t.db.deleteFrom('users').where('id', '=', u.id).execute();
    expect(await t.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
  });

  it('rolls a failed transaction back whole', async () => {
    await expect(
      t.db.transaction().execute(async (trx) => {
        await trx.insertInto('users').values(user({ username: 'first.one' })).execute();
        await trx.insertInto('users').values(user({ username: 'first.one' })).execute();
      }),
    ).rejects.toThrow();
    expect(await t.db.selectFrom('users').selectAll().execute()).toEqual([]);
  });
});

describe('SQLite file', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('is created with its folders, in WAL mode', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ayin-sqlite-'));
    dirs.push(dir);
    const file = path.join(dir, 'nested', 'data', 'ayin.sqlite');
    const handle = await openDatabase({ sqlitePath: file });
    try {
      const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(handle.db);
      expect(mode.rows[0]?.journal_mode).toBe('wal');
      const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(handle.db);
      expect(fk.rows[0]?.foreign_keys).toBe(1);
      expect(handle.location).toBe(file);
    } finally {
      await handle.close();
    }
    expect(existsSync(file)).toBe(true);
  });

  it('keeps its data across a close and reopen', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ayin-sqlite-'));
    dirs.push(dir);
    const options = { sqlitePath: path.join(dir, 'ayin.sqlite') };
    const first = await openDatabase(options);
    await first.db.insertInto('users').values(user()).execute();
    await first.close();
    const second = await openDatabase(options);
    expect((await second.db.selectFrom('users').select('username').execute()).map((r) => r.username)).toEqual(['sara.ahmadi']);
    await second.close();
  });
});

describe('opening', () => {
  it('chooses PostgreSQL only for a DATABASE_URL', () => {
    expect(databaseOptionsFromEnv({}, '/srv/ayin/data')).toEqual({ url: undefined, sqlitePath: '/srv/ayin/data/ayin.sqlite' });
    expect(databaseOptionsFromEnv({ DATABASE_URL: '' }, '/d').url).toBeUndefined();
    expect(databaseOptionsFromEnv({ DATABASE_URL: 'postgres://a@h/db' }, '/d').url).toBe('postgres://a@h/db');
  });

  it('refuses a URL that is not PostgreSQL, and hides passwords in messages', async () => {
    await expect(openDatabase({ url: 'mysql://u:secret@h/db', sqlitePath: '/unused' })).rejects.toThrow(DatabaseError);
    await expect(openDatabase({ url: 'mysql://u:secret@h/db', sqlitePath: '/unused' })).rejects.not.toThrow(/secret/);
    expect(redactUrl('postgresql://ayin:s3cret@db:5432/ayin')).toBe('postgresql://ayin:***@db:5432/ayin');
  });

  it('says where PostgreSQL could not be reached', async () => {
    const error = await openDatabase({ url: 'postgresql://ayin:s3cret@127.0.0.1:1/ayin', sqlitePath: '/unused' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseError);
    expect((error as Error).message).toMatch(/^Could not use PostgreSQL at postgresql:\/\/ayin:\*\*\*@127\.0\.0\.1:1\/ayin: /);
    expect((error as Error).message).not.toContain('s3cret');
  });
});

describe('migrations', () => {
  it('lists every NNN-name.ts file of the folder, in order', () => {
    const files = readdirSync(path.join(__dirname, '..', 'migrations'))
      .filter((f) => f !== 'index.ts')
      .map((f) => f.replace(/\.ts$/, ''));
    expect(files.every((f) => /^\d{3}-[a-z0-9-]+$/.test(f))).toBe(true);
    expect(Object.keys(MIGRATIONS)).toEqual(files.sort());
  });
});

describe('native modules', () => {
  it('finds better-sqlite3 built and loadable', () => {
    expect(() => checkNativeModules()).not.toThrow();
  });

  it('tells the user to run npm rebuild when the binding is missing', () => {
    const missing = () => {
      throw new Error('Could not locate the bindings file. Tried:\n → …/better_sqlite3.node');
    };
    expect(() => checkNativeModules(missing)).toThrow(NativeModuleError);
    expect(() => checkNativeModules(missing)).toThrow(/Run "npm rebuild better-sqlite3"/);
    expect(() => checkNativeModules(missing)).toThrow(/Could not locate the bindings file/);
  });
});
