/**
 * The embedded fallback: a Lunr index over the same terms Meilisearch gets. Lunr's default
 * pipeline (trimmer, English stemmer and stop words) would delete or mangle Persian words, so
 * it is replaced by our tokenizer; queries are built term by term with the same expansions
 * Meilisearch applies itself (prefix on the last word, typos on long words, synonyms,
 * adjacent words joined).
 */
import lunr from 'lunr';
import type { IndexedRecord, SearchRecord } from './record';
import { expandWithSynonyms } from './synonyms';
import { shapeQuery } from './query-shape';

/** What a serialized Lunr index file holds. */
export interface LunrIndexFile {
  readonly version: 1;
  readonly index: object;
  readonly records: readonly SearchRecord[];
  readonly synonyms: readonly string[][];
}

const FIELDS = [
  ['codeTerms', 8],
  ['titleTerms', 3],
  ['contentTerms', 1],
] as const;

// Our fields already hold normalised terms separated by spaces.
const spaceTokenizer = Object.assign(
  (obj?: unknown) => (obj == null ? [] : String(obj).split(' ').filter(Boolean).map((t) => new lunr.Token(t, {}))),
  { separator: / +/ },
);

export function buildLunrIndex(records: readonly IndexedRecord[], synonyms: readonly string[][]): LunrIndexFile {
  const index = lunr(function () {
    this.pipeline.reset();
    this.searchPipeline.reset();
    (this as unknown as { tokenizer: typeof spaceTokenizer }).tokenizer = spaceTokenizer;
    this.ref('id');
    for (const [field, boost] of FIELDS) this.field(field, { boost });
    this.metadataWhitelist = [];
    for (const record of records) this.add(record);
  });
  const plain = records.map(({ titleTerms: _t, contentTerms: _c, codeTerms: _k, ...record }) => record);
  return { version: 1, index: index.toJSON(), records: plain, synonyms };
}

export interface LunrSearcher {
  search(query: string, limit?: number): { record: SearchRecord; score: number }[];
}

export function loadLunrIndex(file: LunrIndexFile): LunrSearcher {
  if (file?.version !== 1 || !file.index || !Array.isArray(file.records)) throw new Error('not an Ayin Lunr index file');
  const index = lunr.Index.load(file.index);
  const byId = new Map(file.records.map((r) => [r.id, r]));
  return {
    search(query, limit = 50) {
      // A long question is matched on its topic terms: its question words are dropped (query-shape.ts).
      const { terms: queryTerms, joined } = shapeQuery(query);
      if (!queryTerms.length) return [];
      const text = queryTerms.join(' ');
      const synonyms = expandWithSynonyms(text, file.synonyms).flatMap((s) => s.split(' '));
      const hits = index.query((q) => {
        queryTerms.forEach((term, i) => {
          q.term(term, { boost: 10 });
          if (i === queryTerms.length - 1 && term.length >= 2) q.term(term, { boost: 3, wildcard: lunr.Query.wildcard.TRAILING });
          if (term.length >= 5) q.term(term, { boost: 1, editDistance: term.length >= 9 ? 2 : 1 });
        });
        for (const term of joined) q.term(term, { boost: 8 });
        for (const term of synonyms) q.term(term, { boost: 5 });
      });
      return hits.slice(0, limit).flatMap((hit) => {
        const record = byId.get(hit.ref);
        return record ? [{ record, score: hit.score }] : [];
      });
    },
  };
}
