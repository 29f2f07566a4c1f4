/**
 * `npm start`: serves at once, builds behind. The server listens as soon as the content is
 * validated; each audience's build that is missing or stale is (re)built, the public site
 * first and alone, then the others two at a time, and swapped in when complete. Readers whose build does not exist yet
 * get a Persian "being prepared" page (never another audience's build); readers whose build
 * is only stale keep the old one until the new one lands. The bundled Meilisearch (unless
 * MEILI_HOST points elsewhere) starts at once and is indexed behind the public build; until
 * then search answers from the offline index.
 */
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildServer } from '../server/app';
import { ConfigError, readConfig, sampleAccountsOnStart } from '../server/config';
import { openServerDatabase } from '../server/database';
import { indexSite, startSearch } from '../server/search/local-search';
import { createRebuildQueue } from '../server/editorial/rebuild-queue';
import { childProcessBuild, rebuildScriptCommand } from '../server/editorial/rebuild-child';
import { createSiteBuildTracker } from '../server/site-builds';
import { ContentError } from '../src/content/problems';
import { DatabaseError, NativeModuleError } from '../server/db';
import { BUILD_AUDIENCES, type BuildAudience } from '../src/content/build-audience';
import { buildToday, editionForDate } from '../src/content/editions';
import { buildAudienceSite, DEFAULT_PARALLEL_BUILDS, inPool, readBuildStamp, validateContent, writeManifestOf } from './lib/site-build';
import { planStart, REASON_TEXT } from './lib/start-plan';

const root = path.resolve(__dirname, '..');
const SOURCES = ['docs', 'versioned_docs', 'versioned_sidebars', 'versions.json', 'courses', 'announcements', 'content', 'src', 'plugins', 'static', 'i18n', 'docusaurus.config.ts', 'sidebars.ts', 'sidebars-courses.ts', 'package-lock.json'];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce((max, name) => Math.max(max, newestMtime(path.join(target, name))), stat.mtimeMs);
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

async function main() {
  const started = performance.now();
  // The embedded default (SQLite, no DATABASE_URL) is the sample installation: demo accounts.
  const configured = readConfig();
  const config = { ...configured, sampleAccounts: sampleAccountsOnStart(configured, process.env) };
  const outDir = config.siteDir;
  mkdirSync(outDir, { recursive: true });
  mkdirSync(config.dataDir, { recursive: true });

  // Bad content stops here, with located messages, before anything is served or built.
  const corpus = validateContent(root);
  const sourcesAt = Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));
  const plan = planStart({
    audiences: BUILD_AUDIENCES,
    present: (audience) => existsSync(path.join(outDir, audience, 'index.html')),
    stamp: readBuildStamp(outDir),
    sourcesAt,
    inForce: editionForDate(corpus, buildToday())?.name ?? null,
  });
  if (!plan.builds.length) console.log('The built site is up to date.');
  for (const { audience, reason } of plan.builds) console.log(`The ${audience} site is ${REASON_TEXT[reason]}: it is built behind the running server.`);
  // The manifest is the content's, not a build's: the server needs it from the first request.
  if (plan.builds.length || !existsSync(path.join(outDir, '.server'))) writeManifestOf(corpus, outDir, root);

  const builds = createSiteBuildTracker();
  for (const { audience } of plan.builds) builds.set(audience, 'waiting');
  const search = await startSearch({ dataDir: config.dataDir });
  const database = await openServerDatabase(config);
  // A publication from the approvers' form rebuilds every audience (a new edition changes them
  // all), the editors' first, each in a child process, after the builds this start began:
  // two builds of one audience would share its site folder (build/.sites/<audience>).
  let startBuildsDone: () => void = () => {};
  const startBuilds = new Promise<void>((resolve) => (startBuildsDone = resolve));
  const contentRoot = config.contentRoot ?? root;
  const childBuild = childProcessBuild(rebuildScriptCommand({ siteDir: contentRoot, outDir }), console.log);
  const rebuilds = createRebuildQueue({
    audiences: ['editor', 'staff', 'contractor', 'public'],
    tracker: builds,
    buildAudience: async (audience, signal) => {
      await startBuilds;
      await childBuild(audience, signal);
    },
    ...(search.connection
      ? {
          reindex: async () => void (await indexSite(contentRoot, search.connection!, console.log, { fresh: true })),
        }
      : {}),
    log: console.log,
  });
  const app = await buildServer({ ...config, meili: search.connection ?? config.meili, logLevel: process.env.LOG_LEVEL ?? 'warn' }, { database, builds, rebuilds, reminders: { run: true } });
  let address: string;
  try {
    address = await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await search.stop(); // do not leave the bundled Meilisearch running behind a failed start
    await database.close();
    throw error;
  }
  const waiting = plan.missing.length ? `; being prepared: ${plan.missing.join(', ')}` : '';
  console.log(`\nAyin is running at ${address}  (audience: ${config.audience}${waiting}; listening after ${seconds(started)})`);
  console.log('Press Ctrl+C to stop.');

  let stopping = false;
  const stop = async () => {
    stopping = true;
    startBuildsDone(); // a rebuild waiting for start's builds is let go, then stopped by app.close
    await app.close(); // stops a rebuild under way (its child process group) before exiting
    await search.stop();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());

  // The search index is made from the sources, like the builds: the same key says "current".
  const searchKey = JSON.stringify({ sourcesAt, inForce: editionForDate(corpus, buildToday())?.name ?? null });
  const buildOne = async ({ audience }: { audience: BuildAudience }, parallel: boolean) => {
    if (stopping) return;
    builds.set(audience, 'building');
    const buildStarted = performance.now();
    try {
      await buildAudienceSite({ siteDir: root, outDir, audience, corpus, sourcesAt: Date.now(), log: console.log, prefixOutput: parallel });
      await builds.swapped(audience);
      console.log(`The ${audience} site is served (${seconds(buildStarted)} to build; ${seconds(started)} since start).`);
    } catch (error) {
      builds.set(audience, 'failed');
      console.error(`Building the ${audience} site failed: ${(error as Error).message}. Its readers keep ${existsSync(path.join(outDir, audience, 'index.html')) ? 'the previous build' : 'the "being prepared" page'}.`);
    }
  };
  // The first (the public site) alone, so a newcomer sees it soonest; then the others side by
  // side, each in its own site folder (scripts/lib/build/audience-site.ts).
  const [first, ...others] = plan.builds;
  if (first) {
    await buildOne(first, false);
    // Indexing waits for the first build: both want the two cores, and visitors need pages first.
    if (!stopping) await search.indexIfStale(root, searchKey);
  }
  await inPool(others, DEFAULT_PARALLEL_BUILDS, (build) => buildOne(build, true));
  if (stopping) return startBuildsDone();
  if (!plan.builds.length) await search.indexIfStale(root, searchKey);
  startBuildsDone();
  if (plan.builds.length) console.log(`Every audience is current (${seconds(started)} since start).`);
}

main().catch((error: unknown) => {
  if (error instanceof ContentError || error instanceof ConfigError || error instanceof DatabaseError || error instanceof NativeModuleError) console.error(error.message);
  else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') console.error(`Port ${process.env.PORT ?? 3000} is already in use; set PORT to another port.`);
  else console.error((error as Error).message);
  process.exit(1);
});
