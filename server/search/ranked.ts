/**
 * The server's ranked search: every pass of a query in ONE Meilisearch multi-search with the
 * server's own key, under the session's audience filter (never the browser's), re-ranked and
 * fused with the server's in-memory BM25F index (src/search/bm25-index.ts).
 *
 * The in-memory index is read from the live Meilisearch index itself (so it is what was
 * indexed, by this process or by `npm run index`), and read again in the background when the
 * live index changes (checked at most every REFRESH_CHECK_MS): queries never wait for it,
 * except the very first.
 */
import type { Meilisearch } from 'meilisearch';
import { audienceFilter, canSee, type Audience } from '../../src/policy/audience';
import { buildBm25Index, type Bm25Index } from '../../src/search/bm25-index';
import { FACETS, matchesFilters, meiliFilter, type Filters } from '../../src/search/filters';
import { RANKING_DEFAULTS, TERM_FIELDS } from '../../src/search/meili-ranking';
import { SEARCH_INDEX } from '../../src/search/meili-settings';
import { rankedSearch, type MeiliAnswer, type RankedPage } from '../../src/search/ranked-search';
import type { SearchRecord } from '../../src/search/record';

export const REFRESH_CHECK_MS = 5000;
/** What a hit carries to the browser. */
export const DISPLAYED = ['id', 'kind', 'url', 'anchor', 'hierarchy', 'title', 'content', 'code', 'area', 'type', 'authority', 'audience', 'edition', 'inForceFrom'] as const;

type Hit = Pick<SearchRecord, (typeof DISPLAYED)[number]>;

export interface RankedSearchQuery {
  readonly query: string;
  readonly audience: Audience;
  readonly filters: Filters;
  readonly offset: number;
  readonly limit: number;
  readonly facets: boolean;
}

export interface ServerRankedSearch {
  search(query: RankedSearchQuery): Promise<RankedPage<Hit>>;
}

async function readAllDocuments(client: Meilisearch, indexUid: string) {
  const documents: (Hit & Record<(typeof TERM_FIELDS)[number], string>)[] = [];
  for (let offset = 0; ; offset += 5000) {
    const page = await client.index(indexUid).getDocuments({ offset, limit: 5000, fields: [...DISPLAYED, ...TERM_FIELDS] });
    documents.push(...(page.results as never[]));
    if (page.results.length < 5000) return documents;
  }
}

export function createRankedSearch(client: Meilisearch, { indexUid = SEARCH_INDEX, now = Date.now } = {}): ServerRankedSearch {
  let local: { version: string; index: Promise<Bm25Index<Hit>> } | undefined;
  let checkedAt = -Infinity;

  const version = async () => {
    const info = await client.index(indexUid).getRawInfo();
    const stats = await client.index(indexUid).getStats();
    return `${info.uid}:${info.updatedAt}:${stats.numberOfDocuments}`;
  };
  const load = (v: string) => {
    const index = readAllDocuments(client, indexUid).then((docs) =>
      buildBm25Index(docs, { keep: ({ codeTerms: _k, titleTerms: _t, contentTerms: _c, ...hit }) => hit as Hit, options: RANKING_DEFAULTS.bm25 }),
    );
    const entry = { version: v, index };
    index.catch(() => {
      if (local === entry) local = undefined; // read again on the next query
    });
    return entry;
  };
  const current = async (): Promise<Bm25Index<Hit> | undefined> => {
    if (!local) {
      local = load(await version());
      checkedAt = now();
    } else if (now() - checkedAt >= REFRESH_CHECK_MS) {
      checkedAt = now();
      // In the background: the old index serves until the new one is read.
      void version()
        .then(async (v) => {
          if (v === local?.version) return;
          const next = load(v);
          await next.index;
          local = next;
        })
        .catch(() => undefined);
    }
    return local.index.catch(() => undefined);
  };

  return {
    async search({ query, audience, filters, offset, limit, facets }) {
      const index = await current();
      const own = audienceFilter(audience);
      return rankedSearch<Hit>(
        async (queries) => {
          const { results } = await client.multiSearch({ queries: queries.map((q) => ({ indexUid, ...q, filter: [...q.filter], attributesToRetrieve: [...q.attributesToRetrieve], facets: q.facets && [...q.facets] })) });
          return results as unknown as MeiliAnswer<Hit>[];
        },
        {
          query,
          filter: [...(own ? [own] : []), ...meiliFilter(filters)],
          offset,
          limit,
          facets: facets ? FACETS : undefined,
          retrieve: DISPLAYED,
          local: index && { index, accept: (r) => canSee(audience, r.audience) && matchesFilters(r as never, filters) },
        },
      );
    },
  };
}
