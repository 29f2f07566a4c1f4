/** `/api/health`: what this server is and what it stands on, for monitoring and support. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { BUILD_AUDIENCES } from '../src/content/build-audience';
import type { DatabaseHandle } from './db';
import { searchRoutes, type HealthReport } from '../src/api/search';
import { registerApi } from './api/plugin';
import type { SearchService } from './search/service';

export type { HealthReport } from '../src/api/search';

const packageVersion = (): string =>
  (JSON.parse(readFileSync(path.resolve(__dirname, '../package.json'), 'utf8')) as { version: string }).version;

export async function registerHealth(app: FastifyInstance, siteDir: string, search: SearchService, database?: DatabaseHandle): Promise<void> {
  const version = packageVersion();
  // Public: monitoring asks without signing in.
  await registerApi(app, {}, ({ route }) => route(searchRoutes.health, { access: 'public', handler: async (): Promise<HealthReport> => {
    const stampFile = path.join(siteDir, '.ayin-build.json');
    const stamp = existsSync(stampFile) ? (JSON.parse(readFileSync(stampFile, 'utf8')) as { builtAt?: string; audiences?: string[] }) : {};
    // Every reader needs their build: one missing audience is a site some users cannot open.
    const built = BUILD_AUDIENCES.every((audience) => existsSync(path.join(siteDir, audience, 'index.html')));
    const engine = await search.engine();
    const configured = search.meili ? 'meilisearch' : 'lunr';
    return {
      // Meilisearch configured but unreachable still serves (Lunr), degraded.
      status: built && engine === configured ? 'ok' : 'degraded',
      version,
      site: { built, builtAt: stamp.builtAt },
      search: { engine, configured, audience: search.audience },
      // The location has any password removed.
      database: database ? { engine: database.dialect, location: database.location } : { engine: 'none' },
    };
  } }));
}
