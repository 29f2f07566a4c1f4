/**
 * `npm run index`: builds the search records and re-indexes Meilisearch atomically.
 * Uses MEILI_HOST/MEILI_MASTER_KEY, or the bundled Meilisearch under data/meili when unset.
 */
import path from 'node:path';
import { ContentError } from '../src/content/problems';
import { startLocalMeili } from '../server/search/local-meili';
import { indexSite } from '../server/search/local-search';
import { ReindexError } from '../server/search/reindex';

const root = path.resolve(__dirname, '..');

async function main() {
  if (process.env.MEILI_HOST) {
    await indexSite(root, { host: process.env.MEILI_HOST, apiKey: process.env.MEILI_MASTER_KEY ?? '' });
    return;
  }
  console.log('MEILI_HOST is not set: using the bundled Meilisearch (data/meili).');
  const meili = await startLocalMeili({ dataDir: path.join(root, 'data/meili') });
  try {
    await indexSite(root, { host: meili.host, apiKey: meili.masterKey });
  } finally {
    await meili.stop();
  }
}

main().catch((error: unknown) => {
  const known = error instanceof ContentError || error instanceof ReindexError;
  console.error(known ? (error as Error).message : `Indexing failed: ${(error as Error).message}`);
  process.exit(1);
});
