import fc from 'fast-check';
import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { buildBm25Index } from '../bm25-index';
import { lunrBm25f } from '../lunr-bm25f';
import { buildLunrIndex } from '../lunr-engine';
import type { IndexedRecord } from '../record';

// A small vocabulary, so random documents and queries share terms; a field may be empty (most codes are).
const term = fc.constantFrom('قبض', 'کنتور', 'انشعاب', 'تعرفه', 'قرائت', 'مشترک', 'بدهی', 'قطع', 'وصل', 'مهلت');
const field = (minLength: number, maxLength: number) => fc.array(term, { minLength, maxLength }).map((t) => t.join(' '));
const docs = fc
  .array(fc.record({ codeTerms: field(0, 2), titleTerms: field(1, 6), contentTerms: field(1, 14) }), { minLength: 1, maxLength: 30 })
  .map((ds) => ds.map((d, i): IndexedRecord => ({ ...d, id: `d${i}`, kind: 'regulation', url: `/r/${i}`, anchor: '', hierarchy: [], title: '', content: '', audience: ['staff'], edition: 'current', position: i })));
const query = fc.uniqueArray(term, { minLength: 1, maxLength: 4 }).chain((terms) => fc.tuple(fc.constant(terms), fc.array(fc.double({ min: 0.1, max: 1, noNaN: true }), { minLength: terms.length, maxLength: terms.length })));

function ranker(collection: readonly IndexedRecord[]) {
  const file = JSON.parse(JSON.stringify(buildLunrIndex(collection, []))) as ReturnType<typeof buildLunrIndex>;
  return lunrBm25f(lunr.Index.load(file.index), file.records.map((r) => r.id), file.lengths, { k1: 1.6 });
}

/** What the server's in-memory index (bm25-index.ts) gives each document: the fallback must order as it does. */
function serverScores(collection: readonly IndexedRecord[], weights: ReadonlyMap<string, number>): number[] {
  const scored = buildBm25Index(collection, { options: { k1: 1.6 } }).score({ termWeights: weights });
  return collection.map((d) => scored.scoreOf(d.id));
}

describe('BM25F over a serialised Lunr index', () => {
  it('scores every document as the server’s BM25F index does (term frequencies recovered from Lunr’s weights)', () => {
    fc.assert(
      fc.property(docs, query, (collection, [terms, ws]) => {
        const weights = new Map(terms.map((t, i) => [t, ws[i]!]));
        const ranked = new Map(ranker(collection).rank(weights, collection.length).map((h) => [h.ref, h.score]));
        const expected = serverScores(collection, weights);
        collection.forEach((d, i) => expect(ranked.get(d.id) ?? 0).toBeCloseTo(expected[i]!, 4));
      }),
    );
  });

  it('keeps the best `limit`, best first, ties in the index’s order', () => {
    fc.assert(
      fc.property(docs, query, fc.integer({ min: 0, max: 12 }), (collection, [terms], limit) => {
        const weights = new Map(terms.map((t) => [t, 1]));
        const expected = serverScores(collection, weights);
        const order = collection
          .map((d, i) => ({ id: d.id, s: expected[i]!, i }))
          .filter((x) => x.s > 0)
          .sort((a, b) => b.s - a.s || a.i - b.i);
        const got = ranker(collection).rank(weights, limit);
        expect(got.length).toBe(Math.min(limit, order.length));
        // Scores agree to 1e-4, so equal-scored neighbours may swap: compare scores in order.
        got.forEach((h, i) => expect(h.score).toBeCloseTo(order[i]!.s, 4));
      }),
    );
  });

  it('recovers a frequent term in a long text closely enough for the saturated score', () => {
    const long = Array.from({ length: 40 }, () => 'قبض').join(' ') + ' کنتور';
    const collection = [long, 'قبض کنتور', 'کنتور مهلت'].map((contentTerms, i): IndexedRecord => ({ codeTerms: '', titleTerms: 'مهلت', contentTerms, id: `d${i}`, kind: 'regulation', url: '', anchor: '', hierarchy: [], title: '', content: '', audience: ['staff'], edition: 'current', position: i }));
    const weights = new Map([['قبض', 1]]);
    const got = new Map(ranker(collection).rank(weights, 3).map((h) => [h.ref, h.score]));
    const expected = serverScores(collection, weights);
    expect(got.get('d0')).toBeCloseTo(expected[0]!, 2);
    expect(got.get('d1')).toBeCloseTo(expected[1]!, 4);
    expect(got.has('d2')).toBe(false);
  });
});
