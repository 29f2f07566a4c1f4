import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { audienceFilter, canSee } from '../../policy/audience';
import { buildBm25Index } from '../bm25-index';
import { rankedSearch, type MeiliAnswer, type MeiliQuery } from '../ranked-search';
import { searchableText } from '../tokenize';

const WORDS = ['قبض', 'کنتور', 'انشعاب', 'تعرفه', 'قرائت', 'مشترک', 'بدهی', 'قطع', 'وصل', 'مهلت', 'شکایت', 'پرداخت'];
const AUDIENCES = [['staff'], ['contractor'], ['public'], ['staff', 'contractor']];

interface Doc {
  id: string;
  audience: string[];
  codeTerms: string;
  titleTerms: string;
  contentTerms: string;
}

const docs = fc
  .array(fc.record({ audience: fc.constantFrom(...AUDIENCES), title: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }), content: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 10 }) }), { minLength: 1, maxLength: 40 })
  .map((ds) => ds.map((d, i): Doc => ({ id: `r${i}`, audience: d.audience, codeTerms: '', titleTerms: searchableText(d.title.join(' ')), contentTerms: searchableText(d.content.join(' ')) })));
// Questions of four words and more take the fused path; shorter ones Meilisearch's own order.
const question = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));

/**
 * Meilisearch as the contract has it: each pass answers only records under its filter (the
 * audience rule is the first expression), in an order of its own (here: seeded, any).
 */
function filteredPasses(collection: readonly Doc[], audience: 'contractor' | 'public', orders: readonly number[][]) {
  const asked: MeiliQuery[][] = [];
  const multiSearch = async (queries: MeiliQuery[]): Promise<MeiliAnswer<Doc>[]> => {
    asked.push(queries);
    return queries.map((q, i) => {
      expect(q.filter[0]).toBe(audienceFilter(audience));
      const visible = collection.filter((d) => canSee(audience, d.audience));
      const order = orders[i % orders.length] ?? [];
      const hits = [...new Set(order.map((n) => visible[n % (visible.length || 1)]).filter((d): d is Doc => Boolean(d)))].slice(0, q.limit);
      return { hits, estimatedTotalHits: visible.length };
    });
  };
  return { multiSearch, asked };
}

describe('the ranked search', () => {
  it('never answers a duplicate, nor a record outside the audience, nor more than asked', async () => {
    await fc.assert(
      fc.asyncProperty(docs, question, fc.constantFrom('contractor' as const, 'public' as const), fc.array(fc.array(fc.nat(60), { maxLength: 20 }), { minLength: 1, maxLength: 2 }), fc.integer({ min: 1, max: 15 }), async (collection, query, audience, orders, limit) => {
        const { multiSearch, asked } = filteredPasses(collection, audience, orders);
        // The in-memory index holds every record, of every audience: `accept` must keep the others out.
        const index = buildBm25Index(collection);
        const page = await rankedSearch(multiSearch, {
          query,
          filter: [audienceFilter(audience)!],
          offset: 0,
          limit,
          retrieve: ['id', 'audience'],
          local: { index, accept: (r) => canSee(audience, r.audience) },
        });
        const ids = page.hits.map((h) => h.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(page.hits.filter((h) => !canSee(audience, h.audience))).toEqual([]);
        expect(ids.length).toBeLessThanOrEqual(limit);
        // One multi-search per query, whatever its shape.
        expect(asked.length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });

  it('finds a long question\'s clause through the in-memory index when Meilisearch returns nothing for it', async () => {
    const collection: Doc[] = [
      { id: 'other', audience: ['public'], codeTerms: '', titleTerms: searchableText('تعرفه'), contentTerms: searchableText('تعرفه کشاورزی') },
      { id: 'answer', audience: ['public'], codeTerms: '', titleTerms: searchableText('وصل برق'), contentTerms: searchableText('پس از پرداخت بدهی برق مشترک ظرف ۲۴ ساعت وصل می‌شود') },
    ];
    const page = await rankedSearch(async (queries) => queries.map(() => ({ hits: [], estimatedTotalHits: 0 })), {
      query: 'اگر مشترک بدهی را پرداخت کند برق چه زمانی وصل می‌شود',
      filter: [],
      offset: 0,
      limit: 5,
      retrieve: ['id'],
      local: { index: buildBm25Index(collection), accept: () => true },
    });
    expect(page.hits.map((h) => h.id)[0]).toBe('answer');
  });
});
