/** `/api/health`: what this server is and what it stands on, for monitoring and support. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';

export interface HealthReport {
  status: 'ok' | 'degraded';
  version: string;
  site: { built: boolean; builtAt?: string };
  search: { engine: string };
  database: { engine: string };
}

const packageVersion = (): string =>
  (JSON.parse(readFileSync(path.resolve(__dirname, '../package.json'), 'utf8')) as { version: string }).version;

export function registerHealth(app: FastifyInstance, siteDir: string) {
  const version = packageVersion();
  app.get('/api/health', async (): Promise<HealthReport> => {
    const stampFile = path.join(siteDir, '.ayin-build.json');
    const built = existsSync(path.join(siteDir, 'index.html'));
    const stamp = existsSync(stampFile) ? (JSON.parse(readFileSync(stampFile, 'utf8')) as { builtAt?: string }) : {};
    return {
      status: built ? 'ok' : 'degraded',
      version,
      site: { built, builtAt: stamp.builtAt },
      // Search and accounts arrive with their capabilities; until then say plainly there are none.
      search: { engine: 'none' },
      database: { engine: 'none' },
    };
  });
}
