/**
 * Sign-in sessions. The cookie carries a random 32-byte token; the database keeps only its
 * SHA-256, so a copy of the table cannot be turned back into cookies. A session ends after
 * 12 hours without use or 7 days after sign-in, whichever comes first.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, SessionRow } from '../db/schema';
import { newCsrfToken } from './csrf';
import { toUser, type User } from './users';

export interface SessionLifetimes {
  /** Ends a session not used for this long. */
  readonly idleMs: number;
  /** Ends a session this long after sign-in, however busy. */
  readonly absoluteMs: number;
}

const HOUR = 60 * 60 * 1000;
export const DEFAULT_SESSION_LIFETIMES: SessionLifetimes = { idleMs: 12 * HOUR, absoluteMs: 7 * 24 * HOUR };

export interface ActiveSession {
  readonly id: string;
  readonly user: User;
  readonly csrfToken: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  /** When the user last re-entered their password in this session (admin actions need it recent). */
  readonly confirmedAt: number | null;
}

export interface SessionStoreOptions {
  readonly lifetimes?: Partial<SessionLifetimes>;
  readonly now?: () => number;
  /**
   * Extend a session's idle expiry at most this often: a write on every request would make
   * each read of a page a database write.
   */
  readonly touchIntervalMs?: number;
  /**
   * Remember a looked-up session this long (default 0: always ask the database). Every API
   * request reads its session; a second's memory halves the queries of a quiz being answered.
   * Sign-out and password changes in this process forget at once; a user disabled from another
   * process (the admin CLI) is refused at the latest this much later.
   */
  readonly cacheMs?: number;
}

export interface SessionStore {
  readonly lifetimes: SessionLifetimes;
  /** Starts a session; the token is for the cookie and is not stored. */
  create(userId: string): Promise<{ token: string; session: ActiveSession }>;
  /** The live session of a cookie token, its expiry slid forward; null when there is none. */
  find(token: string | undefined): Promise<ActiveSession | null>;
  revoke(token: string): Promise<void>;
  /** Records that the session's user has just re-entered their password. */
  confirm(sessionId: string): Promise<number>;
  /** Ends all of a user's sessions, or all but one (after a password change). */
  revokeAllForUser(userId: string, exceptSessionId?: string): Promise<number>;
  purgeExpired(): Promise<number>;
}

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function createSessionStore(db: Kysely<Database>, options: SessionStoreOptions = {}): SessionStore {
  const lifetimes = { ...DEFAULT_SESSION_LIFETIMES, ...options.lifetimes };
  const now = options.now ?? Date.now;
  const touchIntervalMs = options.touchIntervalMs ?? 60_000;
  const cacheMs = options.cacheMs ?? 0;
  const remembered = new Map<string, { session: ActiveSession; until: number }>();
  const forgetUser = (userId: string, exceptSessionId?: string) => {
    for (const [id, entry] of remembered) if (entry.session.user.id === userId && id !== exceptSessionId) remembered.delete(id);
  };
  const expiryFrom = (createdAt: number, seenAt: number) => Math.min(createdAt + lifetimes.absoluteMs, seenAt + lifetimes.idleMs);

  return {
    lifetimes,

    async create(userId) {
      const token = randomBytes(32).toString('base64url');
      const at = now();
      const row: SessionRow = { id: hashSessionToken(token), user_id: userId, csrf_token: newCsrfToken(), created_at: at, last_seen_at: at, expires_at: expiryFrom(at, at), confirmed_at: null };
      await db.deleteFrom('sessions').where('expires_at', '<=', at).execute();
      await db.insertInto('sessions').values(row).execute();
      const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
      return { token, session: { id: row.id, user: toUser(user), csrfToken: row.csrf_token, createdAt: at, expiresAt: row.expires_at, confirmedAt: null } };
    },

    async find(token) {
      if (!token || !TOKEN_PATTERN.test(token)) return null;
      const at = now();
      const id = hashSessionToken(token);
      const memory = remembered.get(id);
      if (memory && memory.until > at && memory.session.expiresAt > at) return memory.session;
      const row = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .selectAll('users')
        .select(['sessions.id as session_id', 'sessions.csrf_token', 'sessions.created_at as session_created_at', 'sessions.expires_at', 'sessions.last_seen_at', 'sessions.confirmed_at'])
        .where('sessions.id', '=', id)
        .where('sessions.expires_at', '>', at)
        .where('users.disabled_at', 'is', null)
        .executeTakeFirst();
      if (!row) {
        remembered.delete(id);
        return null;
      }
      const createdAt = Number(row.session_created_at);
      let expiresAt = Number(row.expires_at);
      if (at - Number(row.last_seen_at) >= touchIntervalMs) {
        expiresAt = expiryFrom(createdAt, at);
        await db.updateTable('sessions').set({ last_seen_at: at, expires_at: expiresAt }).where('id', '=', row.session_id).execute();
      }
      const { session_id, csrf_token, session_created_at: _c, expires_at: _e, last_seen_at: _l, confirmed_at, ...user } = row;
      const session = { id: session_id, user: toUser(user), csrfToken: csrf_token, createdAt, expiresAt, confirmedAt: confirmed_at === null ? null : Number(confirmed_at) };
      if (cacheMs > 0) {
        if (remembered.size > 10_000) remembered.clear(); // bounded: a flood of sessions cannot grow it
        remembered.set(id, { session, until: at + cacheMs });
      }
      return session;
    },

    async revoke(token) {
      if (!TOKEN_PATTERN.test(token)) return;
      remembered.delete(hashSessionToken(token));
      await db.deleteFrom('sessions').where('id', '=', hashSessionToken(token)).execute();
    },

    async confirm(sessionId) {
      const at = now();
      remembered.delete(sessionId);
      await db.updateTable('sessions').set({ confirmed_at: at }).where('id', '=', sessionId).execute();
      return at;
    },

    async revokeAllForUser(userId, exceptSessionId) {
      forgetUser(userId, exceptSessionId);
      let query = db.deleteFrom('sessions').where('user_id', '=', userId);
      if (exceptSessionId) query = query.where('id', '<>', exceptSessionId);
      const result = await query.executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async purgeExpired() {
      const result = await db.deleteFrom('sessions').where('expires_at', '<=', now()).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
