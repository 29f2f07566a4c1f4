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
  /** One Lunr query over `queryTerms` (the last one also as a prefix), with the same expansions. */
  function run(queryTerms: readonly string[], joined: readonly string[], synonyms: readonly string[]) {
    return index.query((q) => {
      queryTerms.forEach((term, i) => {
        q.term(term, { boost: 10 });
        if (i === queryTerms.length - 1 && term.length >= 2) q.term(term, { boost: 3, wildcard: lunr.Query.wildcard.TRAILING });
        if (term.length >= 5) q.term(term, { boost: 1, editDistance: term.length >= 9 ? 2 : 1 });
      });
      for (const term of joined) q.term(term, { boost: 8 });
      for (const term of synonyms) q.term(term, { boost: 5 });
    });
  }

  return {
    search(query, limit = 50) {
      // A long question is matched on its topic terms: its question words are dropped (query-shape.ts).
      const { shape, terms: queryTerms, words, joined } = shapeQuery(query);
      if (!queryTerms.length) return [];
      const synonymsOf = (terms: readonly string[]) => expandWithSynonyms(terms.join(' '), file.synonyms).flatMap((s) => s.split(' '));
      let hits: lunr.Index.Result[];
      if (shape === 'long') {
        hits = run(queryTerms, joined, synonymsOf(queryTerms));
      } else {
        // A word or two typed (or a code) wants every word, as Meilisearch's `last` strategy: a
        // hit must match each term; while none does, the last term is dropped and it is tried again.
        // (Lunr alone would return anything matching any one word: «کنتور زرافه‌نما» found «نماینده».)
        hits = [];
        for (let k = words.length; k >= 1 && hits.length === 0; k--) {
          const keptWords = words.slice(0, k);
          const kept = [...new Set(keptWords.flat())];
          const keptJoined = joined.slice(0, Math.max(0, k - 1));
          const synonyms = synonymsOf(kept);
          hits = run(kept, keptJoined, synonyms).filter((hit) => coversEvery(Object.keys(hit.matchData.metadata), keptWords, keptJoined, synonyms));
        }
      }
      return hits.slice(0, limit).flatMap((hit) => {
        const record = byId.get(hit.ref);
        return record ? [{ record, score: hit.score }] : [];
      });
    },
  };
}

/**
 * Whether the terms a hit matched cover each word typed: one of the word's terms itself, a
 * prefix of it (the last word), a typo within Lunr's distance, or an adjacent pair written
 * together. A synonym stands for the phrase it replaces, so a hit matching one covers the query.
 */
export function coversEvery(matched: readonly string[], words: readonly (readonly string[])[], joined: readonly string[], synonyms: readonly string[]): boolean {
  if (matched.some((m) => synonyms.includes(m))) return true;
  const covers = (term: string, last: boolean) => {
    const distance = term.length >= 9 ? 2 : term.length >= 5 ? 1 : 0;
    return matched.some(
      (m) =>
        m === term ||
        (last && term.length >= 2 && m.startsWith(term)) ||
        (distance > 0 && withinDistance(m, term, distance)) ||
        joined.some((pair) => pair === m && pair.includes(term)),
    );
  };
  return words.every((wordTerms, i) => wordTerms.some((term) => covers(term, i === words.length - 1)));
}

/** Levenshtein distance of `a` and `b` is at most `max` (small strings, small max). */
function withinDistance(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]! <= max;
}
