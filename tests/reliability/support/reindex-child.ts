/**
 * A re-index in a process of its own, for the scenario that SIGKILLs it: indexes the sample
 * corpus's records (or the first $RECORDS), each stamped `reliabilityGeneration: $GENERATION`, into $MEILI_HOST, and
 * prints `step <name>` as each named step begins (the parent kills it there).
 */
import { loadCorpus } from '../../../src/content/corpus';
import { buildRecords } from '../../../src/content/records';
import { prepareIndex } from '../../../src/search/prepare';
import { meiliSynonyms } from '../../../src/search/synonyms';
import { meiliClient } from '../../../server/search/meili-client';
import { reindex } from '../../../server/search/reindex';
import path from 'node:path';

async function main() {
  const root = path.resolve(__dirname, '../../..');
  const corpus = loadCorpus(root);
  const prepared = prepareIndex(buildRecords(corpus), corpus.glossary);
  const generation = Number(process.env.GENERATION);
  // Quick mode indexes the first $RECORDS records only: the steps are the same, the waits shorter.
  const limit = Number(process.env.RECORDS) || prepared.records.length;
  const records = prepared.records.slice(0, limit).map((r) => ({ ...r, reliabilityGeneration: generation }));
  const client = meiliClient({ host: process.env.MEILI_HOST!, apiKey: process.env.MEILI_KEY! });
  console.log(`records ${records.length}`);
  const result = await reindex({
    client,
    records,
    synonyms: meiliSynonyms(prepared.synonyms),
    // Small batches, so that a kill during add-documents lands between two of them.
    batchSize: 300,
    beforeStep: (step) => {
      console.log(`step ${step}`);
    },
    log: (line) => console.log(`log ${line}`),
  });
  console.log(`done ${result.documents}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
