/** Builds the Ayin server: the site, and the API beside it. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import compress from '@fastify/compress';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type RouteOptions } from 'fastify';
import { createAudiencePolicy, readingAudience, type Audience, type BuildAudience } from '../src/policy/audience';
import { apiErrorHandler, registerAccountRoutes } from './accounts';
import { registerAdminRoutes } from './accounts/admin-routes';
import type { DatabaseHandle } from './db';
import type { ServerConfig } from './config';
import { configuredOrigin, originWarning } from './certificates/origin';
import { registerKeystaticApi } from './editorial/keystatic-api';
import { registerKeystaticUi } from './editorial/keystatic-ui';
import { registerPublishRoutes } from './editorial/publish-routes';
import { recordSave, registerEditorialRoutes } from './editorial/routes';
import { createEditorialStore } from './editorial/store';
import { keystaticConfigAt } from '../keystatic.config';
import { registerHealth } from './health';
import { registerInboxRoutes } from './inbox/routes';
import { registerFeedbackRoutes } from './feedback/routes';
import { createFeedbackStore } from './feedback/store';
import { registerNotifications, type NotificationsHandle } from './notifications/routes';
import { openManifestSource, SERVER_MANIFEST, type ManifestSource } from './manifest';
import { withCachedEngine } from './search/engine-cache';
import { createSearchService } from './search/service';
import { registerSearchRoutes } from './search/routes';
import { registerSecurityHeaders } from './security';
import { registerSeminarRoutes, seminarCatalogOf } from './seminars';
import { registerStaticSite, sendSitePage } from './static-site';
import { registerTraining, type TrainingOptions } from './training';
import { registerZeroResultReport } from './reports/zero-results';
import { createLearningRecorder, registerXapi, type XapiHandle } from './xapi';
import type { SiteBuildProgress } from './site-builds';
import type { RebuildQueue } from './editorial/rebuild-queue';

export interface ServerParts {
  /** Accounts and learner records; without it the server serves the site and search only. */
  readonly database?: DatabaseHandle;
  /** Training overrides (tests, benchmarks): a catalog, a clock, a PDF renderer, a shorter study rule. */
  readonly training?: Pick<TrainingOptions, 'catalog' | 'now' | 'pdf' | 'studyRule'>;
  /** The build's private manifest; default: `<siteDir>/.server/manifest.json`, reloaded when it changes. */
  readonly manifest?: ManifestSource;
  /** Seminar overrides (tests): the clock that opens and closes registration. Code only, never from a request or the environment. */
  readonly seminars?: { readonly now?: () => number };
  /** Inbox overrides (tests): the clock that decides days left and when an acknowledgment was made. Code only. */
  readonly inbox?: { readonly now?: () => number };
  /**
   * The reminder runner: `run` starts it on the server's own timer (`npm start`, the e2e server;
   * off otherwise, so a test decides when it ticks, by `app.notifications.runner.tick()`), on
   * `now` (tests) every `everyMs` (default `config.reminderEveryMs`); `sendEveryMs` for the outbox.
   */
  readonly reminders?: { readonly run?: boolean; readonly now?: () => number; readonly everyMs?: number; readonly sendEveryMs?: number };
  /** Told of every route as it is registered (the route inventory test reads their rules). */
  readonly onRoute?: (route: RouteOptions) => void;
  /** Builds still being made behind the running server (`npm start`); told when one is swapped in. */
  readonly builds?: SiteBuildProgress;
  /** Rebuilds the affected builds after a publication from the approvers' form (`npm start`, e2e). */
  readonly rebuilds?: RebuildQueue;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The reminder runner and outbox sender (server/notifications/), when the server has accounts. */
    notifications?: NotificationsHandle;
    /** The xAPI sender (server/xapi/), when the server has accounts; sends nothing unless `XAPI_ENDPOINT` is set. */
    xapi?: XapiHandle;
  }
}

const listeningPort = (app: FastifyInstance): number | undefined => {
  const address = app.server.address();
  return address && typeof address === 'object' ? address.port : undefined;
};

