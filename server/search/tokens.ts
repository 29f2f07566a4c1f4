/**
 * The browser never sees the master key: it gets a tenant token signed with a search-only
 * key, whose rules restrict it to its audience's records on the live index (the filter is the
 * audience policy's, `src/policy/audience.ts`: a record naming no audience matches no token). A filter sent
 * with a query is combined with the token's, so it can narrow but never widen what is seen.
 */
import type { Meilisearch } from 'meilisearch';
import { generateTenantToken } from 'meilisearch/token';
import { audienceFilter, type Audience } from '../../src/policy/audience';
import { SEARCH_INDEX } from '../../src/search/meili-settings';

const KEY_NAME = 'ayin-search';

export interface SearchKey {
  readonly uid: string;
  readonly key: string;
}

export async function ensureSearchKey(client: Meilisearch, indexUid = SEARCH_INDEX): Promise<SearchKey> {
  const { results } = await client.getKeys({ limit: 1000 });
  const existing = results.find((k) => k.name === KEY_NAME && k.actions.length === 1 && k.actions[0] === 'search' && k.indexes.includes(indexUid));
  if (existing) return { uid: existing.uid, key: existing.key };
  const created = await client.createKey({
    name: KEY_NAME,
    description: 'Ayin: signs the tenant tokens handed to browsers (search only)',
    actions: ['search'],
    indexes: [indexUid],
    expiresAt: null,
  });
  return { uid: created.uid, key: created.key };
}

export async function tenantTokenFor(key: SearchKey, audience: Audience, { indexUid = SEARCH_INDEX, ttlSeconds = 3600 } = {}) {
  const filter = audienceFilter(audience);
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
  const token = await generateTenantToken({
    apiKey: key.key,
    apiKeyUid: key.uid,
    searchRules: { [indexUid]: filter ? { filter } : {} },
    expiresAt,
  });
  return { token, expiresAt: expiresAt.toISOString() };
}
