/** The parts of accounts that need no database: hashing, CSRF, validation, CSV, roles. */
import { describe, expect, it } from 'vitest';
import { csrfTokensMatch, newCsrfToken } from '../csrf';
import { CsvSyntaxError, parseCsv } from '../csv';
import { DEMO_ACCOUNTS, demoSignInHelp } from '../demo-users';
import { generatePassword, hashPassword, needsRehash, verifyPassword } from '../password';
import { audienceOfRole, ROLE_LABELS, ROLES } from '../roles';
import { normalizePersianText, validateNewUser } from '../validation';

describe('password hashing', () => {
  it('stores scrypt$N$r$p$salt$hash with a random salt', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^scrypt\$32768\$8\$3\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(a).not.toBe(b);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('گذرواژهٔ-بلند-۱۴۰۴');
    expect(await verifyPassword('گذرواژهٔ-بلند-۱۴۰۴', stored)).toBe(true);
    expect(await verifyPassword('گذرواژهٔ-بلند-۱۴۰۳', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('treats the same password typed in another Unicode form as the same (NFKC)', async () => {
    const stored = await hashPassword('password-ﻻ-123');
    expect(await verifyPassword('password-لا-123', stored)).toBe(true);
  });

  it('refuses malformed or absurd stored hashes instead of throwing', async () => {
    for (const stored of ['', 'plain', 'bcrypt$x', 'scrypt$3$8$1$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA==', 'scrypt$1073741824$8$1$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA==']) {
      expect(await verifyPassword('whatever1234', stored), stored).toBe(false);
    }
  });

  it('verifies hashes made with other parameters, and says they need a rehash', async () => {
    const weak = await hashPassword('correct horse battery', { N: 1024, r: 8, p: 1 });
    expect(await verifyPassword('correct horse battery', weak)).toBe(true);
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(await hashPassword('correct horse battery'))).toBe(false);
  });

  it('generates readable random passwords long enough for the rules', () => {
    const passwords = new Set(Array.from({ length: 50 }, generatePassword));
    expect(passwords.size).toBe(50);
    for (const p of passwords) expect(p).toMatch(/^([a-km-zA-HJ-NP-Z2-9]{4}-){3}[a-km-zA-HJ-NP-Z2-9]{4}$/);
  });
});

describe('CSRF tokens', () => {
  it('match only the same token, whatever is sent instead', () => {
    const token = newCsrfToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(csrfTokensMatch(token, token)).toBe(true);
    expect(csrfTokensMatch(token, newCsrfToken())).toBe(false);
    expect(csrfTokensMatch(token, token.slice(0, -1))).toBe(false);
    for (const given of [undefined, '', ['a'], 42, 'x'.repeat(10_000)]) expect(csrfTokensMatch(token, given)).toBe(false);
  });
});

describe('new user validation', () => {
  const valid = { username: 'ali.rezaei', password: 'a-long-password', displayName: 'علی رضایی', role: 'staff' };

  it('accepts a valid user and normalises it', () => {
    const { value, issues } = validateNewUser({ ...valid, username: '  Ali.Rezaei ', displayName: ' علي   رضايي ' });
    expect(issues).toEqual([]);
    expect(value).toEqual({ username: 'ali.rezaei', password: 'a-long-password', displayName: 'علی رضایی', role: 'staff', company: null, email: null, phone: null });
  });

  it.each([
    [{ username: 'ab' }, 'username', 'must be 3-32 characters of a-z, 0-9, ".", "_" or "-"'],
    [{ username: 'علی' }, 'username', 'must be 3-32 characters of a-z, 0-9, ".", "_" or "-"'],
    [{ username: 'a'.repeat(33) }, 'username', 'must be 3-32 characters of a-z, 0-9, ".", "_" or "-"'],
    [{ username: 'ali rezaei' }, 'username', 'must be 3-32 characters of a-z, 0-9, ".", "_" or "-"'],
    [{ password: 'short-pw' }, 'password', 'must be at least 10 characters'],
    [{ password: 'Ali.Rezaei' }, 'password', 'must not be the username'],
    [{ password: 'x'.repeat(257) }, 'password', 'must be at most 256 characters'],
    [{ displayName: '' }, 'display_name', 'is required'],
    [{ displayName: '   ' }, 'display_name', 'is required'],
    [{ displayName: 'Ali Rezaei' }, 'display_name', 'must be written in Persian letters'],
    [{ displayName: 'علی Rezaei' }, 'display_name', 'must be written in Persian letters'],
    [{ displayName: 'علی<script>' }, 'display_name', 'must be written in Persian letters'],
    [{ role: 'root' }, 'role', 'must be one of staff, contractor, editor, approver, supervisor, admin'],
    [{ role: 'contractor' }, 'company', 'is required for contractors'],
    [{ role: 'staff', company: 'شرکت نور' }, 'company', 'only contractors belong to a company'],
  ])('%o → %s: %s', (change, field, message) => {
    const { value, issues } = validateNewUser({ ...valid, ...change });
    expect(value).toBeUndefined();
    expect(issues).toContainEqual(expect.objectContaining({ field, message }));
    for (const issue of issues) expect(issue.messageFa).toMatch(/[\u0600-\u06FF]/);
  });

  it('reports every problem at once', () => {
    const { issues } = validateNewUser({ username: 'A', password: 'x', displayName: 'Ali', role: 'contractor' });
    expect(issues.map((i) => i.field)).toEqual(['username', 'password', 'display_name', 'company']);
  });

  it('accepts Persian names with ZWNJ, parentheses and digits, and contractor companies', () => {
    expect(validateNewUser({ ...valid, displayName: 'محمدحسین نیک‌پور (کارشناس ۲)' }).issues).toEqual([]);
    expect(validateNewUser({ ...valid, role: 'contractor', company: 'شرکت پیمانکاری نمونه نور' }).value?.company).toBe('شرکت پیمانکاری نمونه نور');
  });

  it('normalises Arabic letters and bidi marks in stored Persian text', () => {
    expect(normalizePersianText('\u200Fكريمي\u00A0 ')).toBe('کریمی');
  });
});

describe('roles', () => {
  it('name every role in Persian and map roles to what they may read', () => {
    expect(Object.keys(ROLE_LABELS)).toEqual([...ROLES]);
    expect(audienceOfRole('contractor')).toBe('contractor');
    expect(audienceOfRole('staff')).toBe('staff');
    expect(audienceOfRole('admin')).toBe('staff');
    expect(audienceOfRole(undefined)).toBe('public');
  });

  it('has valid demo accounts, one per role', () => {
    expect(DEMO_ACCOUNTS.map((a) => a.role).sort()).toEqual([...ROLES].sort());
    for (const account of DEMO_ACCOUNTS) expect(validateNewUser(account).issues, account.username).toEqual([]);
  });

  it('print how to sign in with the demo accounts, or nothing when there are none', () => {
    const lines = demoSignInHelp({ created: true, accounts: DEMO_ACCOUNTS.slice(0, 2) });
    expect(lines).toEqual([
      'Created demo accounts (sample installation only; password "ayin-demo-1234" unless changed):',
      '  demo.staff       staff',
      '  demo.contractor  contractor',
      'Disable them before real use: npm run admin -- disable-user --username <name>',
    ]);
    expect(demoSignInHelp({ created: false, accounts: [] })).toEqual([]);
  });
});

describe('CSV reading', () => {
  it('reads quoted fields, doubled quotes, line breaks in quotes, CRLF and a BOM', () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n\r\nplain,,end\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', 'two\nlines'] },
      { line: 5, fields: ['plain', '', 'end'] },
    ]);
  });

  it('reads a last line without a newline, and an empty quoted field', () => {
    expect(parseCsv('a,b\n"",x')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['', 'x'] },
    ]);
    expect(parseCsv('')).toEqual([]);
  });

  it('says where the CSV is malformed', () => {
    expect(() => parseCsv('a,b\n"open,x\n')).toThrow(new CsvSyntaxError(2, 'a quoted field is not closed'));
    expect(() => parseCsv('a,b\nx"y,z\n')).toThrow(/^line 2: a quote inside an unquoted field/);
    expect(() => parseCsv('a,b\n"x"y,z\n')).toThrow(/^line 2: text after a closing quote/);
  });
});
