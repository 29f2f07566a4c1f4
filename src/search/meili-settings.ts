/**
 * Meilisearch index settings for Persian records. Our own normaliser has already folded
 * letters, digits, ZWNJ and suffixes into the `*Terms` fields, so Meilisearch matches terms
 * we control; each choice below was measured with `npm run search:eval` (BENCHMARKS.md).
 */
import { normalizePersian } from './normalize';
import { PERSIAN_STOP_WORDS } from './stopwords';

export const SEARCH_INDEX = 'ayin';

export const FILTERABLE = ['kind', 'area', 'type', 'authority', 'audience', 'edition', 'code', 'status', 'inForceFrom'] as const;

export function meiliSettings(synonyms: Record<string, string[]>) {
  return {
    searchableAttributes: ['codeTerms', 'titleTerms', 'contentTerms'],
    displayedAttributes: ['*'],
    filterableAttributes: [...FILTERABLE],
    sortableAttributes: ['inForceFrom', 'position'],
    // Words first, then typos and proximity; title before content via attribute order.
    rankingRules: ['words', 'typo', 'proximity', 'attribute', 'exactness', 'sort', 'position:asc'],
    stopWords: [...new Set(PERSIAN_STOP_WORDS.map(normalizePersian))],
    synonyms,
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
      disableOnAttributes: ['codeTerms'],
      disableOnNumbers: true,
    },
    // Our fields are already normalised Persian; telling Meilisearch so keeps its language
    // detection from guessing (it sometimes takes short Persian text for Arabic).
    localizedAttributes: [{ attributePatterns: ['*Terms'], locales: ['pes'] }],
    pagination: { maxTotalHits: 1000 },
    faceting: { maxValuesPerFacet: 100 },
  };
}

/** Sent with every query: 'frequency' drops the rarest words last, which suits questions. */
export const MEILI_SEARCH_DEFAULTS = { matchingStrategy: 'frequency' as const };
