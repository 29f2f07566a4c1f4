/**
 * Search endpoints: the browser's search configuration (engine, tenant token, Lunr index),
 * a narrow proxy to Meilisearch's search route (so Meilisearch need not be public), the
 * audience-gated Lunr indexes, and the zero-result log.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { readingAudience, type BuildAudience } from '../../src/content/build-audience';
import { isAudience, type Audience } from '../../src/search/audience';
import { SEARCH_INDEX } from '../../src/search/meili-settings';
import type { SearchService } from './service';
import { answerZeroResults, createZeroResultsLog, ZERO_RESULTS_BODY_LIMIT } from './zero-results';

export interface SearchRoutesOptions {
  readonly service: SearchService;
  readonly siteDir: string;
  readonly dataDir: string;
  /** The audience of the current visitor (configuration, until accounts exist). */
  /** The build a request is served (its reading audience decides what search may return). */
  readonly buildOf: (request: FastifyRequest) => Promise<BuildAudience>;
}

const MEILI_TIMEOUT_MS = 3000;

export function registerSearchRoutes(app: FastifyInstance, { service, siteDir, dataDir, buildOf }: SearchRoutesOptions) {
  const audienceOf = async (request: FastifyRequest): Promise<Audience> => readingAudience(await buildOf(request));
  app.get('/api/search/config', async (request, reply) => {
    const audience = await audienceOf(request);
    const lunr = { url: `/search-index/${audience}.json` };
    reply.header('cache-control', 'no-store');
    if ((await service.engine()) === 'meilisearch') {
      const token = await service.token(audience);
      if (token) return { engine: 'meilisearch', audience, meili: { host: '/api/search/meili', index: SEARCH_INDEX, ...token }, lunr };
    }
    return { engine: 'lunr', audience, lunr };
  });

  // Only the search route of the search index is reachable through the proxy.
  app.post<{ Params: { uid: string } }>('/api/search/meili/indexes/:uid/search', { bodyLimit: 16 * 1024 }, async (request, reply) => {
    if (request.params.uid !== SEARCH_INDEX || !service.meili) {
      return reply.code(404).send({ error: 'not_found', message: 'جست‌وجوی کارساز در دسترس نیست.' });
    }
    const authorization = request.headers.authorization;
    if (!authorization?.startsWith('Bearer ')) {
      return reply.code(401).send({ error: 'unauthorized', message: 'برای جست‌وجو نشانه دسترسی لازم است.' });
    }
    try {
      const res = await fetch(`${service.meili.host}/indexes/${SEARCH_INDEX}/search`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json', connection: 'close' },
        body: JSON.stringify(request.body ?? {}),
        signal: AbortSignal.timeout(MEILI_TIMEOUT_MS),
      });
      reply.code(res.status).header('content-type', 'application/json; charset=utf-8').header('cache-control', 'no-store');
      return reply.send(await res.text());
    } catch {
      return reply.code(503).send({ error: 'search_unavailable', message: 'جست‌وجوی کارساز پاسخ نداد.' });
    }
  });

  // Each audience's Lunr index holds only what it may read: hand out only the visitor's own.
  app.get<{ Params: { file: string } }>('/search-index/:file', async (request, reply) => {
    const match = /^([a-z]+)\.json$/.exec(request.params.file);
    const requested = match?.[1];
    const build = await buildOf(request);
    if (!isAudience(requested) || requested !== readingAudience(build)) {
      return reply.code(403).send({ error: 'forbidden', message: 'این نمایه جست‌وجو برای شما نیست.' });
    }
    const buildRoot = path.resolve(siteDir, build);
    const file = path.join('search-index', `${requested}.json`);
    if (!existsSync(path.join(buildRoot, file))) return reply.code(404).send({ error: 'not_found', message: 'نمایه جست‌وجوی آفلاین ساخته نشده است.' });
    return reply.header('cache-control', 'no-cache').header('vary', 'cookie').sendFile(file, buildRoot);
  });

  // Queries that found nothing, for the editors' report (bounded: see zero-results.ts).
  const zeroResults = createZeroResultsLog({ dataDir, onError: (error) => app.log.error(error) });
  app.addHook('onClose', () => zeroResults.close());
  app.post('/api/search/zero-results', { bodyLimit: ZERO_RESULTS_BODY_LIMIT }, (request, reply) => answerZeroResults(zeroResults, request, reply));
}
