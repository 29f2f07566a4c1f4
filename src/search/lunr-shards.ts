/**
 * The offline index cut into term shards, so a reader downloads what a query needs and not the
 * whole collection (29 MB gzip at 50,000 records as one Lunr file).
 *
 * Lunr stays the index format: a shard is a slice of the built Lunr index — for a run of
 * consecutive terms (in Lunr's sorted term order), each term's postings and the weights Lunr
 * stored for it in each document's field vectors. The browser merges the shards it has into one
 * partial Lunr index. Lunr scores a document by the dot product of the query's vector with the
 * document's field vectors over the query's terms only (divided by the query vector's own
 * length), so a partial index holding every term a query expands to answers exactly as the
 * whole index does. What differs: a typo or prefix expansion finds only terms in loaded shards
 * (a short query's words load every shard their prefix ranges span; typos are matched among the terms
 * already loaded).
 *
 * Beside the shards: the head (per record its id, facets and field lengths, the shard
 * boundaries, the synonyms: what every query needs) and the records in blocks, fetched only
 * for the hits shown.
 */
import lunr from 'lunr';
import { shapeQuery } from './query-shape';
import { queryTermWeights } from './meili-ranking';
import { expandWithSynonyms } from './synonyms';
import { lunrSearcherOver, type LunrIndexFile, type LunrSearcher } from './lunr-engine';
import { LUNR_FIELDS } from './lunr-bm25f';
import type { SearchRecord } from './record';

/** What a query's filters and facets need of a record (src/search/filters.ts FACETS) and its edition copies. */
export type RecordMeta = Pick<SearchRecord, 'id' | 'kind' | 'area' | 'type' | 'authority' | 'audience' | 'edition' | 'alsoIn'>;

export interface ShardHead {
  readonly version: 1;
  readonly fields: readonly string[];
  /** Per record, in the index's order (a record's number is its position here). */
  readonly meta: readonly RecordMeta[];
  readonly lengths: readonly (readonly [number, number, number])[];
  readonly synonyms: readonly string[][];
  /** The first term of each shard, sorted: shard i holds the terms from starts[i] up to starts[i + 1]. */
  readonly starts: readonly string[];
  /** Records per block (block b holds records b·blockSize … ). */
  readonly blockSize: number;
}

/** One term: its Lunr vector position and, per field (LUNR_FIELDS order), records' numbers as gaps and Lunr's weights ×1000. */
export type ShardTerm = readonly [term: string, index: number, fields: readonly (readonly [gaps: readonly number[], weights: readonly number[]])[]];

export interface Shard {
  readonly terms: readonly ShardTerm[];
}

export interface ShardedIndex {
  readonly head: ShardHead;
  readonly shards: readonly Shard[];
  readonly blocks: readonly (readonly SearchRecord[])[];
}

export interface ShardOptions {
  /** A shard is closed once its JSON passes this many characters (a single term larger stays whole). */
  readonly maxShardChars?: number;
  readonly blockSize?: number;
}

export const SHARD_DEFAULTS = { maxShardChars: 160_000, blockSize: 32 } as const;

interface SerialisedLunr {
  readonly fields: readonly string[];
  readonly fieldVectors: readonly (readonly [string, readonly number[]])[];
  readonly invertedIndex: readonly (readonly [string, { readonly _index: number } & Record<string, unknown>])[];
}

const metaOf = ({ id, kind, area, type, authority, audience, edition, alsoIn }: SearchRecord): RecordMeta => ({ id, kind, area, type, authority, audience, edition, ...(alsoIn ? { alsoIn } : {}) });

/** Cuts a built Lunr index file (lunr-engine.ts buildLunrIndex) into a head, term shards and record blocks. */
export function shardLunrIndex(file: LunrIndexFile, options: ShardOptions = {}): ShardedIndex {
  const { maxShardChars, blockSize } = { ...SHARD_DEFAULTS, ...options };
  const index = file.index as SerialisedLunr;
  const doc = new Map(file.records.map((r, i) => [r.id, i]));
  const fieldNo = new Map(LUNR_FIELDS.map(([f], i) => [f as string, i]));
  // Postings by term position and field, gathered from the field vectors (records in index order).
  const postings = new Map<number, [number[], number[]][]>();
  for (const [fieldRef, elements] of index.fieldVectors) {
    const slash = fieldRef.indexOf('/');
    const f = fieldNo.get(fieldRef.slice(0, slash));
    const d = doc.get(fieldRef.slice(slash + 1));
    if (f === undefined || d === undefined) throw new Error(`lunr-shards: field vector ${fieldRef} names no known field or record`);
    for (let i = 0; i < elements.length; i += 2) {
      let p = postings.get(elements[i]!);
      if (!p) postings.set(elements[i]!, (p = LUNR_FIELDS.map(() => [[], []])));
      p[f]![0].push(d);
      p[f]![1].push(Math.round(elements[i + 1]! * 1000));
    }
  }
  const shards: ShardTerm[][] = [];
  const starts: string[] = [];
  let chars = Infinity;
  // Lunr writes its terms sorted, so a shard is a range of terms (what a prefix needs).
  for (const [term, posting] of index.invertedIndex) {
    const fields = (postings.get(posting._index) ?? LUNR_FIELDS.map((): [number[], number[]] => [[], []])).map(([docs, weights]) => [docs.map((d, i) => d - (docs[i - 1] ?? 0)), weights] as const);
    const entry: ShardTerm = [term, posting._index, fields];
    const size = JSON.stringify(entry).length;
    if (chars + size > maxShardChars) {
      shards.push([]);
      starts.push(term);
      chars = 0;
    }
    shards.at(-1)!.push(entry);
    chars += size;
  }
  const blocks: SearchRecord[][] = [];
  for (let i = 0; i < file.records.length; i += blockSize) blocks.push(file.records.slice(i, i + blockSize));
  return {
    head: { version: 1, fields: index.fields, meta: file.records.map(metaOf), lengths: file.lengths, synonyms: file.synonyms, starts, blockSize },
    shards: shards.map((terms) => ({ terms })),
    blocks,
  };
}

