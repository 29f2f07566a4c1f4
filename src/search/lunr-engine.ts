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
import { lunrBm25f, LUNR_FIELDS } from './lunr-bm25f';
import { queryTermWeights, RANKING_DEFAULTS } from './meili-ranking';

/** What a serialized Lunr index file holds. */
export interface LunrIndexFile {
  readonly version: 2;
  readonly index: object;
  readonly records: readonly SearchRecord[];
  /** Per record, its code, title and content lengths in terms: what BM25F needs that Lunr does not keep (lunr-bm25f.ts). */
  readonly lengths: readonly (readonly [number, number, number])[];
  readonly synonyms: readonly string[][];
}

const FIELDS = LUNR_FIELDS;
const termCount = (terms: string) => terms.split(' ').filter(Boolean).length;

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
  const lengths = records.map((r) => [termCount(r.codeTerms), termCount(r.titleTerms), termCount(r.contentTerms)] as const);
  return { version: 2, index: index.toJSON(), records: plain, lengths, synonyms };
}

export interface LunrSearcher<R = SearchRecord> {
  search(query: string, limit?: number): { record: R; score: number }[];
}

export function loadLunrIndex(file: LunrIndexFile): LunrSearcher {
  if (file?.version !== 2 || !file.index || !Array.isArray(file.records) || file.lengths?.length !== file.records.length) throw new Error('not an Ayin Lunr index file');
  return lunrSearcherOver(lunr.Index.load(file.index), file.records, file.lengths, file.synonyms);
}

/**
 * The searcher over a loaded Lunr index (the whole one, or the shards merged so far:
 * lunr-shards.ts); `records[i]` is the record of ref `records[i].id`, with field lengths `lengths[i]`.
 */
export function lunrSearcherOver<R extends { readonly id: string }>(index: lunr.Index, records: readonly R[], lengths: LunrIndexFile['lengths'], synonymGroups: readonly string[][]): LunrSearcher<R> {
  const file = { synonyms: synonymGroups };
  const byId = new Map(records.map((r) => [r.id, r]));
  const bm25f = lunrBm25f(index, records.map((r) => r.id), lengths, RANKING_DEFAULTS.bm25);
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
      const shaped = shapeQuery(query);
      const { shape, terms: queryTerms, words, joined } = shaped;
      if (!queryTerms.length) return [];
      const synonymsOf = (terms: readonly string[]) => expandWithSynonyms(terms.join(' '), file.synonyms).flatMap((s) => s.split(' '));
      let hits: { ref: string; score: number }[];
      if (shape === 'long') {
        // As the server orders a long question: BM25F over its topic terms (an OR, none
        // required), joined pairs and synonyms weighted less, no prefix or typo expansions.
        hits = bm25f.rank(queryTermWeights(shaped, file.synonyms), limit);
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
