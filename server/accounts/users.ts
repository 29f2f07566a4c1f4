/** Users: creation with validation, credentials, password changes, disabling. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../db/errors';
import type { PublicUser } from '../../src/api/auth';
import type { Database, UserRow } from '../db/schema';
import { dummyPasswordHash, hashPassword, MAX_PASSWORD_LENGTH, needsRehash, verifyPassword } from './password';
import { audienceOfRole, ROLE_LABELS, type Role } from './roles';
import { loadOrganisationIndex } from '../inbox/user-organisations';
import { AccountInputError, normalizeUsername, passwordIssues, validateNewUser, type NewUserInput, type ValidUser } from './validation';

/** A user as the rest of the server sees it: never the password hash. */
export interface User {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly company: string | null;
  readonly createdAt: number;
  readonly disabled: boolean;
}

/** The JSON the API sends about a user: the contract's shape (src/api/auth.ts). */
export type { PublicUser };

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    company: row.company,
    createdAt: Number(row.created_at),
    disabled: row.disabled_at !== null,
  };
}

export function toPublicUser(user: User): PublicUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    roleLabel: ROLE_LABELS[user.role],
    company: user.company,
    audience: audienceOfRole(user.role),
  };
}

const ALREADY_EXISTS = { field: 'username', message: 'already exists', messageFa: 'این نام کاربری پیش‌تر ثبت شده است.' } as const;

/** The row to insert for a validated user (hashing is the slow part: do it outside transactions). */
export interface OrganisationLinks {
  readonly companyId: string | null;
  readonly unitId: string | null;
}

export async function userRowFor(user: ValidUser, now: number, links: OrganisationLinks = { companyId: null, unitId: null }): Promise<UserRow> {
  return {
    id: randomUUID(),
    username: user.username,
    display_name: user.displayName,
    role: user.role,
    company: user.company,
    company_id: links.companyId,
    unit_id: links.unitId,
    password_hash: await hashPassword(user.password),
    created_at: now,
    disabled_at: null,
    email: user.email ?? null,
    email_opt_in: 1,
    phone: user.phone ?? null,
  };
}

const EMAIL_TAKEN = { field: 'email', message: 'is already given to another user', messageFa: 'این نشانی رایانامه پیش‌تر برای کاربر دیگری ثبت شده است.' } as const;

/** Creates a user; throws `AccountInputError` listing every problem, the username taken included. */
export async function createUser(db: Kysely<Database>, input: NewUserInput, now = Date.now()): Promise<User> {
  // A company chosen by code gives the free-text company its name; an unknown code is a problem at its field.
  const organisations = (await loadOrganisationIndex(db)).resolve(input);
  const { value, issues } = validateNewUser({ ...input, company: organisations.companyName ?? input.company });
  const allIssues = [...issues, ...organisations.problems];
  if (!value || allIssues.length) throw new AccountInputError(allIssues);
  if (await findUserRow(db, value.username)) throw new AccountInputError([ALREADY_EXISTS]);
  if (value.email && (await db.selectFrom('users').select('id').where('email', '=', value.email).executeTakeFirst())) throw new AccountInputError([EMAIL_TAKEN]);
  const row = await userRowFor(value, now, organisations);
  try {
    await db.insertInto('users').values(row).execute();
  } catch (error) {
    // Someone took the name (or the address) between our check and the insert.
    if (isUniqueViolation(error)) throw new AccountInputError([value.email && (await findUserRow(db, value.username)) === undefined ? EMAIL_TAKEN : ALREADY_EXISTS]);
    throw error;
  }
  return toUser(row);
}

export async function findUserRow(db: Kysely<Database>, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', normalizeUsername(username)).executeTakeFirst();
}

export async function findUser(db: Kysely<Database>, username: string): Promise<User | undefined> {
  const row = await findUserRow(db, username);
  return row && toUser(row);
}

export async function getUser(db: Kysely<Database>, id: string): Promise<User | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toUser(row);
}

export async function listUsers(db: Kysely<Database>): Promise<User[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('role').orderBy('username').execute();
  return rows.map(toUser);
}

export type Authentication =
  | { readonly ok: true; readonly user: User }
  | { readonly ok: false; readonly reason: 'invalid' | 'disabled' };

/**
 * Checks a username and password. An unknown username costs the same scrypt work as a wrong
 * password, so timing does not tell which names exist. A disabled account is reported as
 * such only to someone who knows its password.
 */
export async function authenticate(db: Kysely<Database>, username: string, password: string): Promise<Authentication> {
  const row = password.length <= MAX_PASSWORD_LENGTH ? await findUserRow(db, username) : undefined;
  const matches = await verifyPassword(password, row?.password_hash ?? (await dummyPasswordHash()));
  if (!row || !matches) return { ok: false, reason: 'invalid' };
  if (row.disabled_at !== null) return { ok: false, reason: 'disabled' };
  // Hashes made with an older, cheaper setting are upgraded while the password is at hand.
  if (needsRehash(row.password_hash)) {
    await db.updateTable('users').set({ password_hash: await hashPassword(password) }).where('id', '=', row.id).execute();
  }
  return { ok: true, user: toUser(row) };
}

/** Sets a new password (validated); the caller decides which sessions to end. */
export async function setPassword(db: Kysely<Database>, userId: string, newPassword: string): Promise<void> {
  const user = await getUser(db, userId);
  if (!user) throw new Error(`No user with id ${userId}`);
  const issues = passwordIssues(newPassword, user.username);
  if (issues.length) throw new AccountInputError(issues);
  await db.updateTable('users').set({ password_hash: await hashPassword(newPassword) }).where('id', '=', userId).execute();
}

/** Disables an account and ends its sessions, in one transaction. False when there is no such user. */
export async function disableUser(db: Kysely<Database>, username: string, now = Date.now()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await findUserRow(trx, username);
    if (!row) return false;
    if (row.disabled_at === null) await trx.updateTable('users').set({ disabled_at: now }).where('id', '=', row.id).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', row.id).execute();
    return true;
  });
}

export async function enableUser(db: Kysely<Database>, username: string): Promise<boolean> {
  const result = await db.updateTable('users').set({ disabled_at: null }).where('username', '=', normalizeUsername(username)).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export type PasswordChange = 'changed' | 'wrong_current_password';

/**
 * Changes a password after checking the current one, and ends the user's other sessions in
 * the same transaction (a stolen session dies with the old password).
 */
export async function changePassword(
  db: Kysely<Database>,
  change: { userId: string; currentPassword: string; newPassword: string; keepSessionId?: string },
): Promise<PasswordChange> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', change.userId).executeTakeFirst();
  if (!row) throw new Error(`No user with id ${change.userId}`);
  if (!(await verifyPassword(change.currentPassword, row.password_hash))) return 'wrong_current_password';
  const issues = passwordIssues(change.newPassword, row.username);
  if (!issues.length && change.newPassword === change.currentPassword) {
    issues.push({ field: 'password', message: 'must differ from the current password', messageFa: 'گذرواژهٔ تازه باید با گذرواژهٔ کنونی فرق داشته باشد.' });
  }
  if (issues.length) throw new AccountInputError(issues);
  const hash = await hashPassword(change.newPassword);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: hash }).where('id', '=', row.id).execute();
    let others = trx.deleteFrom('sessions').where('user_id', '=', row.id);
    if (change.keepSessionId) others = others.where('id', '<>', change.keepSessionId);
    await others.execute();
  });
  return 'changed';
}