/** The shard that holds `term` (or would). */
export function shardOf(starts: readonly string[], term: string): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= term) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The shards a query needs: every term it is matched on (its terms, joined pairs, synonyms) and,
 * for a short query, every shard each word's prefix range spans (any word may end up the last,
 * which Lunr matches as a prefix).
 */
export function shardsForQuery(head: Pick<ShardHead, 'starts' | 'synonyms'>, query: string): number[] {
  if (!head.starts.length) return [];
  const shaped = shapeQuery(query);
  const needed = new Set<number>();
  const terms = [...queryTermWeights(shaped, head.synonyms).keys()];
  if (shaped.shape !== 'long') terms.push(...expandWithSynonyms(shaped.terms.join(' '), head.synonyms).flatMap((s) => s.split(' ')));
  for (const t of terms) needed.add(shardOf(head.starts, t));
  if (shaped.shape !== 'long') {
    // Each word may end the query: while no record matches them all, the last is dropped (lunr-engine.ts).
    for (const t of shaped.terms) {
      if (t.length < 2) continue;
      for (let s = shardOf(head.starts, t), end = shardOf(head.starts, `${t}\uffff`); s <= end; s++) needed.add(s);
    }
  }
  return [...needed].sort((a, b) => a - b);
}

export interface ShardedSearcher {
  /** The best `limit` hits (records' filter fields only: `recordsOf` fetches what is shown). */
  search(query: string, limit?: number): Promise<{ record: RecordMeta; doc: number; score: number }[]>;
  /** Full records of hits, fetching their blocks. */
  recordsOf(docs: readonly number[]): Promise<SearchRecord[]>;
  /** The shards fetched so far. */
  readonly loaded: ReadonlySet<number>;
}

/**
 * A searcher over a sharded index: `fetchShard`/`fetchBlock` bring one file (the browser: over
 * HTTP; tools: from memory). Each query fetches the shards it lacks, then Lunr answers over the
 * merged partial index as lunr-engine.ts does over the whole one.
 */
export function shardedSearcher(head: ShardHead, fetchShard: (n: number) => Promise<Shard>, fetchBlock: (n: number) => Promise<readonly SearchRecord[]>): ShardedSearcher {
  if (head?.version !== 1 || !Array.isArray(head.meta) || head.lengths?.length !== head.meta.length || !Array.isArray(head.starts)) throw new Error('not an Ayin sharded index head');
  const loaded = new Set<number>();
  /** Lunr's serialised posting: `_index` and, per field, the refs holding the term. */
  type Posting = Record<string, number | Record<string, object>>;
  const inverted = new Map<string, Posting>();
  const vectors = new Map<string, number[][]>();
  const blocks = new Map<number, Promise<readonly SearchRecord[]>>();
  let searcher: LunrSearcher<RecordMeta & { doc: number }> | undefined;
  const refs = head.meta.map((m, doc) => ({ ...m, doc }));

  function merge(shard: Shard): void {
    for (const [term, index, fields] of shard.terms) {
      const posting: Posting = { _index: index };
      fields.forEach(([gaps, weights], f) => {
        const field = LUNR_FIELDS[f]![0];
        const docs: Record<string, object> = {};
        let d = 0;
        gaps.forEach((gap, i) => {
          d += gap;
          const ref = head.meta[d]!.id;
          docs[ref] = {};
          const key = `${field}/${ref}`;
          let v = vectors.get(key);
          if (!v) vectors.set(key, (v = []));
          v.push([index, weights[i]! / 1000]);
        });
        posting[field] = docs;
      });
      inverted.set(term, posting);
    }
  }

  function rebuild(): void {
    // Lunr wants its terms sorted (its token set) and each vector's positions ascending.
    const serialised = {
      version: lunr.version,
      fields: head.fields,
      fieldVectors: [...vectors].map(([ref, pairs]) => [ref, pairs.sort((a, b) => a[0]! - b[0]!).flat()]),
      invertedIndex: [...inverted].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      pipeline: [],
    };
    searcher = lunrSearcherOver(lunr.Index.load(serialised), refs, head.lengths, head.synonyms);
  }

  return {
    loaded,
    async search(query, limit = 50) {
      const missing = shardsForQuery(head, query).filter((s) => !loaded.has(s));
      if (missing.length || !searcher) {
        for (const shard of await Promise.all(missing.map(fetchShard))) merge(shard);
        for (const s of missing) loaded.add(s);
        rebuild();
      }
      return searcher!.search(query, limit).map(({ record: { doc, ...record }, score }) => ({ record, doc, score }));
    },
    async recordsOf(docs) {
      const out: SearchRecord[] = [];
      for (const d of docs) {
        const b = Math.floor(d / head.blockSize);
        if (!blocks.has(b)) blocks.set(b, fetchBlock(b).catch((error) => (blocks.delete(b), Promise.reject(error))));
        const record = (await blocks.get(b)!)[d - b * head.blockSize];
        if (record) out.push(record);
      }
      return out;
    },
  };
}
