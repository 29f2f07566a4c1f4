/**
 * The engines the evaluation and the benchmark compare, each indexing a collection and
 * answering queries through the product's own code path:
 * - `meili`: our normaliser, settings and synonyms on Meilisearch;
 * - `meili-default`: Meilisearch out of the box on the raw text (the baseline);
 * - `lunr`: our Lunr fallback;
 * - `lunr-ar`: Lunr with lunr-languages' Arabic support (the other baseline).
 */
import type { Meilisearch } from 'meilisearch';
import lunr from 'lunr';
import type { SearchRecord } from '../../../src/search/record';
import { buildLunrIndex, loadLunrIndex } from '../../../src/search/lunr-engine';
import { RANKING_DEFAULTS, type RankingOptions } from '../../../src/search/meili-ranking';
import { buildBm25Index } from '../../../src/search/bm25-index';
import { rankedSearch } from '../../../src/search/ranked-search';
import { prepareIndex } from '../../../src/search/prepare';
import { meiliSynonyms, type GlossaryTerm } from '../../../src/search/synonyms';
import { reindex } from '../../../server/search/reindex';
import { editionHits, mergeUnchanged, UNVERSIONED } from '../../../src/search/editions';
import { matchesFilters, meiliFilter } from '../../../src/search/filters';
import { clauseId, type EvalDoc } from './collection';

export type EngineName = 'meili' | 'meili-default' | 'lunr' | 'lunr-ar';
export const ENGINES: readonly EngineName[] = ['meili', 'meili-default', 'lunr', 'lunr-ar'];

export interface Engine {
  readonly name: EngineName;
  /** The judged ids (clause ids, see collection.ts) of the best `limit` hits. */
  search(query: string, limit: number): Promise<string[]>;
  close(): Promise<void>;
}

export function docsAsRecords(docs: readonly EvalDoc[]): SearchRecord[] {
  return docs.map((d, i) => ({
    id: d.id,
    kind: 'regulation',
    url: '',
    anchor: '',
    hierarchy: d.title.split(' › '),
    title: d.title.split(' › ').pop() ?? d.title,
    content: d.text,
    audience: ['staff'],
    edition: d.edition ?? UNVERSIONED,
    position: i,
  }));
}

/**
 * An engine searching one edition (`edition`; undefined: all of them), the way the product
 * does: Meilisearch with the filter, Lunr filtering its candidates as the browser does. The
 * baselines have no filter of their own: their hits are filtered afterwards.
 */
export async function createEngine(
  name: EngineName,
  docs: readonly EvalDoc[],
  options: { client?: Meilisearch; glossary: readonly GlossaryTerm[]; indexUid: string; edition?: string; ranking?: RankingOptions; localIndex?: boolean },
): Promise<Engine> {
  const engine = await createRawEngine(name, docs, options);
  const byId = new Map(docs.map((d) => [d.id, d]));
  const filters = options.edition ? { edition: [options.edition] } : {};
  const inEdition = (id: string) => matchesFilters({ edition: byId.get(id)?.edition ?? UNVERSIONED }, filters);
  return {
    name,
    search: async (query, limit) => {
      // The raw engines are asked for more when they cannot filter themselves.
      const ids = await engine.search(query, limit, filters);
      return ids.filter(inEdition).slice(0, limit).map((id) => clauseId(byId.get(id) ?? { id }));
    },
    close: () => engine.close(),
  };
}

type Filters = Parameters<typeof meiliFilter>[0];
interface RawEngine {
  search(query: string, limit: number, filters: Filters): Promise<string[]>;
  close(): Promise<void>;
}

