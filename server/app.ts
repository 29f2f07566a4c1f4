/** Builds the Ayin server: the site, and the API beside it. */
import path from 'node:path';
import compress from '@fastify/compress';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { readingAudience, type BuildAudience } from '../src/content/build-audience';
import type { Audience } from '../src/search/audience';
import { buildAudienceOfRole, registerAccountRoutes } from './accounts';
import { registerAdminRoutes } from './accounts/admin-routes';
import { DATABASE_FAILURE_ANSWERS, databaseFailureOf, type DatabaseHandle } from './db';
import type { ServerConfig } from './config';
import { registerHealth } from './health';
import { createSearchService } from './search/service';
import { registerSearchRoutes } from './search/routes';
import { registerSecurityHeaders } from './security';
import { registerSeminarRoutes, seminarsFromContent } from './seminars';
import { registerStaticSite, sendSitePage } from './static-site';
import { registerTraining, type TrainingOptions } from './training';

export interface ServerParts {
  /** Accounts and learner records; without it the server serves the site and search only. */
  readonly database?: DatabaseHandle;
  /** Training overrides (tests, benchmarks): a catalog, a clock, a PDF renderer. */
  readonly training?: Pick<TrainingOptions, 'catalog' | 'now' | 'pdf'>;
}

export async function buildServer(config: ServerConfig, { database, training }: ServerParts = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: 64 * 1024,
    trustProxy: Boolean(config.publicUrl),
    // A malformed URL (bad percent-encoding) is answered like any bad path, in Persian.
    frameworkErrors(_error, request, rawReply) {
      const reply = rawReply as unknown as FastifyReply;
      if (request.url.startsWith('/api/')) {
        return reply.code(400).send({ error: 'bad_request', message: 'نشانی درخواست نامعتبر است.' });
      }
      return sendSitePage(reply.code(400), path.join(config.siteDir, config.audience), '404.html');
    },
  });
  await registerSecurityHeaders(app, { https: config.publicUrl?.startsWith('https://') ?? false });
  // Static files are precompressed at build time; this compresses the API's dynamic answers.
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });

  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    const failure = databaseFailureOf(error);
    if (failure) {
      const { retryAfterSeconds, ...answer } = DATABASE_FAILURE_ANSWERS[failure];
      request.log.warn({ err: error }, `database ${failure}`);
      return reply.code(503).header('retry-after', String(retryAfterSeconds)).header('cache-control', 'no-store').send(answer);
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error(error);
    return reply.code(status).send({
      error: status === 500 ? 'internal' : 'bad_request',
      message: status === 500 ? 'خطای پیش‌بینی‌نشده در کارساز. لطفاً دوباره تلاش کنید.' : 'درخواست نامعتبر است.',
    });
  });

  const accounts = database
    ? await registerAccountRoutes(app, { db: database.db, secureCookies: config.publicUrl?.startsWith('https://') ?? false })
    : undefined;
  if (database && accounts) await registerAdminRoutes(app, { db: database.db, guards: accounts });
  if (database && accounts) await registerSeminarRoutes(app, { db: database.db, guards: accounts, seminars: seminarsFromContent() });
  // A signed-in user's role decides which build they are served and what they may find;
  // visitors who have not signed in get the configured audience (public by default).
  const buildOf = async (request: FastifyRequest): Promise<BuildAudience> => {
    const session = accounts ? await accounts.authOf(request) : null;
    return session ? buildAudienceOfRole(session.user.role) : config.audience;
  };
  const audienceOf = async (request: FastifyRequest): Promise<Audience> => readingAudience(await buildOf(request));
  if (database && accounts) {
    await registerTraining(app, {
      database,
      guards: accounts,
      contentRoot: path.resolve(__dirname, '..'),
      siteDirOf: async (request) => path.join(config.siteDir, await buildOf(request)),
      publicUrl: config.publicUrl,
      ...training,
    });
  }
  const search = createSearchService({ meili: config.meili, audience: config.audience });
  registerHealth(app, config.siteDir, search, database);
  registerSearchRoutes(app, { service: search, siteDir: config.siteDir, dataDir: config.dataDir, buildOf });
  await registerStaticSite(app, config.siteDir, buildOf);
  return app;
}
