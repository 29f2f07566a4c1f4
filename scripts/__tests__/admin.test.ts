/** `npm run admin`: the CLI as a user runs it, against a SQLite file and a PostgreSQL database. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../../server/accounts/users';
import { openDatabase } from '../../server/db/open';
import { ensureTestPostgres, type TestPostgres } from '../lib/postgres';

const root = path.resolve(__dirname, '../..');
const fixtures = path.join(root, 'tests/fixtures/accounts');
let dataDir: string;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function admin(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, AYIN_DATA_DIR: dataDir, ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts/admin.ts'), ...args], { env: childEnv, cwd: root }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'ayin-admin-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('admin CLI on SQLite (the data folder)', () => {
  it('creates a user with a generated password that signs in', async () => {
    const run = await admin(['create-user', '--username', 'sara.ahmadi', '--role', 'supervisor', '--name', 'سارا احمدی']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Created supervisor "sara.ahmadi" (سارا احمدی).');
    const password = /Password: (\S+)/.exec(run.stdout)?.[1];
    expect(password).toMatch(/^[\w]{4}(-[\w]{4}){3}$/);
    const handle = await openDatabase({ sqlitePath: path.join(dataDir, 'ayin.sqlite') });
    try {
      expect((await authenticate(handle.db, 'sara.ahmadi', password!)).ok).toBe(true);
    } finally {
      await handle.close();
    }
  });

  it('explains what is wrong with a user, and creates nothing', async () => {
    const run = await admin(['create-user', '--username', 'Bad Name', '--role', 'contractor', '--name', 'Reza', '--password', 'short']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      [
        'Not created:',
        '  username: must be 3-32 characters of a-z, 0-9, ".", "_" or "-"',
        '  password: must be at least 10 characters',
        '  display_name: must be written in Persian letters',
        '  company: is required for contractors',
        '',
      ].join('\n'),
    );
  });

  it('imports contractors all or nothing, with row errors', async () => {
    await admin(['create-user', '--username', 'existing.user', '--role', 'contractor', '--name', 'کاربر موجود', '--company', 'شرکت نور', '--password', 'existing-pass-1']);
    const bad = await admin(['import-contractors', path.join(fixtures, 'contractors-invalid.csv')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Nothing imported from');
    expect(bad.stderr).toContain('  row 3: username: already exists\n');
    expect(bad.stderr).toContain('  row 5: username: duplicates row 2\n');

    const good = await admin(['import-contractors', path.join(fixtures, 'contractors-valid.csv')]);
    expect(good.stderr).toBe('');
    expect(good.stdout).toMatch(/^Imported 3 contractor user\(s\) from .*contractors-valid\.csv\.\n {2}nasrin\.jafari: generated password \S+\n$/);

    const list = await admin(['list-users']);
    expect(list.stdout.split('\n')[0]).toMatch(/^username\s+role\s+status\s+name\s+company$/);
    expect(list.stdout).toMatch(/reza\.karimi\s+contractor\s+active\s+رضا کریمی {2}شرکت پیمانکاری نمونه نور/);
    expect(list.stdout).not.toContain('maryam.ok');
    expect(list.stdout).toContain('5 user(s).');
  });

  it('refuses a file that is not UTF-8', async () => {
    const file = path.join(dataDir, 'windows-1256.csv');
    writeFileSync(file, Buffer.from([0x75, 0x2c, 0xe1, 0xed, 0x0a]));
    const run = await admin(['import-contractors', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('is not UTF-8 text: save it as "CSV UTF-8".');
  });

  it('resets a password and disables a user', async () => {
    const reset = await admin(['set-password', '--username', 'sara.ahmadi', '--password', 'a-fresh-password-1']);
    expect(reset.stdout).toBe('Password of "sara.ahmadi" changed.\n');
    const disabled = await admin(['disable-user', '--username', 'sara.ahmadi']);
    expect(disabled.stdout).toBe('Disabled "sara.ahmadi" and ended its sessions.\n');
    expect((await admin(['list-users'])).stdout).toMatch(/sara\.ahmadi\s+supervisor\s+disabled/);
    expect((await admin(['disable-user', '--username', 'nobody'])).code).toBe(1);
  });

  it('writes what it did to the audit log, as the command line', async () => {
    const db = await openDatabase({ sqlitePath: path.join(dataDir, 'ayin.sqlite') });
    try {
      const rows = await db.db.selectFrom('audit_log').select(['actor', 'action', 'target', 'address']).orderBy('at').execute();
      expect(rows).toEqual(
        expect.arrayContaining([
          { actor: 'cli', action: 'user.create', target: 'sara.ahmadi', address: 'cli' },
          { actor: 'cli', action: 'user.disable', target: 'sara.ahmadi', address: 'cli' },
        ]),
      );
      expect(rows.some((r) => r.action === 'contractors.import')).toBe(true);
      // The failed creation and the unknown user left no entry.
      expect(rows.map((r) => r.target)).not.toContain('nobody');
    } finally {
      await db.close();
    }
  });

  it('prints usage for unknown commands and options, exit code 2', async () => {
    for (const args of [['frobnicate'], ['create-user', '--colour', 'blue'], ['create-user', '--role', 'staff'], []]) {
      const run = await admin(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr + run.stdout).toContain('Usage: npm run admin -- <command> [options]');
    }
  });
});

describe('admin CLI on PostgreSQL (DATABASE_URL)', () => {
  let postgres: TestPostgres;
  beforeAll(async () => {
    postgres = await ensureTestPostgres();
  });
  afterAll(() => postgres?.stop());

  it('uses DATABASE_URL instead of the data folder', async () => {
    const env = { DATABASE_URL: postgres.url };
    const created = await admin(['create-user', '--username', 'ali.pg', '--role', 'admin', '--name', 'علی محمدی', '--password', 'admin-password-1'], env);
    expect(created.stderr).toBe('');
    expect((await admin(['list-users'], env)).stdout).toMatch(/ali\.pg\s+admin\s+active/);
    expect((await admin(['list-users'])).stdout).not.toContain('ali.pg');
  });
});