async function createRawEngine(
  name: EngineName,
  docs: readonly EvalDoc[],
  { client, glossary, indexUid, ranking = RANKING_DEFAULTS, localIndex = true }: { client?: Meilisearch; glossary: readonly GlossaryTerm[]; indexUid: string; ranking?: RankingOptions; localIndex?: boolean },
): Promise<RawEngine> {
  // Without a filter of their own, the baselines fetch extra hits to filter (a clause is in at most a few editions).
  const editions = new Set(docs.map((d) => d.edition ?? UNVERSIONED)).size;
  if (name === 'lunr') {
    // As the site's offline index: a clause that reads the same in consecutive editions once.
    const order = [...new Set(docs.flatMap((d) => (d.edition ? [d.edition] : [])))];
    const { records, synonyms } = prepareIndex(mergeUnchanged(docsAsRecords(docs), order), glossary);
    // Through JSON, as the browser gets it.
    const searcher = loadLunrIndex(JSON.parse(JSON.stringify(buildLunrIndex(records, synonyms))));
    return {
      // As the browser's client does (src/lib/search/client.ts): the best 500, then the filters.
      search: async (q, limit, filters) =>
        searcher
          .search(q, 500)
          .flatMap((h) => editionHits(h.record, filters.edition))
          .filter((r) => matchesFilters(r as never, filters))
          .slice(0, limit)
          .map((r) => r.id),
      close: async () => {},
    };
  }
  if (name === 'lunr-ar') {
    // lunr-languages is CommonJS that patches the lunr object it is given.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('lunr-languages/lunr.stemmer.support')(lunr);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('lunr-languages/lunr.ar')(lunr);
    const index = lunr(function () {
      this.use((lunr as unknown as { ar: lunr.Builder.Plugin }).ar);
      this.ref('id');
      this.field('title', { boost: 3 });
      this.field('text');
      for (const d of docs) this.add(d);
    });
    return {
      search: async (q, limit) => {
        try {
          return index.search(q.replace(/[:~^*+\-]/g, ' ')).slice(0, limit * editions).map((h) => h.ref);
        } catch {
          return [];
        }
      },
      close: async () => {},
    };
  }
  if (!client) throw new Error(`engine ${name} needs Meilisearch`);
  if (name === 'meili') {
    const { records, synonyms } = prepareIndex(docsAsRecords(docs), glossary);
    await reindex({ client, records, synonyms: meiliSynonyms(synonyms), indexUid });
    // As the server does (server/search/ranked.ts): its in-memory BM25F index of every record, unless asked not to.
    const index = localIndex ? buildBm25Index(records, { options: ranking.bm25 }) : undefined;
    return {
      search: async (q, limit, filters) => {
        const page = await rankedSearch(
          async (queries) => (await client.multiSearch({ queries: queries.map((query) => ({ indexUid, ...query }) as never) })).results as never,
          {
            query: q,
            filter: meiliFilter(filters),
            offset: 0,
            limit,
            retrieve: ['id'],
            options: ranking,
            local: index && { index, accept: (r) => matchesFilters(r as never, filters) },
          },
        );
        return page.hits.map((h) => String(h.id));
      },
      close: () => client.deleteIndexIfExists(indexUid).then(() => undefined),
    };
  }
  // meili-default: raw documents, no settings at all.
  await client.deleteIndexIfExists(indexUid);
  await (await client.createIndex(indexUid, { primaryKey: 'id' }).waitTask()).uid;
  const task = await client.index(indexUid).addDocuments(docs.map((d) => ({ ...d, id: d.id.replace(/[^A-Za-z0-9_-]/g, '_') })) as unknown as Record<string, unknown>[]).waitTask({ timeout: 120_000 });
  if (task.status !== 'succeeded') throw new Error(`indexing failed: ${task.error?.message}`);
  const idMap = new Map(docs.map((d) => [d.id.replace(/[^A-Za-z0-9_-]/g, '_'), d.id]));
  return {
    search: async (q, limit) => {
      const res = await client.index(indexUid).search(q, { limit: limit * editions, attributesToRetrieve: ['id'] });
      return res.hits.map((h) => idMap.get(String(h.id)) ?? String(h.id));
    },
    close: () => client.deleteIndexIfExists(indexUid).then(() => undefined),
  };
}
