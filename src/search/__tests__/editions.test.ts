import { describe, expect, it } from 'vitest';
import { ALL_EDITIONS, editionHits, editionLabel, editionSelection, inForceEdition, mergeUnchanged, toggleEdition, UNVERSIONED } from '../editions';
import type { SearchRecord } from '../record';
import { matchesFilters, meiliFilter } from '../filters';

// The sample history (content/editions.yml), as site data gives it.
const editions = [
  { name: '1403-07', effective: '1403/07/01' },
  { name: '1404-09', effective: '1404/09/01' },
  { name: '1406-01', effective: '1406/01/01' },
];
const day = (year: number, month: number, d: number) => ({ year, month, day: d });

describe('the edition search defaults to', () => {
  it('is the one in force on the day of the query, switching at the start of the effective day', () => {
    expect(inForceEdition(editions, day(1405, 9, 6))).toBe('1404-09');
    expect(inForceEdition(editions, day(1404, 8, 30))).toBe('1403-07');
    expect(inForceEdition(editions, day(1404, 9, 1))).toBe('1404-09');
    // 1403 is a leap year: its 30 Esfand exists and is still under 1403-07.
    expect(inForceEdition(editions, day(1403, 12, 30))).toBe('1403-07');
    expect(inForceEdition(editions, day(1405, 12, 29))).toBe('1404-09');
    expect(inForceEdition(editions, day(1406, 1, 1))).toBe('1406-01');
  });

  it('is none before the first edition or on a site without editions (search then shows all)', () => {
    expect(inForceEdition(editions, day(1400, 1, 1))).toBeUndefined();
    expect(inForceEdition([], day(1405, 9, 6))).toBeUndefined();
  });
});

describe('the editions a query searches', () => {
  it('are the URL\'s, else the one in force; «all» lifts the restriction', () => {
    expect(editionSelection(undefined, '1404-09')).toEqual(['1404-09']);
    expect(editionSelection([], '1404-09')).toEqual(['1404-09']);
    expect(editionSelection(['1403-07'], '1404-09')).toEqual(['1403-07']);
    expect(editionSelection([ALL_EDITIONS], '1404-09')).toBeUndefined();
    expect(editionSelection(undefined, undefined)).toBeUndefined();
  });

  it('toggle back to the default URL (no value), or to «all» when nothing is left', () => {
    expect(toggleEdition(['1404-09'], '1403-07', '1404-09')).toEqual(['1404-09', '1403-07']);
    expect(toggleEdition(['1404-09', '1403-07'], '1403-07', '1404-09')).toEqual([]);
    expect(toggleEdition(['1404-09'], '1404-09', '1404-09')).toEqual([ALL_EDITIONS]);
    expect(toggleEdition(['1403-07'], '1403-07', '1404-09')).toEqual([ALL_EDITIONS]);
    expect(toggleEdition(undefined, '1403-07', '1404-09')).toEqual(['1403-07']);
    expect(toggleEdition(['1403-07'], ALL_EDITIONS, '1404-09')).toEqual([ALL_EDITIONS]);
    expect(toggleEdition(undefined, ALL_EDITIONS, '1404-09')).toEqual([]);
  });
});

describe('edition labels', () => {
  it('name the edition in Persian digits with its status on the day', () => {
    const today = day(1405, 9, 6);
    expect(editionLabel(editions, '1403-07', today)).toEqual({ status: 'past', text: 'ویرایش \u2066۱۴۰۳-۰۷\u2069 — منسوخ' });
    expect(editionLabel(editions, '1404-09', today)).toEqual({ status: 'in-force', text: 'ویرایش \u2066۱۴۰۴-۰۹\u2069 — لازم‌الاجرا' });
    expect(editionLabel(editions, '1406-01', today)).toEqual({ status: 'upcoming', text: 'ویرایش \u2066۱۴۰۶-۰۱\u2069 — آینده، از ۱۴۰۶/۰۱/۰۱' });
    expect(editionLabel(editions, '1406-01', day(1406, 1, 1))?.status).toBe('in-force');
    expect(editionLabel(editions, '1404-09', day(1406, 1, 1))?.status).toBe('past');
    expect(editionLabel(editions, '1399-01', today)).toBeUndefined();
  });
});

describe('an edition filter', () => {
  it('restricts regulations only: records of no edition always pass, online and offline alike', () => {
    expect(meiliFilter({ edition: ['1404-09'], kind: ['regulation'] })).toEqual(['kind IN ["regulation"]', `edition IN ["1404-09", "${UNVERSIONED}"]`]);
    expect(matchesFilters({ edition: '1404-09' }, { edition: ['1404-09'] })).toBe(true);
    expect(matchesFilters({ edition: '1403-07' }, { edition: ['1404-09'] })).toBe(false);
    expect(matchesFilters({ edition: UNVERSIONED }, { edition: ['1404-09'] })).toBe(true);
    expect(matchesFilters({ edition: '1403-07' }, {})).toBe(true);
  });
});

describe('the offline index keeps a clause once for the editions it reads the same in', () => {
  const clause = (edition: string, content: string): SearchRecord => ({
    id: `CS-002-a5--${edition}`, kind: 'regulation', url: `/regulations/${edition}/connection-sales/cs-002`, anchor: 'ماده-۵',
    hierarchy: ['فروش انشعاب', 'ماده ۵'], title: 'ماده ۵', content, audience: ['staff'], edition, position: 3,
  });
  const merged = mergeUnchanged([clause('1404-09', 'ده روز'), clause('1403-07', 'پنج روز'), clause('1406-01', 'ده روز')], ['1403-07', '1404-09', '1406-01']);

  it('merges only consecutive editions with the same text', () => {
    expect(merged.map((r) => [r.id, r.alsoIn])).toEqual([['CS-002-a5--1403-07', undefined], ['CS-002-a5--1404-09', ['1406-01']]]);
  });

  it('answers as each edition asked for, at its own URL, as Meilisearch would', () => {
    const kept = merged[1]!;
    expect(editionHits(kept, ['1406-01']).map((r) => [r.id, r.edition, r.url])).toEqual([['CS-002-a5--1406-01', '1406-01', '/regulations/1406-01/connection-sales/cs-002']]);
    expect(editionHits(kept, undefined).map((r) => r.id)).toEqual(['CS-002-a5--1404-09', 'CS-002-a5--1406-01']);
    expect(editionHits(kept, ['1404-09']).map((r) => r.id)).toEqual(['CS-002-a5--1404-09']);
    // Not in the editions asked for: left to the filter, which drops it.
    expect(editionHits(kept, ['1403-07']).map((r) => r.edition)).toEqual(['1404-09']);
    expect(editionHits(kept, undefined).every((r) => r.alsoIn === undefined)).toBe(true);
  });
});
