import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bm25Scores } from '../bm25';
import { buildBm25Index } from '../bm25-index';

// A small vocabulary, so random documents and queries share terms.
const term = fc.constantFrom('قبض', 'کنتور', 'انشعاب', 'تعرفه', 'قرائت', 'مشترک', 'بدهی', 'قطع', 'وصل', 'مهلت');
const field = fc.array(term, { minLength: 1, maxLength: 8 }).map((t) => t.join(' '));
const docs = fc.array(fc.record({ codeTerms: field, titleTerms: field, contentTerms: field }), { minLength: 1, maxLength: 30 }).map((ds) => ds.map((d, i) => ({ ...d, id: `d${i}`, odd: i % 2 === 1 })));
const query = fc.uniqueArray(term, { minLength: 1, maxLength: 4 }).chain((terms) => fc.tuple(fc.constant(terms), fc.array(fc.double({ min: 0.1, max: 1, noNaN: true }), { minLength: terms.length, maxLength: terms.length })));

describe('the in-memory BM25F index', () => {
  it('scores every document as the pure BM25F scorer does over the whole collection', () => {
    fc.assert(
      fc.property(docs, query, (collection, [terms, ws]) => {
        const weights = new Map(terms.map((t, i) => [t, ws[i]!]));
        const index = buildBm25Index(collection, { options: { k1: 1.6 } });
        const scored = index.score({ termWeights: weights });
        const expected = bm25Scores(terms, collection, { k1: 1.6 }, weights);
        collection.forEach((d, i) => expect(scored.scoreOf(d.id)).toBeCloseTo(expected[i]!, 4));
      }),
    );
  });

  it('gives the best k accepted documents, best first, without duplicates: as sorting them all would', () => {
    fc.assert(
      fc.property(docs, query, fc.integer({ min: 0, max: 12 }), (collection, [terms], k) => {
        const index = buildBm25Index(collection);
        const scored = index.score({ termWeights: new Map(terms.map((t) => [t, 1])) });
        const top = scored.top(k, (r) => !r.odd);
        const all = collection
          .filter((d) => !d.odd && scored.scoreOf(d.id) > 0)
          .sort((a, b) => scored.scoreOf(b.id) - scored.scoreOf(a.id) || Number(a.id.slice(1)) - Number(b.id.slice(1)));
        expect(top.map((h) => h.record.id)).toEqual(all.slice(0, k).map((d) => d.id));
        expect(top.every((h) => !h.record.odd)).toBe(true);
      }),
    );
  });

  it('is not changed by an earlier query (no score is carried over)', () => {
    const collection = [
      { id: 'a', codeTerms: '', titleTerms: 'قبض', contentTerms: 'قبض برق' },
      { id: 'b', codeTerms: '', titleTerms: 'کنتور', contentTerms: 'قرائت کنتور' },
    ];
    const index = buildBm25Index(collection);
    const first = index.score({ termWeights: new Map([['کنتور', 1]]) }).scoreOf('b');
    index.score({ termWeights: new Map([['قبض', 1], ['کنتور', 1]]) });
    expect(index.score({ termWeights: new Map([['کنتور', 1]]) }).scoreOf('b')).toBe(first);
    expect(index.score({ termWeights: new Map([['کنتور', 1]]) }).scoreOf('a')).toBe(0);
    expect(index.get('a')?.titleTerms).toBe('قبض');
  });

  it('with a phrase weight, ranks the words adjacent above the same words apart', () => {
    const collection = [
      { id: 'apart', codeTerms: '', titleTerms: 'مقرره', contentTerms: 'قطع مهلت برق وصل' },
      { id: 'adjacent', codeTerms: '', titleTerms: 'مقرره', contentTerms: 'مهلت وصل قطع برق' },
    ];
    const termWeights = new Map([['قطع', 1], ['برق', 1]]);
    const pairs = [['قطع', 'برق'] as const];
    const plain = buildBm25Index(collection).score({ termWeights, pairs });
    expect(plain.scoreOf('apart')).toBeCloseTo(plain.scoreOf('adjacent'), 9);
    const withPhrase = buildBm25Index(collection, { options: { phrase: 0.5 } }).score({ termWeights, pairs });
    expect(withPhrase.top(2, () => true).map((h) => h.record.id)).toEqual(['adjacent', 'apart']);
  });
});
