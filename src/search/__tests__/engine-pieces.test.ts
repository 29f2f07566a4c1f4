import { describe, expect, it } from 'vitest';
import { audienceFilter, canSee } from '../audience';
import { matchesFilters, meiliFilter, sanitizeFilters } from '../filters';
import { buildLunrIndex, loadLunrIndex } from '../lunr-engine';
import { ndcgAt, percentile, recallAt, reciprocalRankAt } from '../metrics';
import { prepareIndex } from '../prepare';
import type { SearchRecord } from '../record';
import { expandWithSynonyms, meiliSynonyms, synonymGroups } from '../synonyms';

describe('audience', () => {
  it('staff see everything, contractors theirs and public, the public only public', () => {
    expect(canSee('staff', ['staff'])).toBe(true);
    expect(canSee('contractor', ['staff'])).toBe(false);
    expect(canSee('contractor', ['staff', 'contractor'])).toBe(true);
    expect(canSee('public', ['contractor'])).toBe(false);
    expect(audienceFilter('staff')).toBeNull();
    expect(audienceFilter('contractor')).toBe('audience IN [contractor, public]');
  });
});

describe('filters from the URL', () => {
  const allowed = { area: ['connection-sales', 'energy-sales'], type: ['bylaw'] };

  it('keeps only known values of known facets', () => {
    expect(sanitizeFilters({ area: ['energy-sales', 'evil'], type: ['bylaw'], audience: ['staff'], bogus: ['x'] } as never, allowed)).toEqual({
      area: ['energy-sales'],
      type: ['bylaw'],
    });
  });

  it('quotes every value in the Meilisearch filter', () => {
    expect(meiliFilter({ area: ['a"] OR audience = staff OR x IN ["'] })).toEqual(['area IN ["a\\"] OR audience = staff OR x IN [\\""]']);
    expect(meiliFilter({ area: ['energy-sales', 'connection-sales'], kind: ['regulation'] })).toEqual([
      'kind IN ["regulation"]',
      'area IN ["energy-sales", "connection-sales"]',
    ]);
  });

  it('matches records the same way offline', () => {
    const record = { area: 'energy-sales', audience: ['staff', 'contractor'] };
    expect(matchesFilters(record, { area: ['energy-sales'] })).toBe(true);
    expect(matchesFilters(record, { audience: ['public'] })).toBe(false);
    expect(matchesFilters(record, {})).toBe(true);
  });
});

describe('synonyms from the glossary', () => {
  const groups = synonymGroups([
    { term: 'کنتور', synonyms: ['لوازم اندازه‌گیری'] },
    { term: 'قبض', synonyms: ['صورتحساب', 'صورت‌حساب'] },
    { term: 'تعرفه', synonyms: [] },
  ]);

  it('groups terms in engine form', () => {
    expect(groups).toEqual([['کنتور', 'لوازم اندازهگیر اندازه گیر'], ['قبض', 'صورتحساب', 'صورتحساب صورت حساب']]);
    expect(meiliSynonyms(groups)['قبض']).toEqual(['صورتحساب', 'صورتحساب صورت حساب']);
  });

  it('expands a query with the other forms', () => {
    expect(expandWithSynonyms('هزینه کنتور', groups)).toEqual(['لوازم اندازهگیر اندازه گیر']);
    expect(expandWithSynonyms('تعرفه خانگی', groups)).toEqual([]);
  });
});

const record = (id: string, title: string, content: string, audience: string[] = ['staff']): SearchRecord => ({
  id, kind: 'regulation', url: `/r/${id}`, anchor: '', hierarchy: ['حوزه', title], title, content, audience, edition: 'current', position: 0,
});

describe('the Lunr fallback', () => {
  const records = [
    record('a', 'ماده ۵ – مهلت رسیدگی', 'شکایات مربوط به صورتحساب ظرف سه روز کاری پاسخ داده می‌شود.'),
    record('b', 'ماده ۲ – مدارک متقاضی', 'متقاضیان انشعاب باید پروانه ساختمان و سند مالکیت ارائه کنند.'),
    record('c', 'ماده ۱ – تعاریف', 'آیین‌نامه فروش انشعاب و واگذاری آن به مشترکین.'),
    record('d', 'ماده ۳ – آزمون کنتور', 'لوازم اندازه‌گیری پیش از نصب آزمون می‌شوند.'),
  ];
  const { records: indexed, synonyms } = prepareIndex(records, [{ term: 'کنتور', synonyms: ['لوازم اندازه‌گیری'] }]);
  const searcher = loadLunrIndex(JSON.parse(JSON.stringify(buildLunrIndex(indexed, synonyms))));
  const top = (q: string) => searcher.search(q)[0]?.record.id;

  it.each([
    ['شکایت صورتحساب', 'a'],
    ['شكايات صورتحساب', 'a'], // Arabic letters
    ['مدارک متقاضی انشعاب', 'b'],
    ['آیین نامه', 'c'], // space instead of ZWNJ
    ['آییننامه', 'c'], // joined
    ['انشعابات', 'b'], // plural, both b and c contain انشعاب
    ['ماده 5', 'a'], // ASCII digits against Persian
    ['صورتحسلب', 'a'], // typo
    ['کنتور', 'd'], // synonym: the text says «لوازم اندازه‌گیری»
  ])('«%s» finds %s', (query, id) => {
    if (query === 'انشعابات') expect(searcher.search(query).map((h) => h.record.id)).toContain(id);
    else expect(top(query)).toBe(id);
  });

  it('a word or two wants every word, dropping the last while nothing matches them all (as Meilisearch «last»)', () => {
    const ids = (q: string) => searcher.search(q).map((h) => h.record.id);
    // «مدارک» alone is in b only; with «آزمون» no record has both, so «آزمون» (last) is dropped.
    expect(ids('مدارک آزمون')).toEqual(['b']);
    // Both words in a: only a, not every record matching one of them.
    expect(ids('شکایات صورتحساب')).toEqual(['a']);
    // The first word matches nothing: the query finds nothing, not a record of the second word's prefix.
    expect(ids('زرافه مدار')).toEqual([]);
  });

  it('a long question is an OR of its topic terms ranked by BM25F, not every word required (as the server)', () => {
    // «زرافه» is in no record and comes first: a short query's every-word rule would find nothing.
    expect(top('زرافه مدارک پروانه ساختمان')).toBe('b');
    expect(top('آیا برای شکایت از صورتحساب مهلت رسیدگی هست؟')).toBe('a');
  });

  it('returns nothing for empty or stop-word-only queries', () => {
    expect(searcher.search('')).toEqual([]);
    expect(searcher.search('   از به در  ')).toEqual([]);
  });

  it('survives a very long query and control characters', () => {
    expect(() => searcher.search('شکایت '.repeat(2000))).not.toThrow();
    expect(top('شکایت\u0000\u202Eصورتحساب')).toBe('a');
  });

  it('rejects a file that is not an Ayin index', () => {
    expect(() => loadLunrIndex({} as never)).toThrow('not an Ayin Lunr index file');
  });
});

describe('metrics', () => {
  const judged = new Map([['a', 2], ['b', 1]]);
  it('computes recall, reciprocal rank and nDCG', () => {
    expect(recallAt(['x', 'a', 'b'], judged, 2)).toBe(0.5);
    expect(reciprocalRankAt(['x', 'a'], judged, 10)).toBe(0.5);
    expect(ndcgAt(['a', 'b'], judged, 10)).toBe(1);
    expect(ndcgAt(['b', 'a'], judged, 10)).toBeLessThan(1);
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
  });
});
