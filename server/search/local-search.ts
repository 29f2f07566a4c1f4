/**
 * Search for `npm start` and the end-to-end tests: the configured Meilisearch, or the bundled
 * one under the data folder, indexed when the index is older than the built site.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { getCorpus } from '../../src/content/index';
import { ContentError } from '../../src/content/problems';
import { buildRecords } from '../../src/content/records';
import { prepareIndex } from '../../src/search/prepare';
import { meiliSynonyms } from '../../src/search/synonyms';
import { localMeiliBinary, startLocalMeili, type LocalMeili } from './local-meili';
import { meiliClient, type MeiliConnection } from './meili-client';
import { reindex } from './reindex';

/**
 * Indexes the site's content. `fresh` re-reads it from disk: after a publication the cached
 * corpus is the one before it.
 */
export async function indexSite(siteDir: string, connection: MeiliConnection, log: (line: string) => void = console.log, { fresh = false } = {}) {
  const corpus = getCorpus(siteDir, { fresh });
  if (corpus.problems.length) throw new ContentError(corpus.problems);
  const { records, synonyms } = prepareIndex(buildRecords(corpus), corpus.glossary);
  log(`Indexing ${records.length} search records …`);
  const result = await reindex({ client: meiliClient(connection, 30_000), records, synonyms: meiliSynonyms(synonyms), log: (l) => log(`  ${l}`) });
  log(`Indexed ${result.documents} records in ${result.ms} ms.`);
  return result;
}

const portIsFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = net.createServer().once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

export interface SearchBackend {
  readonly connection?: MeiliConnection;
  readonly local?: LocalMeili;
  /**
   * Indexes the content unless the index was made from the same sources (`key`). Failures are
   * logged, not thrown: the site keeps serving, on the offline index, and says why.
   */
  indexIfStale(siteDir: string, key: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the search engine (the configured Meilisearch, or the bundled one) without indexing:
 * `npm start` serves at once and indexes behind; until then search answers from the offline index.
 */
export async function startSearch({ dataDir, env = process.env, log = console.log }: {
  dataDir: string;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}): Promise<SearchBackend> {
  let connection: MeiliConnection | undefined;
  let local: LocalMeili | undefined;
  if (env.MEILI_HOST) {
    connection = { host: env.MEILI_HOST, apiKey: env.MEILI_MASTER_KEY ?? '' };
  } else if (localMeiliBinary()) {
    log('Starting the bundled Meilisearch …');
    local = await startLocalMeili({ dataDir: path.join(dataDir, 'meili'), port: (await portIsFree(7700)) ? 7700 : undefined });
    connection = { host: local.host, apiKey: local.masterKey };
  } else {
    log('No MEILI_HOST and no bundled Meilisearch: search runs on the offline (Lunr) index.');
    return { indexIfStale: async () => {}, stop: async () => {} };
  }
  const stampFile = path.join(dataDir, local ? 'meili/indexed-build.txt' : 'indexed-build.txt');
  return {
    connection,
    local,
    async indexIfStale(siteDir, key) {
      const indexedFor = existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : '';
      try {
        if (indexedFor === key) return log('The search index is up to date.');
        await indexSite(siteDir, connection, log);
        writeFileSync(stampFile, key);
      } catch (error) {
        log(`Search indexing failed: ${(error as Error).message}`);
      }
    },
    stop: async () => local?.stop(),
  };
}
