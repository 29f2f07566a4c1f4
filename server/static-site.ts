/**
 * Serves the built Docusaurus site: precompressed files (.br/.gz written by the build),
 * immutable caching for hashed assets, revalidation for HTML, and the site's own Persian
 * 404 page for any path that is not there.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { BuildAudience } from '../src/content/build-audience';
import { EDITIONS_MANIFEST, NEXT_EDITION_PATH } from '../src/content/editions';
import { resolveEditionAt, todayInTehran, type DatedEdition } from '../src/domain/editions';
import { preparingPage } from './preparing-page';
import type { SiteBuildProgress } from './site-builds';

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

/** Which of the per-audience builds (`<siteDir>/<audience>/`) a request is served from. */
export type BuildOfRequest = (request: FastifyRequest) => Promise<BuildAudience>;

export interface StaticSiteOptions {
  /** Whether the request carries a valid session; without it nobody is sent to sign in. */
  readonly signedIn?: (request: FastifyRequest) => Promise<boolean>;
  /** Builds still being made (`npm start`): their readers get the "being prepared" page. */
  readonly builds?: SiteBuildProgress;
}

/** What the server keeps from the builds, to be re-read when one is replaced. */
export interface StaticSite {
  forget(build: BuildAudience): void;
}

/**
 * The builds whose pages a visitor who has not signed in is sent to sign in for, instead of a
 * 404. Only the contractors' build: what contractors read (courses, their regulations) is no
 * secret to name, whereas a redirect for a staff-only or draft URL would tell anyone that such
 * a text exists.
 */
export const SIGN_IN_FOR_BUILDS: readonly BuildAudience[] = ['contractor'];

/** `/sign-in?next=…`: back to the same path and query after signing in. */
export function signInUrlFor(requestUrl: string): string {
  return `/sign-in?next=${encodeURIComponent(requestUrl)}`;
}

export async function registerStaticSite(app: FastifyInstance, siteDir: string, buildOf: BuildOfRequest, options: StaticSiteOptions = {}): Promise<StaticSite> {
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
      const [, ...inBuild] = path.relative(root, filePath).split(path.sep);
      (reply as FastifyReply).header('cache-control', cacheControlFor(`/${inBuild.join('/')}`));
    },
  });
  const editions = new EditionPaths(root);

  const sendNotFound = (reply: FastifyReply, build: BuildAudience) => sendSitePage(reply.code(404), path.join(root, build), '404.html');

  /**
   * A reader whose build is not there yet (being made, or its making failed) is told so in
   * Persian, with a retry: nothing from another audience's build is ever served instead.
   */
  function preparing(reply: FastifyReply, build: BuildAudience): FastifyReply | undefined {
    const state = options.builds?.stateOf(build);
    if (!state || state === 'ready' || existsSync(path.join(root, build, 'index.html'))) return undefined;
    return reply
      .code(503)
      .header('retry-after', '15')
      .header('cache-control', 'no-store')
      .header('vary', 'cookie')
      .type('text/html; charset=utf-8')
      .send(preparingPage(state === 'failed' ? 'failed' : 'building'));
  }

  app.get('/*', async (request, reply) => {
    const urlPath = request.url.split('?')[0]!;
    if (urlPath.startsWith('/api/')) return reply.callNotFound();
    const build = await buildOf(request);
    const buildRoot = path.join(root, build);
    const notReady = preparing(reply, build);
    if (notReady) return notReady;
    // The same URL is a different page for different readers: no shared cache may mix them.
    reply.header('vary', 'cookie');
    const file = resolveSitePath(buildRoot, urlPath);
    if (file) return reply.sendFile(file, buildRoot);
    const moved = editions.redirectFor(build, urlPath, (candidate) => resolveSitePath(buildRoot, candidate) !== undefined);
    if (moved) return reply.header('cache-control', 'no-store').redirect(moved + (request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : ''), 302);
    if (await mayReadAfterSignIn(request, build, urlPath)) return reply.header('cache-control', 'no-store').redirect(signInUrlFor(request.url), 302);
    return sendNotFound(reply, build);
  });

  /** A page (not an asset) missing from the visitor's build but in a build they could sign in to. */
  async function mayReadAfterSignIn(request: FastifyRequest, build: BuildAudience, urlPath: string): Promise<boolean> {
    if (!options.signedIn || (await options.signedIn(request))) return false;
    return SIGN_IN_FOR_BUILDS.some((other) => {
      if (other === build) return false;
      const file = resolveSitePath(path.join(root, other), urlPath);
      return file !== undefined && file.endsWith('.html');
    });
  }

  app.setNotFoundHandler(async (request, reply) => {
    if (request.url.startsWith('/api/')) {
      return reply.code(404).send({ error: 'not_found', message: 'این نشانی در رابط برنامه‌نویسی آیین وجود ندارد.' });
    }
    const build = await buildOf(request);
    return preparing(reply, build) ?? sendNotFound(reply, build);
  });
  return { forget: (build) => editions.forget(build) };
}

/**
 * Unversioned regulation URLs (`/regulations/connection-sales/cs-002`: old citations, links
 * from outside) go to the edition in force on the day of the request — decided now, by the
 * server's clock, not when the site was built. A text that is not in that edition (repealed,
 * or not yet in force) goes to its newest edition that has it.
 */
class EditionPaths {
  private readonly cache = new Map<BuildAudience, readonly DatedEdition[]>();
  constructor(private readonly root: string) {}

  forget(build: BuildAudience) {
    this.cache.delete(build);
  }

  private editionsOf(build: BuildAudience): readonly DatedEdition[] {
    let editions = this.cache.get(build);
    if (!editions) {
      const file = path.join(this.root, build, EDITIONS_MANIFEST);
      editions = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { editions: DatedEdition[] }).editions : [];
      this.cache.set(build, editions);
    }
    return editions;
  }

  redirectFor(build: BuildAudience, urlPath: string, exists: (urlPath: string) => boolean, now = new Date()): string | undefined {
    const match = /^\/regulations(?:\/(.*))?$/.exec(urlPath);
    if (!match) return undefined;
    const editions = this.editionsOf(build);
    if (!editions.length) return undefined;
    const rest = (match[1] ?? '').replace(/\/$/, '');
    const first = rest.split('/')[0];
    if (first === NEXT_EDITION_PATH || editions.some((e) => e.name === first)) return undefined;
    const at = resolveEditionAt(editions, todayInTehran(now));
    const preferred = at.status === 'in-force' ? at.edition : at.status === 'before-first' ? at.first : undefined;
    const order = [preferred, ...[...editions].reverse()].filter((e): e is DatedEdition => Boolean(e));
    for (const edition of order) {
      const candidate = rest ? `/regulations/${edition.name}/${rest}` : `/regulations/${edition.name}`;
      if (exists(candidate)) return candidate; // still percent-encoded, as it came
    }
    return undefined;
  }
}
