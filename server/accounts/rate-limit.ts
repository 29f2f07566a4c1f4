/**
 * Sign-in rate limiting. Every attempt first takes a ticket: one row under each of three keys
 * (this address and username together, the address, the username), inserted *before* the
 * password is hashed, and only then counted. So parallel guesses cannot all pass a check made
 * before any of them is recorded: each attempt's count includes every attempt committed before
 * its own row, and the k-th of them sees at least k rows. A refused attempt takes its rows back
 * (it was never hashed); a failed one leaves them as its record; a successful one removes its own
 * rows and forgives this address's failures for this username. Rows live in the database, so
 * a restart forgives nothing and several server processes share the counts.
 *
 * Three rules, so that a lockout is not a denial of service for the real owner:
 * - per address and username (5 in 15 min): what someone guessing one account from one place
 *   meets; the owner signing in from elsewhere is not affected;
 * - per address (30 in 15 min, across usernames): one machine trying many names; looser, since a
 *   whole office may reach the server through one address;
 * - per username from anywhere, a backoff rather than a lock: after 10 failures in 15 min, one
 *   attempt per 15 s. Guessing from many addresses is slowed to a crawl while the owner, retrying
 *   after the seconds the answer names, still gets in.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { normalizeUsername } from './validation';

export interface RateLimitRule {
  readonly max: number;
  readonly windowMs: number;
}

export interface BackoffRule {
  /** Failures (from any address) in `windowMs` after which the backoff starts. */
  readonly afterFailures: number;
  readonly windowMs: number;
  /** Then: at most one attempt for the username per this long. */
  readonly intervalMs: number;
}

export interface SignInLimits {
  readonly perAddressAndUser: RateLimitRule;
  readonly perIp: RateLimitRule;
  readonly perUserBackoff: BackoffRule;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  perAddressAndUser: { max: 5, windowMs: 15 * MINUTE },
  perIp: { max: 30, windowMs: 15 * MINUTE },
  perUserBackoff: { afterFailures: 10, windowMs: 15 * MINUTE, intervalMs: 15 * SECOND },
};

export interface SignInSubject {
  readonly username: string;
  readonly ip: string;
}

/** A counted attempt: say how it ended once the password has been checked. */
export interface SignInTicket {
  readonly allowed: true;
  /** The password was right: this attempt's rows go, and this address's failures for the user. */
  succeeded(): Promise<void>;
  /** The password was wrong: the rows stay as the failure's record. */
  failed(): Promise<void>;
}

export type LimitDecision = SignInTicket | { readonly allowed: false; readonly retryAfterSeconds: number };

export interface SignInLimiter {
  readonly limits: SignInLimits;
  /** Counts the attempt (atomically, before any hashing) and says whether it may go on. */
  reserve(subject: SignInSubject): Promise<LimitDecision>;
}

// Bounded so a megabyte of "username" cannot become a megabyte of key.
const userPart = (username: string) => normalizeUsername(username).slice(0, 64);
const ipPart = (ip: string) => ip.slice(0, 64);
const pairKey = (s: SignInSubject) => `pair:${ipPart(s.ip)}|${userPart(s.username)}`;
const ipKey = (s: SignInSubject) => `ip:${ipPart(s.ip)}`;
const userKey = (s: SignInSubject) => `user:${userPart(s.username)}`;

export function createSignInLimiter(db: Kysely<Database>, options: { limits?: Partial<SignInLimits>; now?: () => number } = {}): SignInLimiter {
  const limits = { ...DEFAULT_SIGN_IN_LIMITS, ...options.limits };
  const now = options.now ?? Date.now;
  const longestWindow = Math.max(limits.perAddressAndUser.windowMs, limits.perIp.windowMs, limits.perUserBackoff.windowMs);

  /** Attempt times under `key` after `since`, newest first (this attempt's own row included). */
  const timesSince = async (key: string, since: number, limit: number) =>
    (
      await db
        .selectFrom('login_attempts')
        .select(['attempted_at', 'ticket'])
        .where('key', '=', key)
        .where('attempted_at', '>', since)
        .orderBy('attempted_at', 'desc')
        .limit(limit)
        .execute()
    ).map((r) => ({ at: Number(r.attempted_at), ticket: r.ticket }));

  /** Seconds until a rule lets this attempt through; 0 when it does now. */
  async function waitUnder(key: string, rule: RateLimitRule, at: number, ticket: string): Promise<number> {
    const rows = await timesSince(key, at - rule.windowMs, rule.max + 1);
    if (rows.length <= rule.max) return 0;
    // Allowed again when the oldest of the other newest `max` attempts leaves the window.
    const others = rows.filter((r) => r.ticket !== ticket).slice(0, rule.max);
    return Math.ceil((others[others.length - 1]!.at + rule.windowMs - at) / SECOND);
  }

  async function waitForBackoff(key: string, rule: BackoffRule, at: number, ticket: string): Promise<number> {
    const recent = await timesSince(key, at - rule.windowMs, rule.afterFailures + 1);
    if (recent.length <= rule.afterFailures) return 0;
    const close = (await timesSince(key, at - rule.intervalMs, 2)).filter((r) => r.ticket !== ticket);
    if (close.length === 0) return 0;
    return Math.ceil((close[0]!.at + rule.intervalMs - at) / SECOND);
  }

  const removeTicket = (ticket: string) => db.deleteFrom('login_attempts').where('ticket', '=', ticket).execute();

  return {
    limits,

    async reserve(subject) {
      const at = now();
      const ticket = randomUUID();
      await db
        .insertInto('login_attempts')
        .values([pairKey(subject), ipKey(subject), userKey(subject)].map((key) => ({ key, attempted_at: at, ticket })))
        .execute();
      const wait = Math.max(
        await waitUnder(pairKey(subject), limits.perAddressAndUser, at, ticket),
        await waitUnder(ipKey(subject), limits.perIp, at, ticket),
        await waitForBackoff(userKey(subject), limits.perUserBackoff, at, ticket),
      );
      if (wait > 0) {
        await removeTicket(ticket);
        return { allowed: false, retryAfterSeconds: Math.max(1, wait) };
      }
      return {
        allowed: true,
        async succeeded() {
          await db.deleteFrom('login_attempts').where((eb) => eb.or([eb('ticket', '=', ticket), eb('key', '=', pairKey(subject))])).execute();
        },
        async failed() {
          await db.deleteFrom('login_attempts').where('attempted_at', '<=', now() - longestWindow).execute();
        },
      };
    },
  };
}
