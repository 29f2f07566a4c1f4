/** Server configuration, from the environment, checked once at start-up. */
import { isIP } from 'node:net';
import path from 'node:path';
import { AUDIENCES, isAudience, type Audience } from '../src/search/audience';

export interface ServerConfig {
  readonly host: string;
  readonly port: number;
  /** The built site (`npm run build`). */
  readonly siteDir: string;
  /** Public origin, when behind a proxy with TLS; turns on HSTS. */
  readonly publicUrl?: string;
  readonly logLevel: string;
  /** Runtime data (search logs, local Meilisearch, later the database). */
  readonly dataDir: string;
  /** Meilisearch, when configured; the Lunr indexes built with the site otherwise. */
  readonly meili?: { readonly host: string; readonly apiKey: string };
  /** Whom the server serves until accounts decide per user. */
  readonly audience: Audience;
  /**
   * The reverse proxies whose `X-Forwarded-For` / `X-Forwarded-Proto` are believed
   * (`TRUST_PROXY`: addresses and CIDRs, comma-separated). Empty: the peer's own address is
   * the client's, whatever headers it sends, so a forged header cannot dodge sign-in limits.
   */
  readonly trustProxy?: readonly string[];
  /**
   * `AYIN_SAMPLE_ACCOUNTS`: create the demo accounts (public password) on an empty database.
   * Undefined when not set; `npm start` then decides (see `sampleAccountsOnStart`).
   */
  readonly sampleAccounts?: boolean;
  /**
   * `AYIN_CONTENT_ROOT`: the content repository (a git work tree) editors write through
   * Keystatic; default the project itself. Keystatic is not mounted when it has no taxonomy.
   */
  readonly contentRoot?: string;
  /** `SMTP_URL` (`smtp://host:25`, `smtps://user:pass@host:465`): mail is sent from the outbox only when set. */
  readonly smtpUrl?: string;
  /** `SMTP_FROM`: the sender of Ayin's mail. */
  readonly mailFrom?: string;
  /** `REMINDER_INTERVAL_MS`: how often the reminder runner decides what is owed (default 10 minutes). */
  readonly reminderEveryMs?: number;
  /** `ESCALATE_AFTER_DAYS`: days overdue before supervisors are told (default 7). */
  readonly escalateAfterDays?: number;
  /** `SMS_WEBHOOK_URL`: SMS reminders are posted there as JSON `{to, text}` when set. */
  readonly smsWebhookUrl?: string;
  /**
   * `XAPI_ENDPOINT` (the LRS's xAPI base; statements go to `<endpoint>statements`) and
   * `XAPI_AUTH` (`key:secret`, sent as HTTP Basic): learning events are queued as xAPI
   * statements and sent there only when the endpoint is set.
   */
  readonly xapi?: { readonly endpoint: string; readonly auth?: { readonly username: string; readonly password: string } };
}

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv = process.env, root = path.resolve(__dirname, '..')): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a port number (0-65535), got "${env.PORT}"`);
  }
  const publicUrl = env.PUBLIC_URL || undefined;
  if (publicUrl && !/^https?:\/\//.test(publicUrl)) {
    throw new ConfigError(`PUBLIC_URL must start with http:// or https://, got "${publicUrl}"`);
  }
  // Visitors who have not signed in: the public build unless an intranet says otherwise.
  const audience = env.AYIN_AUDIENCE ?? 'public';
  if (!isAudience(audience)) throw new ConfigError(`AYIN_AUDIENCE must be one of ${AUDIENCES.join(', ')}, got "${audience}"`);
  const meiliHost = env.MEILI_HOST || undefined;
  if (meiliHost && !/^https?:\/\//.test(meiliHost)) throw new ConfigError(`MEILI_HOST must start with http:// or https://, got "${meiliHost}"`);
  if (meiliHost && !env.MEILI_MASTER_KEY) throw new ConfigError('MEILI_HOST is set but MEILI_MASTER_KEY is not: the server needs it to create the search-only key');
  const smtpUrl = env.SMTP_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) throw new ConfigError(`SMTP_URL must start with smtp:// or smtps://, got "${smtpUrl.replace(/\/\/[^@/]*@/, '//***@')}"`);
  const reminderEveryMs = positiveInteger('REMINDER_INTERVAL_MS', env.REMINDER_INTERVAL_MS, 600_000);
  const escalateAfterDays = positiveInteger('ESCALATE_AFTER_DAYS', env.ESCALATE_AFTER_DAYS, 7);
  const smsWebhookUrl = env.SMS_WEBHOOK_URL || undefined;
  if (smsWebhookUrl && !/^https?:\/\//.test(smsWebhookUrl)) throw new ConfigError(`SMS_WEBHOOK_URL must start with http:// or https://, got "${smsWebhookUrl.replace(/\/\/[^@/]*@/, '//***@')}"`);
  const xapi = parseXapi(env, publicUrl);
  return {
    ...(xapi ? { xapi } : {}),
    smtpUrl,
    reminderEveryMs,
    escalateAfterDays,
    smsWebhookUrl,
    mailFrom: env.SMTP_FROM || 'ayin@localhost',
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    sampleAccounts: parseFlag('AYIN_SAMPLE_ACCOUNTS', env.AYIN_SAMPLE_ACCOUNTS),
    dataDir: path.resolve(root, env.AYIN_DATA_DIR ?? 'data'),
    meili: meiliHost ? { host: meiliHost.replace(/\/$/, ''), apiKey: env.MEILI_MASTER_KEY! } : undefined,
    audience,
    host: env.HOST ?? '127.0.0.1',
    port,
    siteDir: path.resolve(root, env.AYIN_SITE_DIR ?? 'build'),
    publicUrl,
    logLevel: env.LOG_LEVEL ?? 'info',
    contentRoot: path.resolve(root, env.AYIN_CONTENT_ROOT ?? '.'),
  };
}

