/**
 * Sign-in rate limiting. Each failed sign-in is a row under two keys, the username and the
 * client's address; while either key has too many failures in the window, sign-in answers
 * 429 without checking the password. Rows live in the database, so a restart forgives nothing.
 *
 * The per-address limit is looser than the per-username one: a whole office may reach the
 * server from one address, and one person's typos must not lock out their colleagues.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { normalizeUsername } from './validation';

export interface RateLimitRule {
  readonly max: number;
  readonly windowMs: number;
}

export interface SignInLimits {
  readonly perUsername: RateLimitRule;
  readonly perIp: RateLimitRule;
}

const MINUTE = 60 * 1000;
export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  perUsername: { max: 5, windowMs: 15 * MINUTE },
  perIp: { max: 30, windowMs: 15 * MINUTE },
};

export interface SignInSubject {
  readonly username: string;
  readonly ip: string;
}

export type LimitDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

export interface SignInLimiter {
  readonly limits: SignInLimits;
  check(subject: SignInSubject): Promise<LimitDecision>;
  recordFailure(subject: SignInSubject): Promise<void>;
  /** After a successful sign-in: the username's failures are forgiven (the address's are not). */
  clearUsername(username: string): Promise<void>;
}

// Bounded so a megabyte of "username" cannot become a megabyte of key.
const usernameKey = (username: string) => `user:${normalizeUsername(username).slice(0, 64)}`;
const ipKey = (ip: string) => `ip:${ip.slice(0, 64)}`;

export function createSignInLimiter(db: Kysely<Database>, options: { limits?: Partial<SignInLimits>; now?: () => number } = {}): SignInLimiter {
  const limits = { ...DEFAULT_SIGN_IN_LIMITS, ...options.limits };
  const now = options.now ?? Date.now;
  const longestWindow = Math.max(limits.perUsername.windowMs, limits.perIp.windowMs);

  /** Seconds until the key is under its limit again; 0 when it is under it now. */
  async function waitFor(key: string, rule: RateLimitRule, at: number): Promise<number> {
    const recent = await db
      .selectFrom('login_attempts')
      .select('attempted_at')
      .where('key', '=', key)
      .where('attempted_at', '>', at - rule.windowMs)
      .orderBy('attempted_at', 'desc')
      .limit(rule.max)
      .execute();
    if (recent.length < rule.max) return 0;
    // Allowed again when the oldest of the last `max` failures leaves the window.
    const oldest = Number(recent[recent.length - 1]!.attempted_at);
    return Math.max(1, Math.ceil((oldest + rule.windowMs - at) / 1000));
  }

  return {
    limits,

    async check({ username, ip }) {
      const at = now();
      const wait = Math.max(await waitFor(usernameKey(username), limits.perUsername, at), await waitFor(ipKey(ip), limits.perIp, at));
      return wait > 0 ? { allowed: false, retryAfterSeconds: wait } : { allowed: true };
    },

    async recordFailure({ username, ip }) {
      const at = now();
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('login_attempts').where('attempted_at', '<=', at - longestWindow).execute();
        await trx
          .insertInto('login_attempts')
          .values([
            { key: usernameKey(username), attempted_at: at },
            { key: ipKey(ip), attempted_at: at },
          ])
          .execute();
      });
    },

    async clearUsername(username) {
      await db.deleteFrom('login_attempts').where('key', '=', usernameKey(username)).execute();
    },
  };
}
