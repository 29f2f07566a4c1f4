/**
 * `npm run search:eval -- --collection DIR --engine meili|lunr [--edition NAME|all] [--json]`
 * Indexes DIR's docs.jsonl with the product's normaliser, settings and Lunr pipeline, runs
 * queries.jsonl, and scores them against qrels.jsonl. Baselines: --engine meili-default, lunr-ar.
 * When the documents belong to editions, the queries search the edition in force today (as the
 * site does by default; `AYIN_TODAY` moves today), or the one named.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { buildToday, editionForDate } from '../src/content/editions';
import { getCorpus } from '../src/content/index';
import { ALL_EDITIONS } from '../src/search/editions';
import type { GlossaryTerm } from '../src/search/synonyms';
import { readCollection } from './lib/search-eval/collection';
import { createEngine, ENGINES, type EngineName } from './lib/search-eval/engines';
import { evaluate, type EvalReport } from './lib/search-eval/evaluate';
import { withMeili } from './lib/search-eval/meili-connection';
import { RANKING_DEFAULTS, type RankingOptions } from '../src/search/meili-ranking';

const USAGE = 'usage: npm run search:eval -- --collection DIR --engine meili|lunr|meili-default|lunr-ar [--edition NAME|all] [--json] [--misses] [--ranking JSON] [--no-local-index]';
const repoDir = path.resolve(__dirname, '..');

/** The edition the queries search: the one asked for, else the repository's edition in force today. */
function editionToSearch(docs: readonly { edition?: string }[], asked: string | undefined): string | undefined {
  const present = new Set(docs.flatMap((d) => (d.edition ? [d.edition] : [])));
  if (!present.size || asked === ALL_EDITIONS) return undefined;
  const edition = asked ?? editionForDate(getCorpus(repoDir), buildToday())?.name;
  if (!edition || !present.has(edition)) throw new Error(`edition "${edition}" has no documents in the collection (it has ${[...present].join(', ')})`);
  return edition;
}

function glossaryFor(dir: string): GlossaryTerm[] {
  const own = path.join(dir, 'glossary.yml');
  if (existsSync(own)) return (parseYaml(readFileSync(own, 'utf8')) as GlossaryTerm[]).map((g) => ({ term: g.term, synonyms: g.synonyms ?? [] }));
  return [...getCorpus(repoDir).glossary];
}

export function formatReport(r: EvalReport & { edition?: string }): string {
  const pct = (n: number) => n.toFixed(3);
  const lines = [
    `engine ${r.engine}: ${r.queries} queries${r.edition ? `, edition ${r.edition}` : ''}`,
    `  recall@1 ${pct(r['recall@1'])}  recall@5 ${pct(r['recall@5'])}  recall@10 ${pct(r['recall@10'])}  MRR@10 ${pct(r['mrr@10'])}  nDCG@10 ${pct(r['ndcg@10'])}`,
    `  latency p50 ${r.p50_ms} ms  p95 ${r.p95_ms} ms`,
    '  by category (recall@10 / MRR@10):',
    ...Object.entries(r.byCategory).map(([c, v]) => `    ${c.padEnd(16)} ${String(v.queries).padStart(3)} queries  ${pct(v['recall@10'])} / ${pct(v['mrr@10'])}`),
  ];
  return lines.join('\n');
}

async function main() {
  const { values } = parseArgs({ options: { collection: { type: 'string' }, engine: { type: 'string' }, json: { type: 'boolean' }, misses: { type: 'boolean' }, edition: { type: 'string' }, ranking: { type: 'string' }, 'no-local-index': { type: 'boolean' } } });
  if (!values.collection || !values.engine || !ENGINES.includes(values.engine as EngineName)) {
    console.error(USAGE);
    process.exit(2);
  }
  const dir = path.resolve(values.collection);
  const collection = readCollection(dir);
  const engineName = values.engine as EngineName;
  const glossary = glossaryFor(dir);
  const edition = editionToSearch(collection.docs, values.edition);
  const run = async (client?: import('meilisearch').Meilisearch) => {
    const ranking = values.ranking ? { ...RANKING_DEFAULTS, ...(JSON.parse(values.ranking) as Partial<RankingOptions>) } : undefined;
    const engine = await createEngine(engineName, collection.docs, { client, glossary, edition, ranking, localIndex: !values['no-local-index'], indexUid: `eval_${engineName.replace('-', '_')}_${process.pid}` });
    try {
      return { ...(await evaluate(engine, collection)), edition };
    } finally {
      await engine.close();
    }
  };
  const report = engineName.startsWith('meili') ? await withMeili(run) : await run();
  console.log(formatReport(report));
  if (values.misses) for (const m of report.misses) console.log(`  miss ${m.id} [${m.category}] ${m.query}`);
  if (values.json) {
    const { byCategory: _b, misses: _m, ...summary } = report;
    console.log(JSON.stringify(summary));
  }
}

main().catch((error: unknown) => {
  console.error(`search:eval failed: ${(error as Error).message}`);
  process.exit(1);
});
