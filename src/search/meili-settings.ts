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
    // Measured on tests/search-eval (BENCHMARKS.md): putting `attribute` (code, then title,
    // then text) right after `words` and proximity last raised MRR@10 from 0.763 to 0.832.
    rankingRules: ['words', 'attribute', 'typo', 'exactness', 'proximity', 'sort', 'position:asc'],
    stopWords: [...new Set(PERSIAN_STOP_WORDS.map(normalizePersian))],
    synonyms,
    typoTolerance: {
      enabled: true,
      // Short Persian words differ by one letter too often (کار/کار‌ها, برق/برگ): typos from 5 letters.
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
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

/**
 * Sent with every query. With stop words and question words already removed by our tokenizer,
 * 'last' (drop words from the end until something matches) beat 'frequency' on every category
 * of the evaluation (MRR@10 0.832 vs 0.805), most on questions.
 */
export const MEILI_SEARCH_DEFAULTS = { matchingStrategy: 'last' as const };
