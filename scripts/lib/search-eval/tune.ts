/**
 * `npx tsx scripts/lib/search-eval/tune.ts [--only NAME,…] [--json]`: the ranking mechanisms
 * tried for issue 13, each measured on BOTH collections in one run (one Meilisearch, the
 * edition in force). Choices are made on tests/search-eval (the tuning set) only; the questions
 * collection is printed beside it, never used to choose. BENCHMARKS.md reports this table.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildToday, editionForDate } from '../../../src/content/editions';
import { getCorpus } from '../../../src/content/index';
import { RANKING_DEFAULTS, type RankingOptions } from '../../../src/search/meili-ranking';
import { readCollection } from './collection';
import { createEngine } from './engines';
import { evaluate } from './evaluate';
import { withMeili } from './meili-connection';

const repoDir = path.resolve(__dirname, '../../..');
const D = RANKING_DEFAULTS;

/** Each mechanism as a change of the ranking options, from the defaults. */
export const VARIANTS: Record<string, Partial<RankingOptions>> = {
  'defaults (1/1/2, 60 + top 60)': {},
  'BM25F alone (0/0/1)': { weights: { frequency: 0, last: 0, bm25: 1 } },
  'RRF 1/1/3': { weights: { frequency: 1, last: 1, bm25: 3 } },
  'RRF 1/1/4': { weights: { frequency: 1, last: 1, bm25: 4 } },
  'RRF 1/0.5/3': { weights: { frequency: 1, last: 0.5, bm25: 3 } },
  'RRF by shape: 8+ words 1/1/4': { longQuestion: { fromWords: 8, weights: { frequency: 1, last: 1, bm25: 4 } } },
  'RRF by shape: 6+ words 1/1/3': { longQuestion: { fromWords: 6, weights: { frequency: 1, last: 1, bm25: 3 } } },
  'fields code 8 / title 2 / content 1': { bm25: { weights: { code: 8, title: 2, content: 1 } } },
  'fields code 8 / title 5 / content 1': { bm25: { weights: { code: 8, title: 5, content: 1 } } },
  'k1 0.9': { bm25: { k1: 0.9 } },
  'k1 1.6': { bm25: { k1: 1.6 } },
  'b 0.5': { bm25: { b: 0.5 } },
  'b 0.9': { bm25: { b: 0.9 } },
  'phrase bonus 0.5': { bm25: { phrase: 0.5 } },
  'phrase bonus 1': { bm25: { phrase: 1 } },
  'pool: top 150 from BM25F': { localTop: 150 },
  'pool: 100 per Meilisearch pass + top 150': { candidates: 100, localTop: 150 },
  'pool: top 30 from BM25F': { localTop: 30 },
  'BM25F alone + title 5': { weights: { frequency: 0, last: 0, bm25: 1 }, bm25: { weights: { code: 8, title: 5, content: 1 } } },
  'BM25F alone + k1 1.6': { weights: { frequency: 0, last: 0, bm25: 1 }, bm25: { k1: 1.6 } },
  'BM25F alone + phrase 0.5': { weights: { frequency: 0, last: 0, bm25: 1 }, bm25: { phrase: 0.5 } },
};

async function main() {
  const { values } = parseArgs({ options: { only: { type: 'string' }, json: { type: 'boolean' } } });
  const tuning = readCollection(path.join(repoDir, 'tests/search-eval'));
  const questions = readCollection(path.join(repoDir, 'tests/search-eval-questions'));
  const corpus = getCorpus(repoDir);
  const edition = editionForDate(corpus, buildToday())?.name;
  const names = values.only ? values.only.split(',') : Object.keys(VARIANTS);
  const rows: { variant: string; tuning: number; questions: number; tuningR10: number; questionsR10: number }[] = [];
  await withMeili(async (client) => {
    for (const name of names) {
      const change = VARIANTS[name];
      if (!change) throw new Error(`--only: no variant "${name}"`);
      const ranking: RankingOptions = { ...D, ...change, bm25: { ...D.bm25, ...change.bm25 } };
      const engine = await createEngine('meili', tuning.docs, { client, glossary: corpus.glossary, edition, ranking, indexUid: `tune_${process.pid}` });
      try {
        const a = await evaluate(engine, tuning);
        const b = await evaluate(engine, questions);
        rows.push({ variant: name, tuning: a['mrr@10'], questions: b['mrr@10'], tuningR10: a['recall@10'], questionsR10: b['recall@10'] });
        console.log(`${name.padEnd(44)} tuning ${a['mrr@10'].toFixed(3)} (${a['recall@10'].toFixed(3)})  questions ${b['mrr@10'].toFixed(3)} (${b['recall@10'].toFixed(3)})`);
      } finally {
        await engine.close();
      }
    }
  });
  if (values.json) console.log(JSON.stringify(rows));
}

main().catch((error: unknown) => {
  console.error(`tune failed: ${(error as Error).message}`);
  process.exit(1);
});
