/** Server configuration, from the environment, checked once at start-up. */
import path from 'node:path';

export interface ServerConfig {
  readonly host: string;
  readonly port: number;
  /** The built site (`npm run build`). */
  readonly siteDir: string;
  /** Public origin, when behind a proxy with TLS; turns on HSTS. */
  readonly publicUrl?: string;
  readonly logLevel: string;
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
  return {
    host: env.HOST ?? '127.0.0.1',
    port,
    siteDir: path.resolve(root, env.AYIN_SITE_DIR ?? 'build'),
    publicUrl,
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
