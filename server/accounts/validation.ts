/**
 * Rules for account data, as pure functions: used by the user service, the CSV import, the
 * admin CLI and the API alike. Each problem names its field (the column names of the CSV and
 * the database) and says what is wrong in English (CLI, CSV reports) and Persian (the UI).
 */
import { toAsciiDigits } from '../../src/domain/digits';
import { companyNameCharacterProblem } from './company-name';
import { ROLES, isRole, type Role } from './roles';

export const USERNAME_PATTERN = /^[a-z0-9._-]{3,32}$/;
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_INPUT = 256;
const MAX_NAME_LENGTH = 100;
const MAX_COMPANY_LENGTH = 120;

export type AccountField = 'username' | 'password' | 'display_name' | 'role' | 'company' | 'unit' | 'email' | 'phone';

export interface FieldIssue {
  readonly field: AccountField;
  /** English, for the CLI and the CSV import report. */
  readonly message: string;
  /** Persian, for the UI. */
  readonly messageFa: string;
}

export class AccountInputError extends Error {
  constructor(readonly issues: readonly FieldIssue[]) {
    super(issues.map((i) => `${i.field}: ${i.message}`).join('; '));
  }
}

export interface NewUserInput {
  readonly username: string;
  readonly password: string;
  readonly displayName: string;
  readonly role: string;
  readonly company?: string | null;
  /** The company and unit by code (content/organisations.yml ids); server/inbox/user-organisations.ts resolves them. */
  readonly companyCode?: string | null;
  readonly unitCode?: string | null;
  /** Where reminders are mailed (optional). */
  readonly email?: string | null;
  /** Where reminders are texted (optional): an Iranian mobile number, Persian or Latin digits. */
  readonly phone?: string | null;
}

export interface ValidUser {
  readonly username: string;
  readonly password: string;
  readonly displayName: string;
  readonly role: Role;
  readonly company: string | null;
  /** Lower-case; null: none given (reminders stay in the inbox). */
  readonly email?: string | null;
  /** `09xxxxxxxxx` in Latin digits; null: none given (no SMS). */
  readonly phone?: string | null;
}

/** Usernames are compared lower-case, without surrounding spaces. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C]/g;
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

/**
 * Persian text as stored: NFC, Arabic yeh and kaf as their Persian letters (what a Persian
 * keyboard types; names then sort and match as one), no bidi controls, single spaces.
 */
export function normalizePersianText(text: string): string {
  return text
    .normalize('NFC')
    .replace(BIDI_CONTROLS, '')
    .replace(/[\u064A\u0649]/g, 'ی')
    .replace(/\u0643/g, 'ک')
    .replace(/[\s\u00A0]+/g, ' ')
    .trim();
}

const ARABIC_SCRIPT_LETTER = /\p{Script=Arabic}/u;
const LATIN_LETTER = /\p{Script=Latin}/u;
// Persian letters, ZWNJ, spaces, digits and the punctuation of names: «» ( ) . - ، ـ
const NAME_CHARACTER = /^[\p{Script=Arabic}\p{Nd}\u200C .\-()«»]$/u;

function issue(field: AccountField, message: string, messageFa: string): FieldIssue {
  return { field, message, messageFa };
}

export function usernameIssues(username: string): FieldIssue[] {
  if (username === '') return [issue('username', 'is required', 'نام کاربری را وارد کنید.')];
  if (!USERNAME_PATTERN.test(username)) {
    return [
      issue(
        'username',
        'must be 3-32 characters of a-z, 0-9, ".", "_" or "-"',
        'نام کاربری باید ۳ تا ۳۲ نویسه از حروف کوچک انگلیسی، رقم، نقطه، زیرخط یا خط تیره باشد.',
      ),
    ];
  }
  return [];
}

export function passwordIssues(password: string, username?: string): FieldIssue[] {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) {
    return [issue('password', `must be at least ${MIN_PASSWORD_LENGTH} characters`, 'گذرواژه باید دست‌کم ۱۰ نویسه باشد.')];
  }
  if (length > MAX_PASSWORD_INPUT) {
    return [issue('password', `must be at most ${MAX_PASSWORD_INPUT} characters`, 'گذرواژه نباید بیش از ۲۵۶ نویسه باشد.')];
  }
  if (username && password.trim().toLowerCase() === username) {
    return [issue('password', 'must not be the username', 'گذرواژه نباید همان نام کاربری باشد.')];
  }
  return [];
}

