/** Server configuration, from the environment, checked once at start-up. */
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
  return {
    dataDir: path.resolve(root, env.AYIN_DATA_DIR ?? 'data'),
    meili: meiliHost ? { host: meiliHost.replace(/\/$/, ''), apiKey: env.MEILI_MASTER_KEY! } : undefined,
    audience,
    host: env.HOST ?? '127.0.0.1',
    port,
    siteDir: path.resolve(root, env.AYIN_SITE_DIR ?? 'build'),
    publicUrl,
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
