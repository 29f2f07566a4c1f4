/**
 * `npm run index`: builds the search records and re-indexes Meilisearch atomically.
 * Uses MEILI_HOST/MEILI_MASTER_KEY, or the bundled Meilisearch under data/meili when unset.
 */
import path from 'node:path';
import { getCorpus } from '../src/content/index';
import { ContentError } from '../src/content/problems';
import { buildRecords } from '../src/content/records';
import { prepareIndex } from '../src/search/prepare';
import { meiliSynonyms } from '../src/search/synonyms';
import { startLocalMeili } from '../server/search/local-meili';
import { meiliClient } from '../server/search/meili-client';
import { reindex } from '../server/search/reindex';

const root = path.resolve(__dirname, '..');

export async function indexCorpus(connection: { host: string; apiKey: string }, log = console.log) {
  const corpus = getCorpus(root);
  if (corpus.problems.length) throw new ContentError(corpus.problems);
  const { records, synonyms } = prepareIndex(buildRecords(corpus), corpus.glossary);
  log(`Indexing ${records.length} records into ${connection.host} …`);
  const result = await reindex({ client: meiliClient(connection, 30_000), records, synonyms: meiliSynonyms(synonyms), log: (l) => log(`  ${l}`) });
  log(`Indexed ${result.documents} records in ${result.ms} ms.`);
  return result;
}

async function main() {
  if (process.env.MEILI_HOST) {
    await indexCorpus({ host: process.env.MEILI_HOST, apiKey: process.env.MEILI_MASTER_KEY ?? '' });
    return;
  }
  console.log('MEILI_HOST is not set: using the bundled Meilisearch (data/meili).');
  const meili = await startLocalMeili({ dataDir: path.join(root, 'data/meili') });
  try {
    await indexCorpus({ host: meili.host, apiKey: meili.masterKey });
  } finally {
    await meili.stop();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof ContentError ? error.message : `Indexing failed: ${(error as Error).message}`);
    process.exit(1);
  });
}
