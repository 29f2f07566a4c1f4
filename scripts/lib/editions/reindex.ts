/**
 * After an edition is published, search learns of it: the configured Meilisearch (MEILI_HOST),
 * or the bundled one when it is running now (`npm start` keeps it on 127.0.0.1:7700 with the
 * key in data/meili/master-key). A search that is not running is not started: the next
 * `npm start` indexes the rebuilt site anyway. Indexing is atomic (server/search/reindex.ts), so
 * a failure leaves the live index as it was; the edition stays published.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { getCorpus } from '../../../src/content/index';
import { indexSite } from '../../../server/search/local-search';
import type { MeiliConnection } from '../../../server/search/meili-client';

export type ReindexOutcome = 'indexed' | 'skipped' | 'failed';

const LOCAL_HOST = 'http://127.0.0.1:7700';

export async function searchConnection(siteDir: string, env: NodeJS.ProcessEnv): Promise<MeiliConnection | undefined> {
  if (env.MEILI_HOST) return { host: env.MEILI_HOST, apiKey: env.MEILI_MASTER_KEY ?? '' };
  const keyFile = path.join(path.resolve(siteDir, env.AYIN_DATA_DIR ?? 'data'), 'meili/master-key');
  if (!existsSync(keyFile)) return undefined;
  const apiKey = readFileSync(keyFile, 'utf8').trim();
  try {
    // Authenticated, so another Meilisearch on the port is not taken for ours.
    const res = await fetch(`${LOCAL_HOST}/version`, { headers: { Authorization: `Bearer ${apiKey}`, Connection: 'close' }, signal: AbortSignal.timeout(2000) });
    return res.ok ? { host: LOCAL_HOST, apiKey } : undefined;
  } catch {
    return undefined;
  }
}

export async function reindexAfterPublishing(siteDir: string, env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<ReindexOutcome> {
  const connection = await searchConnection(siteDir, env);
  if (!connection) {
    log('Search: no MEILI_HOST and the bundled Meilisearch is not running; the next npm start indexes the new edition (or run npm run index).');
    return 'skipped';
  }
  try {
    getCorpus(siteDir, { fresh: true });
    await indexSite(siteDir, connection, log);
    return 'indexed';
  } catch (error) {
    log(`Search re-indexing failed (the edition is published; the live index is unchanged): ${(error as Error).message}. Run npm run index to retry.`);
    return 'failed';
  }
}
