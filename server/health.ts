/** `/api/health`: what this server is and what it stands on, for monitoring and support. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { BUILD_AUDIENCES } from '../src/content/build-audience';
import type { DatabaseHandle } from './db';
import type { SearchService } from './search/service';

export interface HealthReport {
  status: 'ok' | 'degraded';
  version: string;
  site: { built: boolean; builtAt?: string };
  search: { engine: 'meilisearch' | 'lunr'; configured: 'meilisearch' | 'lunr'; audience: string };
  database: { engine: 'sqlite' | 'postgres' | 'none'; location?: string };
}

const packageVersion = (): string =>
  (JSON.parse(readFileSync(path.resolve(__dirname, '../package.json'), 'utf8')) as { version: string }).version;

export function registerHealth(app: FastifyInstance, siteDir: string, search: SearchService, database?: DatabaseHandle) {
  const version = packageVersion();
  app.get('/api/health', async (): Promise<HealthReport> => {
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
  });
}
