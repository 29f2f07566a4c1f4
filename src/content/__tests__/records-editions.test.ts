/** Search records of the sample edition history: one per clause per edition, and the offline subset. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../corpus';
import { editionHits, mergeUnchanged } from '../../search/editions';
import type { SearchRecord } from '../../search/record';
import { buildRecords, regulationRecordId } from '../records';

const corpus = loadCorpus(path.resolve(__dirname, '../../..'));
const day = (year: number, month: number, d: number) => ({ year, month, day: d });

describe('records of a site with editions', () => {
  const records = buildRecords(corpus);

  it('has unique ids, with the edition after the clause', () => {
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
    expect(regulationRecordId('CS-002', 'ماده-۵-تبصره-۱', '1404-09')).toBe('CS-002-a5-n1--1404-09');
    expect(regulationRecordId('CS-002', '')).toBe('CS-002-top');
  });

  it('indexes every published edition and not docs/ (drafts such as SV-010 are not found)', () => {
    const editions = new Set(records.filter((r) => r.kind === 'regulation').map((r) => r.edition));
    expect([...editions]).toEqual(corpus.editions.map((e) => e.name));
    expect(records.some((r) => r.code === 'SV-010')).toBe(false);
    // A text repealed in 1404-09 is still found in the edition that had it.
    expect(records.filter((r) => r.code === 'CS-013').map((r) => r.edition)).toEqual(expect.arrayContaining(['1403-07']));
    expect(records.filter((r) => r.code === 'CS-013').every((r) => r.edition === '1403-07')).toBe(true);
  });

  it('can be limited to some editions', () => {
    const some = buildRecords(corpus, { editions: ['1404-09'] });
    expect(new Set(some.filter((r) => r.kind === 'regulation').map((r) => r.edition))).toEqual(new Set(['1404-09']));
    expect(some.filter((r) => r.kind !== 'regulation').length).toBe(records.filter((r) => r.kind !== 'regulation').length);
  });
});

describe('the offline index: clauses that read the same in consecutive editions kept once', () => {
  const editions = corpus.editions.map((e) => e.name);
  const records = buildRecords(corpus);
  const merged = mergeUnchanged(records, editions);
  const byId = new Map(merged.map((r) => [r.id, r]));

  it('keeps an unchanged clause once, in its first edition, with the later ones in alsoIn', () => {
    // CS-007 is the same in all three editions; CS-002 was amended in 1406-01 (its dates too).
    expect(byId.get('CS-007-a1--1403-07')?.alsoIn).toEqual(['1404-09', '1406-01']);
    expect(byId.has('CS-007-a1--1404-09')).toBe(false);
    expect(byId.get('CS-002-a1--1403-07')?.alsoIn).toEqual(['1404-09']);
    expect(byId.has('CS-002-a1--1406-01')).toBe(true);
    expect(merged.length).toBeLessThan(records.length * 0.6);
  });

  it('keeps every amended version: SV-001 ماده ۵ تبصره ۱ changed in 1404-09, then stayed', () => {
    expect(byId.get('SV-001-a5-n1--1403-07')?.alsoIn).toBeUndefined();
    expect(byId.get('SV-001-a5-n1--1404-09')?.alsoIn).toEqual(['1406-01']);
    // CS-013 was repealed: only its 1403-07 text; ES-013 was added in 1406-01.
    expect(merged.filter((r) => r.code === 'CS-013').every((r) => r.edition === '1403-07' && !r.alsoIn)).toBe(true);
    expect(merged.filter((r) => r.code === 'ES-013').every((r) => r.edition === '1406-01')).toBe(true);
  });

  it('loses nothing: expanded again, it is the same set of records', () => {
    const expanded = merged.flatMap((r) => editionHits(r, undefined));
    const key = (r: SearchRecord) => JSON.stringify([r.id, r.url, r.edition, r.title, r.content, r.inForceFrom]);
    expect(expanded.map(key).sort()).toEqual(records.map(key).sort());
  });
});