export function displayNameIssues(displayName: string): FieldIssue[] {
  if (displayName === '') return [issue('display_name', 'is required', 'نام و نام خانوادگی را وارد کنید.')];
  if ([...displayName].length > MAX_NAME_LENGTH) {
    return [issue('display_name', `must be at most ${MAX_NAME_LENGTH} characters`, 'نام نباید بیش از ۱۰۰ نویسه باشد.')];
  }
  if (!ARABIC_SCRIPT_LETTER.test(displayName) || LATIN_LETTER.test(displayName) || ![...displayName].every((ch) => NAME_CHARACTER.test(ch))) {
    return [issue('display_name', 'must be written in Persian letters', 'نام را با حروف فارسی بنویسید.')];
  }
  return [];
}

export function companyIssues(role: Role | undefined, company: string): FieldIssue[] {
  if (role === 'contractor') {
    if (company === '') return [issue('company', 'is required for contractors', 'نام شرکت پیمانکار را وارد کنید.')];
    if ([...company].length > MAX_COMPANY_LENGTH) {
      return [issue('company', `must be at most ${MAX_COMPANY_LENGTH} characters`, 'نام شرکت نباید بیش از ۱۲۰ نویسه باشد.')];
    }
    if (!/\p{L}/u.test(company) || CONTROL.test(company)) {
      return [issue('company', 'must be a company name', 'نام شرکت معتبر نیست.')];
    }
    const problem = companyNameCharacterProblem(company);
    return problem ? [issue('company', problem.message, problem.messageFa)] : [];
  }
  if (company !== '') return [issue('company', 'only contractors belong to a company', 'تنها پیمانکاران به شرکت وابسته‌اند.')];
  return [];
}

const MAX_EMAIL_LENGTH = 254;
// One @, a dot in the domain, no spaces or angle brackets: what a mail server will accept from a
// form, not the whole of RFC 5322 (quoted local parts are not addresses people type).
const EMAIL_PATTERN = /^[^\s@<>(),;:"\[\]]+@[^\s@<>(),;:"\[\]]+\.[^\s@<>(),;:"\[\]]+$/u;

/** Addresses are compared lower-case, without surrounding spaces. */
export const normalizeEmail = (email: string) => email.normalize('NFC').trim().toLowerCase();

export function emailIssues(email: string): FieldIssue[] {
  if (email === '') return [];
  if ([...email].length > MAX_EMAIL_LENGTH) return [issue('email', `must be at most ${MAX_EMAIL_LENGTH} characters`, 'نشانی رایانامه بیش از حد بلند است.')];
  if (!EMAIL_PATTERN.test(email) || CONTROL.test(email)) return [issue('email', 'must be an e-mail address (name@example.ir)', 'نشانی رایانامه معتبر نیست (نمونه: name@example.ir).')];
  return [];
}

/**
 * An Iranian mobile number as people type it — Persian, Arabic-Indic or Latin digits, with
 * spaces or dashes, `+98`/`0098` for the leading 0 — as the SMS gateway takes it: `09xxxxxxxxx`.
 */
export function normalizePhone(phone: string): string {
  const compact = toAsciiDigits(phone.normalize('NFC')).replace(/[\s\u200C\u200E\u200F-]/g, '');
  return compact.replace(/^(\+98|0098)(?=9)/, '0');
}

export function phoneIssues(phone: string): FieldIssue[] {
  if (phone === '' || /^09\d{9}$/.test(phone)) return [];
  return [issue('phone', 'must be an Iranian mobile number (09121234567)', 'شمارهٔ همراه معتبر نیست؛ یازده رقم و با ۰۹ آغاز شود (نمونه: ۰۹۱۲۱۲۳۴۵۶۷).')];
}

/** Checks and normalises a new user; the issues are empty exactly when `value` is set. */
export function validateNewUser(input: NewUserInput): { value?: ValidUser; issues: FieldIssue[] } {
  const username = normalizeUsername(String(input.username ?? ''));
  const displayName = normalizePersianText(String(input.displayName ?? ''));
  const company = normalizePersianText(String(input.company ?? ''));
  const password = String(input.password ?? '');
  const role = isRole(input.role) ? input.role : undefined;
  const email = normalizeEmail(String(input.email ?? ''));
  const phone = normalizePhone(String(input.phone ?? ''));
  const issues = [
    ...usernameIssues(username),
    ...passwordIssues(password, username),
    ...displayNameIssues(displayName),
    ...(role ? [] : [issue('role', `must be one of ${ROLES.join(', ')}`, 'نقش کاربر معتبر نیست.')]),
    ...companyIssues(role, company),
    ...emailIssues(email),
    ...phoneIssues(phone),
  ];
  if (issues.length || !role) return { issues };
  return { value: { username, password, displayName, role, company: company || null, email: email || null, phone: phone || null }, issues };
}
