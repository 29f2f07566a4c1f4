/**
 * `npm run bench:search [-- --sizes 1000,10000,50000] [--json] [--markdown] [--port-base N] [--meili-only]`
 * Index time and query latency at several corpus sizes for: Ayin on Meilisearch (one search
 * with its settings, and the site's path: POST /api/search/query to the Ayin server over HTTP,
 * Meilisearch's passes fused with the server's in-memory BM25F index), Meilisearch with default
 * settings, the Ayin Lunr fallback (size raw and gzip, load and query time in Node) and Lunr
 * with lunr-languages' Arabic support. Loopback only; bounded by the query set.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import lunr from 'lunr';
import { buildServer } from '../server/app';
import { readConfig } from '../server/config';
import { startLocalMeili } from '../server/search/local-meili';
import { meiliClient } from '../server/search/meili-client';
import { reindex } from '../server/search/reindex';
import { DISPLAYED } from '../server/search/ranked';
import { loadCorpus } from '../src/content/corpus';
import { buildRecords } from '../src/content/records';
import { buildLunrIndex, loadLunrIndex } from '../src/search/lunr-engine';
import { shapeQuery } from '../src/search/query-shape';
import { percentile } from '../src/search/metrics';
import { prepareIndex } from '../src/search/prepare';
import { meiliSynonyms } from '../src/search/synonyms';
import { readCollection } from './lib/search-eval/collection';
import { markdownTable, textTable, type Column } from './lib/bench/table';
import { syntheticRecords } from './lib/bench/synthetic-records';

const root = path.resolve(__dirname, '..');
const log = (line: string) => process.stderr.write(`${line}\n`);

interface Row {
  size: number;
  engine: string;
  indexS: number;
  p50: number;
  p95: number;
  rawKB: number | null;
  gzipKB: number | null;
  loadMs: number | null;
}

async function timeQueries(queries: readonly string[], run: (q: string) => Promise<unknown>) {
  const times: number[] = [];
  for (const q of queries) await run(q); // warm-up pass
  for (const q of queries) {
    const t = performance.now();
    await run(q);
    times.push(performance.now() - t);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function main() {
  const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000,10000,50000' }, json: { type: 'boolean' }, markdown: { type: 'boolean' }, 'port-base': { type: 'string' }, 'meili-only': { type: 'boolean' } } });
  // --port-base N: Meilisearch on N, the Ayin server on N+1 (a shared machine's port range); else free ports.
  const portBase = values['port-base'] ? Number(values['port-base']) : undefined;
  const sizes = values.sizes!.split(',').map(Number);
  const corpus = loadCorpus(root);
  const base = buildRecords(corpus);
  // Both collections: keyword queries and long questions (which take two passes and the re-ranking).
  const queries = ['tests/search-eval', 'tests/search-eval-questions'].flatMap((dir) => readCollection(path.join(root, dir)).queries.map((q) => q.query));
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ayin-bench-search-'));
  log('Starting the bundled Meilisearch …');
  const meili = await startLocalMeili({ dataDir: path.join(dataDir, 'meili'), ...(portBase ? { port: portBase } : {}) });
  const client = meiliClient({ host: meili.host, apiKey: meili.masterKey }, 300_000);
  const rows: Row[] = [];
  try {
    for (const size of sizes) {
      const records = syntheticRecords(base, size);
      const { records: indexed, synonyms } = prepareIndex(records, corpus.glossary);

      log(`${size} records: Ayin on Meilisearch …`);
      let t = performance.now();
      await reindex({ client, records: indexed, synonyms: meiliSynonyms(synonyms), batchSize: 10_000 });
      const meiliIndexS = (performance.now() - t) / 1000;
      // Meilisearch alone with Ayin's settings: one search of the normalised query (the floor under the ranked path).
      const single = await timeQueries(queries, (q) => client.index('ayin').search(shapeQuery(q).terms.join(' '), { matchingStrategy: 'last', limit: 10, attributesToRetrieve: [...DISPLAYED] }));
      rows.push({ size, engine: 'Meilisearch, Ayin settings, one search', indexS: meiliIndexS, ...single, rawKB: null, gzipKB: null, loadMs: null });
      // The site's path: a server fresh on this index (its in-memory BM25F index read on the first
      // query, before timing), asked over HTTP as the browser asks it.
      const app = await buildServer({ ...readConfig({}, root), logLevel: 'silent', dataDir, meili: { host: meili.host, apiKey: meili.masterKey } });
      const address = await app.listen({ host: '127.0.0.1', port: portBase ? portBase + 1 : 0 });
      const ask = async (q: string) => {
        const res = await fetch(`${address}/api/search/query`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q.slice(0, 200), limit: 10 }) });
        if (res.status !== 200) throw new Error(`POST /api/search/query answered ${res.status}: ${await res.text()}`);
        return res.json();
      };
      t = performance.now();
      await ask('قبض برق');
      const localLoadMs = performance.now() - t;
      const viaServer = await timeQueries(queries, ask);
      rows.push({ size, engine: 'Ayin ranked (POST /api/search/query)', indexS: meiliIndexS, ...viaServer, rawKB: null, gzipKB: null, loadMs: localLoadMs });
      await app.close();

      log(`${size} records: Meilisearch defaults …`);
      const uid = 'bench_defaults';
      await client.deleteIndexIfExists(uid);
      t = performance.now();
      await client.createIndex(uid, { primaryKey: 'id' }).waitTask();
      const raw = records.map((r) => ({ id: r.id, title: r.title, text: r.content }));
      const task = await client.index(uid).addDocuments(raw).waitTask({ timeout: 600_000 });
      if (task.status !== 'succeeded') throw new Error(`defaults indexing failed: ${task.error?.message}`);
      const defaultsIndexS = (performance.now() - t) / 1000;
      const defaults = await timeQueries(queries, (q) => client.index(uid).search(q, { limit: 10 }));
      rows.push({ size, engine: 'Meilisearch defaults', indexS: defaultsIndexS, ...defaults, rawKB: null, gzipKB: null, loadMs: null });
      await client.deleteIndex(uid).waitTask();

      // --meili-only: the server's rows without the Lunr ones (which take minutes at 50,000 records).
      if (values['meili-only']) continue;
      log(`${size} records: Ayin Lunr …`);
      t = performance.now();
      const file = JSON.stringify(buildLunrIndex(indexed, synonyms));
      const lunrBuildS = (performance.now() - t) / 1000;
      t = performance.now();
      const searcher = loadLunrIndex(JSON.parse(file));
      const loadMs = performance.now() - t;
      const lunrTimes = await timeQueries(queries, async (q) => searcher.search(q, 10));
      rows.push({ size, engine: 'Ayin Lunr', indexS: lunrBuildS, ...lunrTimes, rawKB: file.length / 1024, gzipKB: gzipSync(file).length / 1024, loadMs });

      log(`${size} records: Lunr + lunr-languages/ar …`);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('lunr-languages/lunr.stemmer.support')(lunr);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('lunr-languages/lunr.ar')(lunr);
      t = performance.now();
      const arIndex = lunr(function () {
        this.use((lunr as unknown as { ar: lunr.Builder.Plugin }).ar);
        this.ref('id');
        this.field('title');
        this.field('text');
        for (const r of raw) this.add(r);
      });
      const arBuildS = (performance.now() - t) / 1000;
      const arFile = JSON.stringify(arIndex);
      const arTimes = await timeQueries(queries, async (q) => {
        try {
          arIndex.search(q.replace(/[:~^*+\-]/g, ' '));
        } catch {
          // lunr's query parser rejects some inputs; the time still counts
        }
      });
      rows.push({ size, engine: 'Lunr + lunr-languages/ar', indexS: arBuildS, ...arTimes, rawKB: arFile.length / 1024, gzipKB: gzipSync(arFile).length / 1024, loadMs: null });
    }
  } finally {
    await meili.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  const columns: Column<Row>[] = [
    { title: 'records', value: (r) => r.size },
    { title: 'engine', value: (r) => r.engine },
    { title: 'index s', value: (r) => r.indexS, digits: 2 },
    { title: 'query p50 ms', value: (r) => r.p50, digits: 2 },
    { title: 'query p95 ms', value: (r) => r.p95, digits: 2 },
    { title: 'index KB', value: (r) => r.rawKB, digits: 0 },
    { title: 'gzip KB', value: (r) => r.gzipKB, digits: 0 },
    { title: 'load ms', value: (r) => r.loadMs, digits: 0 },
  ];
  console.log(`\n${queries.length} queries per engine and size (after one warm-up pass), loopback.\n`);
  console.log(values.markdown ? markdownTable(rows, columns) : textTable(rows, columns));
  if (values.json) console.log(JSON.stringify(rows));
}

main().catch((error: unknown) => {
  console.error(`bench:search failed: ${(error as Error).message}`);
  process.exit(1);
});
