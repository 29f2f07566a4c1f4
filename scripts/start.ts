/**
 * `npm start`: builds the site when it is missing or older than its sources, starts the
 * bundled Meilisearch (unless MEILI_HOST points elsewhere) and indexes it when stale, then
 * serves everything on the embedded defaults and prints where.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildServer } from '../server/app';
import { ConfigError, readConfig, sampleAccountsOnStart } from '../server/config';
import { openServerDatabase } from '../server/database';
import { prepareSearch } from '../server/search/local-search';
import { ContentError } from '../src/content/problems';
import { DatabaseError, NativeModuleError } from '../server/db';
import { BUILD_AUDIENCES } from '../src/content/build-audience';
import { buildToday, editionForDate } from '../src/content/editions';
import { getCorpus } from '../src/content/index';
import { buildSite, type BuildStamp } from './lib/site-build';

const root = path.resolve(__dirname, '..');
const SOURCES = ['docs', 'versioned_docs', 'versioned_sidebars', 'versions.json', 'courses', 'announcements', 'content', 'src', 'plugins', 'static', 'i18n', 'docusaurus.config.ts', 'sidebars.ts', 'sidebars-courses.ts'];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce((max, name) => Math.max(max, newestMtime(path.join(target, name))), stat.mtimeMs);
}

/**
 * Why the build must be made again, if it must: missing, older than its sources, or built
 * before the edition in force changed (pages recheck that when viewed; a rebuild also moves
 * the site's default links and listings to the new edition).
 */
function staleReason(stampFile: string, builtAt: number, sourcesAt: number): string | undefined {
  if (!builtAt) return 'No built site yet: building it first.';
  if (builtAt < sourcesAt) return 'The site is older than its sources: rebuilding.';
  const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as Partial<BuildStamp>;
  if (!stamp.audiences || BUILD_AUDIENCES.some((a) => !stamp.audiences!.includes(a))) return 'The built site lacks some audiences: rebuilding.';
  const corpus = getCorpus(root);
  const inForce = editionForDate(corpus, buildToday())?.name ?? null;
  if ((stamp.listedEdition ?? null) !== inForce) return `Edition ${inForce} has taken effect since the site was built: rebuilding.`;
  return undefined;
}

async function main() {
  // The embedded default (SQLite, no DATABASE_URL) is the sample installation: demo accounts.
  const configured = readConfig();
  const config = { ...configured, sampleAccounts: sampleAccountsOnStart(configured, process.env) };
  const stamp = path.join(config.siteDir, '.ayin-build.json');
  const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  const sourcesAt = Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));
  const stale = staleReason(stamp, builtAt, sourcesAt);
  if (stale) {
    console.log(stale);
    await buildSite({ siteDir: root, outDir: config.siteDir });
  } else {
    console.log('The built site is up to date.');
  }

  mkdirSync(config.dataDir, { recursive: true });
  const search = await prepareSearch({ siteDir: root, dataDir: config.dataDir, buildStamp: readFileSync(stamp, 'utf8') });
  const database = await openServerDatabase(config);
  const app = await buildServer({ ...config, meili: search.connection ?? config.meili, logLevel: process.env.LOG_LEVEL ?? 'warn' }, { database });
  let address: string;
  try {
    address = await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await search.stop(); // do not leave the bundled Meilisearch running behind a failed start
    await database.close();
    throw error;
  }
  console.log(`\nAyin is running at ${address}  (search: ${search.connection ? 'Meilisearch' : 'offline index'}; audience: ${config.audience})`);
  console.log('Press Ctrl+C to stop.');

  const stop = async () => {
    await app.close();
    await search.stop();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  if (error instanceof ContentError || error instanceof ConfigError || error instanceof DatabaseError || error instanceof NativeModuleError) console.error(error.message);
  else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') console.error(`Port ${process.env.PORT ?? 3000} is already in use; set PORT to another port.`);
  else console.error((error as Error).message);
  process.exit(1);
});
