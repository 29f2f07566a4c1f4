/**
 * Search endpoints: the browser's search configuration (engine, Lunr index), the server's
 * ranked search (Meilisearch stays private: the browser never talks to it), the
 * audience-gated Lunr indexes, and the zero-result log.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { readingAudience, type BuildAudience } from '../../src/content/build-audience';
import { isAudience, type Audience } from '../../src/search/audience';
import { searchRoutes } from '../../src/api/search';
import { ApiError } from '../accounts/api-errors';
import { registerApi, type SessionLookup } from '../api/plugin';
import type { SearchService } from './service';
import { answerZeroResults, createZeroResultsLog, ZERO_RESULTS_BODY_LIMIT } from './zero-results';

export interface SearchRoutesOptions {
  readonly service: SearchService;
  readonly siteDir: string;
  readonly dataDir: string;
  /** The signed-in session (none without accounts). */
  readonly authOf?: SessionLookup;
  /** The build a request is served (its reading audience decides what search may return). */
  readonly buildOf: (request: FastifyRequest) => Promise<BuildAudience>;
}

export async function registerSearchRoutes(app: FastifyInstance, { service, siteDir, dataDir, buildOf, authOf }: SearchRoutesOptions): Promise<void> {
  const audienceOf = async (request: FastifyRequest): Promise<Audience> => readingAudience(await buildOf(request));

  const zeroResults = createZeroResultsLog({ dataDir, onError: (error) => app.log.error(error) });
  app.addHook('onClose', () => zeroResults.close());

  await registerApi(app, { authOf }, ({ route }) => {
    // Public: every reader searches; the answer is their own audience's token and index.
    route(searchRoutes.config, {
      access: 'public',
      async handler({ request }) {
        const audience = await audienceOf(request);
        const lunr = { url: `/search-index/${audience}.json` };
        // Meilisearch itself is never reached from the browser: it asks POST /api/search/query.
        const engine = service.ranked ? await service.engine() : 'lunr';
        return { engine, audience, lunr };
      },
    });

    // The ranked search, on the server: the audience is the session's build, whatever the body says.
    route(searchRoutes.query, {
      access: 'public',
      csrf: { exempt: 'a read (a search by POST): it changes nothing, and what it may return is fixed by the session’s audience on the server' },
      bodyLimit: 16 * 1024,
      async handler({ request, body }) {
        if (!service.ranked) throw new ApiError(404, 'not_found', 'جست‌وجوی کارساز در دسترس نیست.');
        const audience = await audienceOf(request);
        try {
          const page = await service.ranked.search({ query: body.query, audience, filters: body.filters ?? {}, offset: body.offset ?? 0, limit: body.limit ?? 10, facets: body.facets ?? false });
          return { audience, ...page };
        } catch {
          throw new ApiError(503, 'search_unavailable', 'جست‌وجوی کارساز پاسخ نداد.');
        }
      },
    });

    // Queries that found nothing, for the editors' report. No user, no address kept: the query
    // only, bounded in size, rate and file length (zero-results.ts).
    route(searchRoutes.zeroResults, {
      access: 'public',
      csrf: { exempt: 'an anonymous log of a query: no session is read or changed, so another site posting it gains nothing it could not post itself' },
      bodyLimit: ZERO_RESULTS_BODY_LIMIT,
      handler: ({ request, reply }) => answerZeroResults(zeroResults, request, reply),
    });
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
}
