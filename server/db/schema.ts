/**
 * The database's tables as TypeScript types: the one description of the schema that queries
 * are checked against. Migrations (`migrations/`) create the same shape on SQLite and
 * PostgreSQL.
 *
 * Times are epoch milliseconds (`bigint` columns, read back as JS numbers on both dialects):
 * integer comparisons behave the same everywhere, unlike text timestamps under a collation.
 */
import type { Insertable, Selectable, Updateable } from 'kysely';

export const ROLES = ['staff', 'contractor', 'editor', 'approver', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface UsersTable {
  /** A random UUID: ids appear in URLs and must not be guessable in sequence. */
  id: string;
  username: string;
  /** Persian, as shown in the UI and printed on certificates. */
  display_name: string;
  role: Role;
  /** The contractor company; required for contractors (a CHECK constraint), null otherwise. */
  company: string | null;
  /** `scrypt$N$r$p$salt$hash` (see server/accounts/password.ts). */
  password_hash: string;
  created_at: number;
  /** When the account was disabled; null while it is active. */
  disabled_at: number | null;
}

export interface SessionsTable {
  /** SHA-256 (hex) of the cookie token: a leaked table cannot be replayed as cookies. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: number;
  /** min(created_at + absolute lifetime, last_seen_at + idle lifetime). */
  expires_at: number;
  last_seen_at: number;
}

/** One failed sign-in per row, under a key such as `user:ali` or `ip:10.0.0.7`. */
export interface LoginAttemptsTable {
  key: string;
  attempted_at: number;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
