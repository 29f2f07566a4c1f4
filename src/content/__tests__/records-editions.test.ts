/** Search records of the sample edition history: one per clause per edition, and the offline subset. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../corpus';
import { buildRecords, offlineEditions, regulationRecordId } from '../records';

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

describe('the offline index editions', () => {
  it('are the one in force on the build day and the upcoming ones', () => {
    expect(offlineEditions(corpus, day(1405, 9, 6))).toEqual(['1404-09', '1406-01']);
    expect(offlineEditions(corpus, day(1404, 8, 30))).toEqual(['1403-07', '1404-09', '1406-01']);
    expect(offlineEditions(corpus, day(1406, 1, 1))).toEqual(['1406-01']);
  });
});