/** `TRUST_PROXY=10.0.0.5, 10.1.0.0/16, ::1`: each an IPv4/IPv6 address or CIDR block. */
export function parseTrustProxy(value: string | undefined): string[] {
  const entries = (value ?? '').split(',').map((e) => e.trim()).filter(Boolean);
  for (const entry of entries) {
    const [address, bits, ...rest] = entry.split('/');
    const family = isIP(address ?? '');
    const maxBits = family === 6 ? 128 : 32;
    const validBits = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= maxBits);
    if (!family || !validBits || rest.length) {
      throw new ConfigError(`TRUST_PROXY must list IP addresses or CIDR blocks separated by commas (e.g. "10.0.0.5,10.1.0.0/16"), got "${entry}"`);
    }
  }
  return entries;
}

function parseXapi(env: NodeJS.ProcessEnv, publicUrl: string | undefined): ServerConfig['xapi'] {
  const endpoint = env.XAPI_ENDPOINT || undefined;
  const auth = env.XAPI_AUTH || undefined;
  if (!endpoint) {
    if (auth) throw new ConfigError('XAPI_AUTH is set but XAPI_ENDPOINT is not: say where the learning record store is');
    return undefined;
  }
  if (!/^https?:\/\//.test(endpoint)) throw new ConfigError(`XAPI_ENDPOINT must start with http:// or https://, got "${endpoint.replace(/\/\/[^@/]*@/, '//***@')}"`);
  // Statements name learners and activities by IRIs under the public origin: a listening address would change.
  if (!publicUrl) throw new ConfigError('XAPI_ENDPOINT is set but PUBLIC_URL is not: xAPI statements name learners and courses by IRIs under PUBLIC_URL');
  const colon = auth?.indexOf(':') ?? -1;
  if (auth && colon < 1) throw new ConfigError('XAPI_AUTH must be "key:secret" (HTTP Basic credentials of the learning record store)');
  return {
    endpoint: endpoint.endsWith('/') ? endpoint : `${endpoint}/`,
    ...(auth ? { auth: { username: auth.slice(0, colon), password: auth.slice(colon + 1) } } : {}),
  };
}

function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new ConfigError(`${name} must be a whole number above 0, got "${value}"`);
  return n;
}

function parseFlag(name: string, value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  if (['1', 'true', 'yes'].includes(value.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(value.toLowerCase())) return false;
  throw new ConfigError(`${name} must be 1 or 0, got "${value}"`);
}

/**
 * Whether `npm start` creates the demo accounts: as `AYIN_SAMPLE_ACCOUNTS` says when set, else
 * only on the embedded default (SQLite in the data folder, no `DATABASE_URL`). A PostgreSQL
 * database is a real installation: its first admin comes from `npm run admin -- create-user`.
 */
export function sampleAccountsOnStart(config: Pick<ServerConfig, 'sampleAccounts'>, env: NodeJS.ProcessEnv): boolean {
  return config.sampleAccounts ?? !env.DATABASE_URL;
}
