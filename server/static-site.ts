/**
 * Serves the built Docusaurus site: precompressed files (.br/.gz written by the build),
 * immutable caching for hashed assets, revalidation for HTML, and the site's own Persian
 * 404 page for any path that is not there.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

const HASHED_ASSET = /^\/assets\//;
const PRIVATE_PREFIXES = ['search-index/', '__server/', '.ayin-build'];
const ONE_YEAR = 60 * 60 * 24 * 365;

export function cacheControlFor(filePath: string): string {
  // A precompressed sibling (`x.html.br`) is cached like the file it stands for.
  const urlPath = filePath.replace(/\.(br|gz)$/, '');
  if (HASHED_ASSET.test(urlPath)) return `public, max-age=${ONE_YEAR}, immutable`;
  if (urlPath.endsWith('.html') || !path.extname(urlPath)) return 'no-cache';
  // Feeds, images and fonts under fixed names: cache briefly, then revalidate.
  return 'public, max-age=3600, must-revalidate';
}

/**
 * The file for a URL path under Docusaurus's `trailingSlash: false` layout:
 * `/a/b` → `a/b.html`, `/a/` or `/a` (a folder) → `a/index.html`, `/x.css` → `x.css`.
 */
export function resolveSitePath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const normalized = path.posix.normalize(decoded);
  if (normalized.startsWith('..') || normalized.includes('/../')) return undefined;
  const relative = normalized.replace(/^\/+/, '');
  // Served by their own, access-checked routes only.
  if (PRIVATE_PREFIXES.some((prefix) => relative.startsWith(prefix))) return undefined;
  const candidates = relative === '' ? ['index.html'] : [relative, `${relative.replace(/\/$/, '')}.html`, path.posix.join(relative, 'index.html')];
  for (const candidate of candidates) {
    const full = path.join(root, candidate);
    if (!full.startsWith(root)) return undefined;
    if (existsSync(full) && statSync(full).isFile()) return candidate;
  }
  return undefined;
}

/** Sends one of the site's own pages (keeping the status already set), or a plain Persian line. */
export function sendSitePage(reply: FastifyReply, siteDir: string, page: string) {
  const file = path.join(siteDir, page);
  if (!existsSync(file)) return reply.type('text/plain; charset=utf-8').send('صفحه پیدا نشد.');
  // Errors raised before routing (a malformed URL) get a reply without @fastify/static's decorators.
  if (typeof reply.sendFile !== 'function') return reply.type('text/html; charset=utf-8').send(readFileSync(file));
  return reply.sendFile(page, path.resolve(siteDir));
}

export async function registerStaticSite(app: FastifyInstance, siteDir: string) {
  const root = path.resolve(siteDir);
  await app.register(fastifyStatic, {
    root,
    serve: false,
    preCompressed: true,
    etag: true,
    lastModified: true,
    cacheControl: false,
    // @fastify/static 10 passes the fastify reply here, not the raw response.
    setHeaders(reply: unknown, filePath: string) {
      (reply as FastifyReply).header('cache-control', cacheControlFor(`/${path.relative(root, filePath).split(path.sep).join('/')}`));
    },
  });

  const sendNotFound = (reply: FastifyReply) => sendSitePage(reply.code(404), root, '404.html');

  app.get('/*', (request, reply) => {
    const urlPath = request.url.split('?')[0]!;
    if (urlPath.startsWith('/api/')) return reply.callNotFound();
    const file = resolveSitePath(root, urlPath);
    if (!file) return sendNotFound(reply);
    return reply.sendFile(file);
  });

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) {
      return reply.code(404).send({ error: 'not_found', message: 'این نشانی در رابط برنامه‌نویسی آیین وجود ندارد.' });
    }
    return sendNotFound(reply);
  });
}