export async function buildServer(config: ServerConfig, { database, training, manifest: givenManifest, seminars, inbox, reminders, onRoute, builds, rebuilds }: ServerParts = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: 64 * 1024,
    // X-Forwarded-* only from the configured proxies (TRUST_PROXY); anyone else's are ignored.
    trustProxy: config.trustProxy?.length ? [...config.trustProxy] : false,
    // A malformed URL (bad percent-encoding) is answered like any bad path, in Persian.
    frameworkErrors(_error, request, rawReply) {
      const reply = rawReply as unknown as FastifyReply;
      if (request.url.startsWith('/api/')) {
        return reply.code(400).send({ error: 'bad_request', message: 'نشانی درخواست نامعتبر است.' });
      }
      return sendSitePage(reply.code(400), path.join(config.siteDir, config.audience), '404.html');
    },
  });
  if (onRoute) app.addHook('onRoute', onRoute);
  const security = await registerSecurityHeaders(app, { https: config.publicUrl?.startsWith('https://') ?? false, siteDir: config.siteDir });
  // Static files are precompressed at build time; this compresses the API's dynamic answers.
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });

  // The API's scopes have this handler too (server/api/); this one answers everything else.
  app.setErrorHandler(apiErrorHandler);

  const accounts = database
    ? await registerAccountRoutes(app, { db: database.db, secureCookies: config.publicUrl?.startsWith('https://') ?? false })
    : undefined;
  if (database && accounts) await registerAdminRoutes(app, { db: database.db, guards: accounts, sessions: accounts.sessions });
  // One audience policy for pages, search, seminars and training: a signed-in user's role
  // decides which build they are served and what they may read; visitors who have not signed
  // in get the configured audience (public by default).
  const policy = createAudiencePolicy({ visitorAudience: config.audience });
  // What the build wrote for the server (catalog, answer keys, seminars, editions), not the
  // source tree; reloaded when a new build is swapped in.
  const manifest = database
    ? (givenManifest ??
      openManifestSource(path.join(config.siteDir, SERVER_MANIFEST), {
        onReloaded: (m) => app.log.info(`server manifest reloaded (built ${m.builtAt})`),
        onRefused: (error) => app.log.error(`new server manifest refused, keeping the one loaded: ${error.message}`),
      }))
    : undefined;
  if (database && accounts && manifest) await registerSeminarRoutes(app, { db: database.db, guards: accounts, seminars: seminarCatalogOf(manifest, policy), ...(seminars?.now ? { now: seminars.now } : {}) });
  if (database && accounts) {
    const notifications = await registerNotifications(app, {
      db: database.db,
      guards: accounts,
      smtpUrl: config.smtpUrl,
      mailFrom: config.mailFrom,
      smsWebhookUrl: config.smsWebhookUrl,
      ...(manifest ? { manifest, policy } : {}),
      timers: reminders?.run ?? false,
      reminderEveryMs: reminders?.everyMs ?? config.reminderEveryMs,
      escalateAfterDays: config.escalateAfterDays,
      ...(reminders?.sendEveryMs ? { everyMs: reminders.sendEveryMs } : {}),
      ...(reminders?.now ? { now: reminders.now } : {}),
      publicUrl: () => config.publicUrl ?? `http://${config.host}:${listeningPort(app) ?? config.port}`,
    });
    app.decorate('notifications', notifications);
  }
  if (database && accounts && manifest) {
    await registerInboxRoutes(app, {
      db: database.db,
      guards: accounts,
      manifest,
      policy,
      ...(inbox?.now ? { now: inbox.now } : {}),
      onOrganisationsRefused: (message) => app.log.error(`the build's companies and units were not written: ${message}`),
    });
  }
  // Readers' suggestions on clauses, checked against the manifest's texts.
  if (database && accounts && manifest) await registerFeedbackRoutes(app, { store: createFeedbackStore(database.db), manifest, policy, authOf: accounts.authOf });
  const buildOf = async (request: FastifyRequest): Promise<BuildAudience> => {
    const session = accounts ? await accounts.authOf(request) : null;
    return policy.buildFor(session && { role: session.user.role });
  };
  const audienceOf = async (request: FastifyRequest): Promise<Audience> => readingAudience(await buildOf(request));
  if (database && accounts) {
    const warning = originWarning(config);
    if (warning) app.addHook('onListen', async () => app.log.warn(warning));
    // xAPI: statements are queued only when an LRS is configured (PUBLIC_URL is then required).
    const xapiSender = await registerXapi(app, { db: database.db, guards: accounts, config: config.xapi, timers: reminders?.run ?? false });
    app.decorate('xapi', xapiSender);
    await registerTraining(app, {
      ...(config.xapi && config.publicUrl ? { xapi: createLearningRecorder(config.publicUrl) } : {}),
      database,
      guards: accounts,
      manifest,
      policy,
      siteDirOf: async (request) => path.join(config.siteDir, await buildOf(request)),
      verifyOrigin: configuredOrigin({ publicUrl: config.publicUrl, host: config.host, port: config.port, listening: () => app.server.address() }),
      ...training,
    });
    await registerZeroResultReport(app, { dataDir: config.dataDir, guards: accounts });
  }
  // Editors' Keystatic, behind the session, over the content repository.
  if (database && accounts && config.contentRoot && existsSync(path.join(config.contentRoot, 'content', 'taxonomy'))) {
    const store = createEditorialStore(database.db);
    await registerKeystaticApi(app, {
      contentRoot: config.contentRoot,
      config: keystaticConfigAt(config.contentRoot),
      authOf: accounts.authOf,
      onSaved: (session, files) => recordSave(store, session, files, Date.now()),
    });
    await registerEditorialRoutes(app, { store, authOf: accounts.authOf, contentRoot: config.contentRoot });
    await registerPublishRoutes(app, {
      contentRoot: config.contentRoot,
      store,
      authOf: accounts.authOf,
      ...(rebuilds ? { rebuilds, onPublished: (edition: string) => rebuilds.request(edition) } : {}),
    });
    await registerKeystaticUi(app, { siteDir: config.siteDir, contentRoot: config.contentRoot, authOf: accounts.authOf });
  }
  // A rebuild under way when the server stops is stopped with it: its child would otherwise
  // outlive the server and swap a build in behind a process that no longer serves it.
  if (rebuilds) app.addHook('onClose', () => rebuilds.close());
  const search = withCachedEngine(createSearchService({ meili: config.meili, audience: config.audience }));
  await registerHealth(app, {
    siteDir: config.siteDir,
    search,
    database,
    isAdmin: async (request) => (accounts ? (await accounts.authOf(request))?.user.role === 'admin' : false),
  });
  await registerSearchRoutes(app, { service: search, siteDir: config.siteDir, dataDir: config.dataDir, buildOf, authOf: accounts?.authOf });
  // Without accounts nobody can sign in, so nobody is sent to.
  const site = await registerStaticSite(app, config.siteDir, buildOf, {
    ...(accounts ? { signedIn: async (request: FastifyRequest) => (await accounts.authOf(request)) !== null } : {}),
    ...(builds ? { builds } : {}),
  });
  // A build swapped in behind the running server brings its own inline scripts, editions and manifest.
  builds?.onSwapped(async (build) => {
    site.forget(build);
    await security.refreshInlineScripts();
    manifest?.reload();
  });
  return app;
}
