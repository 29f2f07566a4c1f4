/**
 * `/api/health`: for monitoring, `{status: 'ok' | 'degraded'}` and nothing else; for a
 * signed-in admin, what the server stands on (version, build, search engine, database and
 * its location). Visitors need not learn file paths, versions or which engine answers.
 * The report is computed at most once per few seconds (the search engine's check asks
 * Meilisearch; the build check reads the disk), however often it is probed.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { BUILD_AUDIENCES } from '../src/content/build-audience';
import type { DatabaseHandle } from './db';
import { searchRoutes, type HealthReport, type PublicHealth } from '../src/api/search';
import { registerApi } from './api/plugin';
import { ENGINE_CACHE_TTL_MS } from './search/engine-cache';
import type { SearchService } from './search/service';

export type { HealthReport, PublicHealth } from '../src/api/search';


export interface HealthOptions {
  readonly siteDir: string;
  readonly search: SearchService;
  readonly database?: DatabaseHandle;
  /** Whether the request comes from a signed-in admin (who may see the details). */
  readonly isAdmin: (request: FastifyRequest) => Promise<boolean>;
  readonly ttlMs?: number;
  readonly now?: () => number;
}

const packageVersion = async (): Promise<string> =>
  (JSON.parse(await readFile(path.resolve(__dirname, '../package.json'), 'utf8')) as { version: string }).version;

async function buildStamp(siteDir: string): Promise<{ builtAt?: string }> {
  try {
    return JSON.parse(await readFile(path.join(siteDir, '.ayin-build.json'), 'utf8')) as { builtAt?: string };
  } catch {
    return {};
  }
}

export async function registerHealth(app: FastifyInstance, { siteDir, search, database, isAdmin, ttlMs = ENGINE_CACHE_TTL_MS, now = Date.now }: HealthOptions): Promise<void> {
  const version = packageVersion();
  async function report(): Promise<HealthReport> {
    const [stamp, engine] = await Promise.all([buildStamp(siteDir), search.engine()]);
    // Every reader needs their build: one missing audience is a site some users cannot open.
    const built = BUILD_AUDIENCES.every((audience) => existsSync(path.join(siteDir, audience, 'index.html')));
    const configured = search.meili ? 'meilisearch' : 'lunr';
    return {
      // Meilisearch configured but unreachable still serves (Lunr), degraded.
      status: built && engine === configured ? 'ok' : 'degraded',
      version: await version,
      site: { built, builtAt: stamp.builtAt },
      search: { engine, configured, audience: search.audience },
      // The location has any password removed.
      database: database ? { engine: database.dialect, location: database.location } : { engine: 'none' },
    };
  }
  let cached: { at: number; report: Promise<HealthReport> } | undefined;
  const current = () => {
    const at = now();
    if (!cached || at - cached.at >= ttlMs) {
      const fresh = report();
      cached = { at, report: fresh };
      fresh.catch(() => {
        if (cached?.report === fresh) cached = undefined;
      });
    }
    return cached.report;
  };

  // Public: monitoring asks without signing in; the plugin adds no-store, so no shared cache keeps an admin's answer.
  return registerApi(app, {}, ({ route }) =>
    route(searchRoutes.health, {
      access: 'public',
      async handler({ request, reply }): Promise<HealthReport | PublicHealth> {
        reply.header('vary', 'cookie');
        const full = await current();
        return (await isAdmin(request)) ? full : { status: full.status };
      },
    }),
  );
}
