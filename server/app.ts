/** Builds the Ayin server: the site, and the API beside it. */
import compress from '@fastify/compress';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { ServerConfig } from './config';
import { registerHealth } from './health';
import { createSearchService } from './search/service';
import { registerSearchRoutes } from './search/routes';
import { registerSecurityHeaders } from './security';
import { registerStaticSite, sendSitePage } from './static-site';

export async function buildServer(config: ServerConfig): Promise<FastifyInstance> {
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
      return sendSitePage(reply.code(400), config.siteDir, '404.html');
    },
  });
  await registerSecurityHeaders(app, { https: config.publicUrl?.startsWith('https://') ?? false });
  // Static files are precompressed at build time; this compresses the API's dynamic answers.
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });

  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error(error);
    return reply.code(status).send({
      error: status === 500 ? 'internal' : 'bad_request',
      message: status === 500 ? 'خطای پیش‌بینی‌نشده در کارساز. لطفاً دوباره تلاش کنید.' : 'درخواست نامعتبر است.',
    });
  });

  const search = createSearchService({ meili: config.meili, audience: config.audience });
  registerHealth(app, config.siteDir, search);
  registerSearchRoutes(app, { service: search, siteDir: config.siteDir, dataDir: config.dataDir, audienceOf: () => config.audience });
  await registerStaticSite(app, config.siteDir);
  return app;
}
