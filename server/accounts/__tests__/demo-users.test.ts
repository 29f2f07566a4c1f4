/**
 * Demo accounts (public password) exist only when asked for: `npm start` asks on the embedded
 * SQLite default, never for a DATABASE_URL unless AYIN_SAMPLE_ACCOUNTS=1. Through the real
 * server start-up (`openServerDatabase`) on an empty SQLite file and an empty PostgreSQL.
 */
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { readConfig, sampleAccountsOnStart, ConfigError } from '../../config';
import { openServerDatabase } from '../../database';
import { testDatabases, type TestDatabase } from '../../db/__tests__/test-databases';
import { DEMO_ACCOUNTS } from '../demo-users';

const dialects = testDatabases();

/** What `openServerDatabase` reads to find this test database. */
function startEnv(t: TestDatabase): { env: NodeJS.ProcessEnv; dataDir: string } {
  return t.name === 'postgres'
    ? { env: { DATABASE_URL: t.options.url }, dataDir: path.dirname(t.options.sqlitePath) }
    : { env: {}, dataDir: path.dirname(t.options.sqlitePath) };
}

async function startServerDatabase(t: TestDatabase, sampleAccounts: boolean | undefined) {
  const { env, dataDir } = startEnv(t);
  const config = { ...readConfig({ ...env, AYIN_DATA_DIR: dataDir }), sampleAccounts };
  const lines: string[] = [];
  const handle = await openServerDatabase(config, env, (line) => lines.push(line));
  await handle.close();
  const users = await t.db.selectFrom('users').select(['username', 'role']).execute();
  return { lines, users };
}

describe.each(dialects)('demo accounts on $name', (t) => {
  beforeEach(() => t.reset());

  it('an empty database started without the sample flag gets no user, and the start says how to make the first admin', async () => {
    const { lines, users } = await startServerDatabase(t, undefined);
    expect(users).toEqual([]);
    expect(lines.join('\n')).toContain('npm run admin -- create-user --username <name> --role admin');
    const again = await startServerDatabase(t, false);
    expect(again.users).toEqual([]);
  });

  it('are created with the flag, and a later start without it warns while they are enabled', async () => {
    const { users, lines } = await startServerDatabase(t, true);
    expect(users.map((u) => u.username).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.username).sort());
    expect(lines[1]).toMatch(/^Created demo accounts/);
    const later = await startServerDatabase(t, false);
    expect(later.users).toHaveLength(DEMO_ACCOUNTS.length);
    expect(later.lines[1]).toMatch(/^Warning: demo accounts are enabled \(demo\.admin, demo\.approver, /);
  });
});

describe('npm start decides the sample flag', () => {
  const decide = (env: NodeJS.ProcessEnv) => sampleAccountsOnStart(readConfig(env), env);

  it('sets it on the embedded default only, and for a DATABASE_URL only when asked', () => {
    expect(decide({})).toBe(true);
    expect(decide({ DATABASE_URL: 'postgres://ayin@db.internal/ayin' })).toBe(false);
    expect(decide({ DATABASE_URL: 'postgres://ayin@db.internal/ayin', AYIN_SAMPLE_ACCOUNTS: '1' })).toBe(true);
    expect(decide({ AYIN_SAMPLE_ACCOUNTS: '0' })).toBe(false);
  });

  it('names the variable when its value is not a flag', () => {
    expect(() => readConfig({ AYIN_SAMPLE_ACCOUNTS: 'maybe' })).toThrow(new ConfigError('AYIN_SAMPLE_ACCOUNTS must be 1 or 0, got "maybe"'));
  });
});
