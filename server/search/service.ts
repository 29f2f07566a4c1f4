/**
 * The server's view of search: which engine serves (Meilisearch when configured and
 * reachable, else the Lunr indexes built with the site), and the audience it serves until
 * accounts decide it per user.
 */
import type { Meilisearch } from 'meilisearch';
import type { Audience } from '../../src/search/audience';
import { SEARCH_INDEX } from '../../src/search/meili-settings';
import { meiliClient, type MeiliConnection } from './meili-client';
import { createRankedSearch, type ServerRankedSearch } from './ranked';
import { ensureSearchKey, tenantTokenFor, type SearchKey } from './tokens';

export interface SearchService {
  readonly audience: Audience;
  readonly meili?: { readonly host: string; readonly client: Meilisearch };
  /** The ranked search (one multi-search per query) when Meilisearch is configured. */
  readonly ranked?: ServerRankedSearch;
  /** The engine the browser is told to use first. */
  engine(): Promise<'meilisearch' | 'lunr'>;
  token(audience: Audience): Promise<{ token: string; expiresAt: string } | undefined>;
}

export function createSearchService({ meili, audience }: { meili?: MeiliConnection; audience: Audience }): SearchService {
  const client = meili ? meiliClient(meili, 2000) : undefined;
  let key: Promise<SearchKey> | undefined;
  const searchKey = () => (key ??= ensureSearchKey(client!).catch((error) => {
    key = undefined; // try again on the next request
    throw error;
  }));

  return {
    audience,
    meili: meili && client ? { host: meili.host, client } : undefined,
    ranked: client && createRankedSearch(client),
    async engine() {
      if (!client) return 'lunr';
      try {
        await client.index(SEARCH_INDEX).getStats();
        return 'meilisearch';
      } catch {
        return 'lunr';
      }
    },
    async token(forAudience) {
      if (!client) return undefined;
      try {
        return await tenantTokenFor(await searchKey(), forAudience);
      } catch {
        return undefined;
      }
    },
  };
}
