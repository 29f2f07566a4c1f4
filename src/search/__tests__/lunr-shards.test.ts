import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildLunrIndex, loadLunrIndex } from '../lunr-engine';
import { shardedSearcher, shardLunrIndex, shardOf, shardsForQuery, type ShardedIndex } from '../lunr-shards';
import type { IndexedRecord } from '../record';

// No two words within Lunr's typo distance of each other, so a typo expansion cannot differ between a
// partial and the whole index (where the sharded index may differ by design: lunr-shards.ts).
const vocabulary = ['قبض', 'کنتور', 'انشعاب', 'تعرفه', 'قرائت', 'مشترک', 'بدهی', 'قطع', 'وصل', 'مهلت', 'پروانه', 'ساختمان', 'شکایت'];
const term = fc.constantFrom(...vocabulary);
const field = (minLength: number, maxLength: number) => fc.array(term, { minLength, maxLength }).map((t) => t.join(' '));
const docs = fc
  .array(fc.record({ codeTerms: field(0, 1), titleTerms: field(1, 5), contentTerms: field(1, 12), edition: fc.constantFrom('1403-07', '1404-09') }), { minLength: 1, maxLength: 25 })
  .map((ds) => ds.map((d, i): IndexedRecord => ({ ...d, id: `d${i}`, kind: 'regulation', url: `/r/${i}`, anchor: '', hierarchy: ['حوزه'], title: `ماده ${i}`, content: d.contentTerms, audience: ['staff'], position: i })));
// One to six words: short queries (every word, the last as a prefix) and long ones (BM25F).
const query = fc.array(fc.oneof(term, term.map((t) => t.slice(0, 2))), { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));

function sharded(collection: readonly IndexedRecord[], maxShardChars: number) {
  const file = buildLunrIndex(collection, [['کنتور', 'لوازم اندازهگیری']]);
  // Through JSON, as the browser gets each file.
  const index = JSON.parse(JSON.stringify(shardLunrIndex(file, { maxShardChars, blockSize: 4 }))) as ShardedIndex;
  const fetched: number[] = [];
  const searcher = shardedSearcher(
    index.head,
    async (n) => (fetched.push(n), index.shards[n]!),
    async (n) => index.blocks[n]!,
  );
  return { whole: loadLunrIndex(JSON.parse(JSON.stringify(file))), index, searcher, fetched };
}

describe('the sharded offline index', () => {
  it('answers every query as the whole Lunr index does, shards fetched on demand', async () => {
    await fc.assert(
      fc.asyncProperty(docs, fc.array(query, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 3000 }), async (collection, queries, maxShardChars) => {
        const { whole, searcher } = sharded(collection, maxShardChars);
        for (const q of queries) {
          const expected = whole.search(q, 50).map((h) => [h.record.id, h.score.toFixed(6)]);
          const got = (await searcher.search(q, 50)).map((h) => [h.record.id, h.score.toFixed(6)]);
          expect(got).toEqual(expected);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('fetches only the shards of the query’s terms, each once', async () => {
    const collection = Array.from({ length: 40 }, (_, i): IndexedRecord => ({ id: `d${i}`, kind: 'regulation', url: `/r/${i}`, anchor: '', hierarchy: [], title: '', content: '', codeTerms: '', titleTerms: vocabulary[i % vocabulary.length]!, contentTerms: `${vocabulary[(i * 7) % vocabulary.length]!} ${vocabulary[(i * 3) % vocabulary.length]!}`, audience: ['staff'], edition: '1404-09', position: i }));
    const { index, searcher, fetched } = sharded(collection, 200);
    expect(index.shards.length).toBeGreaterThan(5);
    await searcher.search('مهلت');
    expect(fetched).toEqual(shardsForQuery(index.head, 'مهلت'));
    expect(fetched.length).toBeLessThan(index.shards.length);
    await searcher.search('مهلت');
    expect(fetched.length).toBe(shardsForQuery(index.head, 'مهلت').length);
  });

  it('gives the full records of hits from their blocks', async () => {
    const collection = Array.from({ length: 10 }, (_, i): IndexedRecord => ({ id: `d${i}`, kind: 'regulation', url: `/r/${i}`, anchor: '', hierarchy: [], title: `عنوان ${i}`, content: 'متن', codeTerms: '', titleTerms: 'قبض', contentTerms: i === 7 ? 'کنتور' : 'مهلت', audience: ['staff'], edition: '1404-09', position: i }));
    const { searcher } = sharded(collection, 500);
    const hits = await searcher.search('کنتور');
    expect(hits.map((h) => h.record.id)).toEqual(['d7']);
    expect((await searcher.recordsOf(hits.map((h) => h.doc))).map((r) => r.title)).toEqual(['عنوان 7']);
  });

  it('finds the shard of a term by the shards’ first terms', () => {
    const starts = ['ا', 'ت', 'س', 'م'];
    expect(shardOf(starts, 'انشعاب')).toBe(0);
    expect(shardOf(starts, 'ت')).toBe(1);
    expect(shardOf(starts, 'قبض')).toBe(2);
    expect(shardOf(starts, 'مهلت')).toBe(3);
    expect(shardOf(starts, 'ی')).toBe(3);
  });

  it('rejects a head that is not an Ayin sharded index', () => {
    expect(() => shardedSearcher({} as never, async () => ({ terms: [] }), async () => [])).toThrow('not an Ayin sharded index head');
  });
});
