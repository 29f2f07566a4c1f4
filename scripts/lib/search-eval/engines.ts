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
import { MEILI_SEARCH_DEFAULTS } from '../../../src/search/meili-settings';
import { prepareIndex } from '../../../src/search/prepare';
import { meiliSynonyms, type GlossaryTerm } from '../../../src/search/synonyms';
import { searchableText } from '../../../src/search/tokenize';
import { reindex } from '../../../server/search/reindex';
import type { EvalDoc } from './collection';

export type EngineName = 'meili' | 'meili-default' | 'lunr' | 'lunr-ar';
export const ENGINES: readonly EngineName[] = ['meili', 'meili-default', 'lunr', 'lunr-ar'];

export interface Engine {
  readonly name: EngineName;
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
    edition: 'current',
    position: i,
  }));
}

export async function createEngine(
  name: EngineName,
  docs: readonly EvalDoc[],
  { client, glossary, indexUid }: { client?: Meilisearch; glossary: readonly GlossaryTerm[]; indexUid: string },
): Promise<Engine> {
  if (name === 'lunr') {
    const { records, synonyms } = prepareIndex(docsAsRecords(docs), glossary);
    // Through JSON, as the browser gets it.
    const searcher = loadLunrIndex(JSON.parse(JSON.stringify(buildLunrIndex(records, synonyms))));
    return { name, search: async (q, limit) => searcher.search(q, limit).map((h) => h.record.id), close: async () => {} };
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
      name,
      search: async (q, limit) => {
        try {
          return index.search(q.replace(/[:~^*+\-]/g, ' ')).slice(0, limit).map((h) => h.ref);
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
    return {
      name,
      search: async (q, limit) => {
        const text = searchableText(q);
        if (!text) return [];
        const res = await client.index(indexUid).search(text, { ...MEILI_SEARCH_DEFAULTS, limit, attributesToRetrieve: ['id'] });
        return res.hits.map((h) => String(h.id));
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
    name,
    search: async (q, limit) => {
      const res = await client.index(indexUid).search(q, { limit, attributesToRetrieve: ['id'] });
      return res.hits.map((h) => idMap.get(String(h.id)) ?? String(h.id));
    },
    close: () => client.deleteIndexIfExists(indexUid).then(() => undefined),
  };
}
