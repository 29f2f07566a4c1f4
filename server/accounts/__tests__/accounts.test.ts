/** Users, sessions, sign-in limits, CSV import and demo users, on SQLite and PostgreSQL. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../db/__tests__/test-databases';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, ensureDemoUsers } from '../demo-users';
import { importContractorsCsv } from '../import-contractors';
import { createSignInLimiter } from '../rate-limit';
import { createSessionStore, hashSessionToken } from '../sessions';
import { authenticate, changePassword, createUser, disableUser, enableUser, findUser, listUsers, setPassword } from '../users';
import { AccountInputError } from '../validation';

const dialects = testDatabases();
const fixture = (name: string) => readFileSync(path.resolve(__dirname, '../../../tests/fixtures/accounts', name), 'utf8');

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const staff = { username: 'sara.ahmadi', password: 'sara-password-1', displayName: 'سارا احمدی', role: 'staff' };
const contractor = { username: 'reza.karimi', password: 'reza-password-1', displayName: 'رضا کریمی', role: 'contractor', company: 'شرکت پیمانکاری نمونه نور' };

/** A clock the test moves by hand. */
function manualClock(start = Date.UTC(2026, 2, 21, 6, 0)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe.each(dialects)('accounts on $name', (t) => {
  beforeEach(() => t.reset());

  describe('users', () => {
    it('creates a user with a hashed password and finds it again', async () => {
      const user = await createUser(t.db, { ...contractor, username: ' Reza.Karimi ' });
      expect(user).toMatchObject({ username: 'reza.karimi', role: 'contractor', company: 'شرکت پیمانکاری نمونه نور', disabled: false });
      expect(user.id).toMatch(/^[0-9a-f-]{36}$/);
      const row = await t.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
      expect(row.password_hash).toMatch(/^scrypt\$/);
      expect(row.password_hash).not.toContain('reza-password-1');
      expect(await findUser(t.db, 'REZA.KARIMI')).toEqual(user);
    });

    it('refuses invalid input with every problem, and stores nothing', async () => {
      const error = await createUser(t.db, { username: 'x', password: 'short', displayName: 'Reza', role: 'contractor' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AccountInputError);
      expect((error as AccountInputError).issues.map((i) => i.field)).toEqual(['username', 'password', 'display_name', 'company']);
      expect(await listUsers(t.db)).toEqual([]);
    });

    it('refuses a username that is taken', async () => {
      await createUser(t.db, staff);
      const error = await createUser(t.db, { ...staff, displayName: 'سارا دیگر' }).catch((e: unknown) => e);
      expect((error as AccountInputError).issues).toEqual([{ field: 'username', message: 'already exists', messageFa: 'این نام کاربری پیش‌تر ثبت شده است.' }]);
    });

    it('refuses one of two simultaneous creations of the same username', async () => {
      const results = await Promise.allSettled([createUser(t.db, staff), createUser(t.db, staff)]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
      expect(rejected.reason).toBeInstanceOf(AccountInputError);
      expect(await listUsers(t.db)).toHaveLength(1);
    });

    it('authenticates the right password only, and tells a disabled account apart', async () => {
      const user = await createUser(t.db, staff);
      expect(await authenticate(t.db, 'Sara.Ahmadi', 'sara-password-1')).toEqual({ ok: true, user });
      expect(await authenticate(t.db, 'sara.ahmadi', 'sara-password-2')).toEqual({ ok: false, reason: 'invalid' });
      expect(await authenticate(t.db, 'nobody', 'sara-password-1')).toEqual({ ok: false, reason: 'invalid' });
      expect(await disableUser(t.db, 'sara.ahmadi')).toBe(true);
      expect(await authenticate(t.db, 'sara.ahmadi', 'sara-password-1')).toEqual({ ok: false, reason: 'disabled' });
      expect(await authenticate(t.db, 'sara.ahmadi', 'wrong-password')).toEqual({ ok: false, reason: 'invalid' });
      expect(await enableUser(t.db, 'sara.ahmadi')).toBe(true);
      expect((await authenticate(t.db, 'sara.ahmadi', 'sara-password-1')).ok).toBe(true);
      expect(await disableUser(t.db, 'nobody')).toBe(false);
    });

    it('sets a password (admin reset), validating it', async () => {
      const user = await createUser(t.db, staff);
      await expect(setPassword(t.db, user.id, 'short')).rejects.toBeInstanceOf(AccountInputError);
      await setPassword(t.db, user.id, 'a-brand-new-password');
      expect((await authenticate(t.db, 'sara.ahmadi', 'a-brand-new-password')).ok).toBe(true);
      expect((await authenticate(t.db, 'sara.ahmadi', 'sara-password-1')).ok).toBe(false);
    });
  });

  describe('sessions', () => {
    it('live from sign-in to revocation, and store only a hash of the token', async () => {
      const user = await createUser(t.db, staff);
      const sessions = createSessionStore(t.db);
      const { token, session } = await sessions.create(user.id);
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const rows = await t.db.selectFrom('sessions').selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]!.id).toBe(hashSessionToken(token));
      expect(JSON.stringify(rows)).not.toContain(token);

      const found = await sessions.find(token);
      expect(found).toMatchObject({ id: session.id, csrfToken: session.csrfToken, user: { id: user.id, username: 'sara.ahmadi' } });
      expect(await sessions.find(`${token.slice(0, -1)}${token.endsWith('x') ? 'y' : 'x'}`)).toBeNull();
      expect(await sessions.find('not a token')).toBeNull();
      expect(await sessions.find(undefined)).toBeNull();

      await sessions.revoke(token);
      expect(await sessions.find(token)).toBeNull();
    });

    it('are remembered for cacheMs, forgotten at once on sign-out or password change in this process', async () => {
      const user = await createUser(t.db, staff);
      const clock = manualClock();
      const sessions = createSessionStore(t.db, { now: clock.now, cacheMs: 1000 });
      const first = await sessions.create(user.id);
      const second = await sessions.create(user.id);
      expect(await sessions.find(first.token)).not.toBeNull();
      // Removed behind the store's back (another process): still remembered for under a second…
      await t.db.deleteFrom('sessions').where('id', '=', first.session.id).execute();
      clock.advance(900);
      expect(await sessions.find(first.token)).not.toBeNull();
      // …then asked again, and gone.
      clock.advance(200);
      expect(await sessions.find(first.token)).toBeNull();
      // Revoking through the store forgets at once.
      expect(await sessions.find(second.token)).not.toBeNull();
      await sessions.revokeAllForUser(user.id);
      expect(await sessions.find(second.token)).toBeNull();
    });

    it('end after 12 idle hours, slide while used, and end 7 days after sign-in in any case', async () => {
      const user = await createUser(t.db, staff);
      const clock = manualClock();
      const sessions = createSessionStore(t.db, { now: clock.now });

      const idle = await sessions.create(user.id);
      clock.advance(12 * HOUR - MINUTE);
      expect(await sessions.find(idle.token)).not.toBeNull();
      clock.advance(12 * HOUR - MINUTE); // used a minute before expiry: slid forward
      expect(await sessions.find(idle.token)).not.toBeNull();
      clock.advance(12 * HOUR);
      expect(await sessions.find(idle.token)).toBeNull();

      const busy = await sessions.create(user.id);
      for (let hours = 0; hours < 7 * 24 - 6; hours += 6) {
        clock.advance(6 * HOUR);
        expect(await sessions.find(busy.token), `after ${hours + 6} h`).not.toBeNull();
      }
      clock.advance(6 * HOUR);
      expect(await sessions.find(busy.token)).toBeNull();
    });

    it('are not found for a disabled user, and are deleted with the account’s disabling', async () => {
      const user = await createUser(t.db, staff);
      const sessions = createSessionStore(t.db);
      const { token } = await sessions.create(user.id);
      await t.db.updateTable('users').set({ disabled_at: Date.now() }).execute();
      expect(await sessions.find(token)).toBeNull();
      await disableUser(t.db, 'sara.ahmadi');
      expect(await t.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
    });

    it('purge expired sessions, and revoke all of a user’s but one', async () => {
      const user = await createUser(t.db, staff);
      const clock = manualClock();
      const sessions = createSessionStore(t.db, { now: clock.now, lifetimes: { idleMs: HOUR } });
      const a = await sessions.create(user.id);
      const b = await sessions.create(user.id);
      const c = await sessions.create(user.id);
      expect(await sessions.revokeAllForUser(user.id, b.session.id)).toBe(2);
      expect(await sessions.find(a.token)).toBeNull();
      expect(await sessions.find(c.token)).toBeNull();
      expect(await sessions.find(b.token)).not.toBeNull();
      clock.advance(2 * HOUR);
      expect(await sessions.purgeExpired()).toBe(1);
    });
  });

  describe('password change', () => {
    it('needs the current password, a valid different new one, and ends the other sessions', async () => {
      const user = await createUser(t.db, staff);
      const sessions = createSessionStore(t.db);
      const mine = await sessions.create(user.id);
      const other = await sessions.create(user.id);
      const change = { userId: user.id, keepSessionId: mine.session.id };

      expect(await changePassword(t.db, { ...change, currentPassword: 'wrong-password', newPassword: 'a-brand-new-password' })).toBe('wrong_current_password');
      await expect(changePassword(t.db, { ...change, currentPassword: 'sara-password-1', newPassword: 'short' })).rejects.toBeInstanceOf(AccountInputError);
      await expect(changePassword(t.db, { ...change, currentPassword: 'sara-password-1', newPassword: 'sara-password-1' })).rejects.toThrow(/must differ/);
      expect(await sessions.find(other.token)).not.toBeNull();

      expect(await changePassword(t.db, { ...change, currentPassword: 'sara-password-1', newPassword: 'a-brand-new-password' })).toBe('changed');
      expect((await authenticate(t.db, 'sara.ahmadi', 'a-brand-new-password')).ok).toBe(true);
      expect(await sessions.find(mine.token)).not.toBeNull();
      expect(await sessions.find(other.token)).toBeNull();
    });
  });

  describe('sign-in limits', () => {
    /** One attempt that fails: counted, then recorded as a failure. */
    const fail = async (limiter: ReturnType<typeof createSignInLimiter>, subject: { username: string; ip: string }) => {
      const attempt = await limiter.reserve(subject);
      if (!attempt.allowed) return attempt;
      await attempt.failed();
      return { allowed: true as const };
    };

    it('block a username at one address after 5 failures in 15 minutes, until the oldest leaves the window', async () => {
      const clock = manualClock();
      const limiter = createSignInLimiter(t.db, { now: clock.now });
      const subject = { username: 'sara.ahmadi', ip: '10.1.2.3' };
      for (let i = 0; i < 5; i++) {
        expect(await fail(limiter, subject)).toEqual({ allowed: true });
        clock.advance(MINUTE);
      }
      // Failures at 0..4 min, now 5 min: allowed again at 15 min.
      expect(await limiter.reserve(subject)).toEqual({ allowed: false, retryAfterSeconds: 600 });
      expect(await limiter.reserve({ username: ' SARA.AHMADI ', ip: '10.1.2.3' })).toMatchObject({ allowed: false });
      // The same user from another address, and another user from this one, are not blocked.
      expect(await limiter.reserve({ username: 'sara.ahmadi', ip: '10.9.9.9' })).toMatchObject({ allowed: true });
      expect(await limiter.reserve({ username: 'someone.else', ip: '10.1.2.3' })).toMatchObject({ allowed: true });
      clock.advance(10 * MINUTE);
      expect(await limiter.reserve(subject)).toMatchObject({ allowed: true });
    });

    it('block an address after its own limit, across usernames', async () => {
      const limiter = createSignInLimiter(t.db, { limits: { perIp: { max: 3, windowMs: 15 * MINUTE } } });
      for (const username of ['a.one', 'b.two', 'c.three']) await fail(limiter, { username, ip: '10.1.2.3' });
      expect(await limiter.reserve({ username: 'd.four', ip: '10.1.2.3' })).toMatchObject({ allowed: false });
      expect(await limiter.reserve({ username: 'd.four', ip: '10.1.2.4' })).toMatchObject({ allowed: true });
    });

    it('slow a username failing from many addresses to one attempt per interval, not a lock', async () => {
      const clock = manualClock();
      const limiter = createSignInLimiter(t.db, { now: clock.now });
      for (let i = 0; i < 10; i++) expect(await fail(limiter, { username: 'sara.ahmadi', ip: `10.0.0.${i}` })).toEqual({ allowed: true });
      clock.advance(1000);
      // Past 10 failures: one attempt per 15 s for the username, from anywhere.
      expect(await limiter.reserve({ username: 'sara.ahmadi', ip: '10.0.1.1' })).toEqual({ allowed: false, retryAfterSeconds: 14 });
      expect(await fail(limiter, { username: 'someone.else', ip: '10.0.1.1' })).toEqual({ allowed: true });
      clock.advance(14_000);
      // The owner from a fresh address, after the seconds the answer named, gets through.
      const owner = await limiter.reserve({ username: 'sara.ahmadi', ip: '192.168.5.5' });
      expect(owner).toMatchObject({ allowed: true });
    });

    it('take back a refused attempt, forgive this address after a success, and survive a new limiter (restart)', async () => {
      const subject = { username: 'sara.ahmadi', ip: '10.1.2.3' };
      const first = createSignInLimiter(t.db);
      for (let i = 0; i < 5; i++) await fail(first, subject);
      const rows = async () => (await t.db.selectFrom('login_attempts').select('key').execute()).length;
      expect(await rows()).toBe(15);
      const afterRestart = createSignInLimiter(t.db);
      expect(await afterRestart.reserve(subject)).toMatchObject({ allowed: false });
      expect(await rows()).toBe(15);
      const fromElsewhere = await afterRestart.reserve({ ...subject, ip: '10.1.2.4' });
      if (!fromElsewhere.allowed) throw new Error('refused');
      await fromElsewhere.succeeded();
      // Only the other address's own rows went: 10.1.2.3 is still blocked for this user.
      expect(await rows()).toBe(15);
      expect(await afterRestart.reserve(subject)).toMatchObject({ allowed: false });
    });

    it('prune failures older than the window', async () => {
      const clock = manualClock();
      const limiter = createSignInLimiter(t.db, { now: clock.now });
      await fail(limiter, { username: 'old.one', ip: '10.0.0.1' });
      clock.advance(16 * MINUTE);
      await fail(limiter, { username: 'new.one', ip: '10.0.0.2' });
      const keys = (await t.db.selectFrom('login_attempts').select('key').execute()).map((r) => r.key).sort();
      expect(keys).toEqual(['ip:10.0.0.2', 'pair:10.0.0.2|new.one', 'user:new.one']);
    });
  });

  describe('contractor CSV import', () => {
    it('imports every row of a valid file (Excel CSV UTF-8), generating empty passwords', async () => {
      const result = await importContractorsCsv(t.db, fixture('contractors-valid.csv'));
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.imported.map((u) => [u.row, u.username, u.company])).toEqual([
        [2, 'reza.karimi', 'شرکت پیمانکاری نمونه نور'],
        [3, 'nasrin.jafari', 'شرکت نمونه برق، گروه ۲'],
        [4, 'hamid.sadeghi', 'شرکت پیمانکاری نمونه نور'],
      ]);
      const generated = result.imported.find((u) => u.username === 'nasrin.jafari')!.generatedPassword!;
      expect(generated).toMatch(/^[\w]{4}-[\w]{4}-[\w]{4}-[\w]{4}$/);
      expect(result.imported.filter((u) => u.generatedPassword)).toHaveLength(1);
      expect((await authenticate(t.db, 'nasrin.jafari', generated)).ok).toBe(true);
      expect((await authenticate(t.db, 'reza.karimi', 'noor-pass-1404')).ok).toBe(true);
      const users = await listUsers(t.db);
      expect(users.every((u) => u.role === 'contractor')).toBe(true);
    });

    it('imports nothing when any row is wrong, and names each row and field', async () => {
      await createUser(t.db, { ...contractor, username: 'existing.user' });
      const result = await importContractorsCsv(t.db, fixture('contractors-invalid.csv'));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.errors).toEqual([
        'row 3: username: already exists',
        'row 4: username: must be 3-32 characters of a-z, 0-9, ".", "_" or "-"',
        'row 4: password: must be at least 10 characters',
        'row 4: display_name: must be written in Persian letters',
        'row 4: company: is required for contractors',
        'row 5: username: duplicates row 2',
        'row 6: row: has 6 fields, the header has 4',
      ]);
      for (const problem of result.problems) expect(problem.messageFa).toMatch(/[\u0600-\u06FF]/);
      expect((await listUsers(t.db)).map((u) => u.username)).toEqual(['existing.user']);
    });

    it('checks the header and the file as a whole', async () => {
      const cases: [string, string][] = [
        ['', 'file: the file is empty'],
        ['username,display_name,company,password\n', 'file: there are no rows after the header'],
        ['username,name,company\nx,y,z\n', 'row 1: header: must name the columns username,display_name,company,password (missing: display_name, password) (unknown: name)'],
        ['username,display_name,company,password\n"open,x\n', 'row 2: csv: a quoted field is not closed'],
      ];
      for (const [text, error] of cases) {
        const result = await importContractorsCsv(t.db, text);
        expect(result.ok ? [] : result.errors, JSON.stringify(text)).toEqual([error]);
      }
    });

    it('accepts the columns in any order', async () => {
      const result = await importContractorsCsv(t.db, 'password,company,display_name,username\nleila-pass-1404,شرکت نور,لیلا امینی,leila.amini\n');
      expect(result).toMatchObject({ ok: true, imported: [{ username: 'leila.amini', company: 'شرکت نور', displayName: 'لیلا امینی' }] });
    });
  });

  describe('demo users', () => {
    it('are created, one per role, on the first start only', async () => {
      const first = await ensureDemoUsers(t.db);
      expect(first.created).toBe(true);
      expect(first.accounts.map((a) => a.username)).toEqual(DEMO_ACCOUNTS.map((a) => a.username));
      const users = await listUsers(t.db);
      expect(users.map((u) => u.role).sort()).toEqual(['admin', 'approver', 'contractor', 'editor', 'staff', 'supervisor']);
      expect(users.find((u) => u.role === 'contractor')?.company).toBe('شرکت پیمانکاری نمونه نور');
      expect((await authenticate(t.db, 'demo.admin', DEMO_PASSWORD)).ok).toBe(true);

      await disableUser(t.db, 'demo.admin');
      const second = await ensureDemoUsers(t.db);
      expect(second.created).toBe(false);
      expect(second.accounts.map((a) => a.username)).not.toContain('demo.admin');
      expect(await listUsers(t.db)).toHaveLength(6);
    });

    it('are not created when the database already has users', async () => {
      await createUser(t.db, staff);
      expect(await ensureDemoUsers(t.db)).toEqual({ created: false, accounts: [] });
    });
  });
});
