/**
 * The stale flags on the real sample content: edition 1404-09 amended ES-007 ماده ۵ (its
 * note ۱ reworded, note ۲ added), which the customer-conduct course cites.
 */
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../tests/support/fixture-site';
import { staleFlags } from '../../domain/training/stale';
import { citersOf, editionHistory } from '../citers';
import { loadCorpus } from '../corpus';

describe('stale flags on the sample history', () => {
  const corpus = loadCorpus(repoRoot);
  const flags = staleFlags(editionHistory(corpus), citersOf(corpus));
  const citingEs007Article5 = (f: (typeof flags)[number]) => f.cites.some((c) => c.code === 'ES-007' && c.anchor.startsWith('ماده-۵'));

  it('loads the sample content without problems', () => {
    expect(corpus.problems).toEqual([]);
  });

  it('1404-09 flags exactly the customer-conduct question and lesson citing ES-007 ماده ۵, with its redline', () => {
    const byEs007 = flags.filter((f) => f.edition === '1404-09' && citingEs007Article5(f));
    expect(byEs007.map((f) => [f.kind, f.course, f.id])).toEqual([
      ['question', 'customer-conduct', 'cc-18'],
      ['lesson', 'customer-conduct', 'customer-conduct/02-disconnection-notices'],
    ]);
    const cite = byEs007[0]!.cites.find((c) => c.code === 'ES-007')!;
    expect(cite.change).toBe('amended');
    expect(cite.redline.map((r) => [r.anchor, r.change])).toEqual([
      ['ماده-۵-تبصره-۱', 'amended'],
      ['ماده-۵-تبصره-۲', 'added'],
    ]);
    // The other customer-conduct questions on ES-007 cite articles 3, 4 and 7, which 1404-09 left alone.
    const others = flags.filter((f) => f.edition === '1404-09' && f.course === 'customer-conduct' && f.cites.some((c) => c.code === 'ES-007'));
    expect(others.map((f) => f.id)).toEqual(['cc-18', 'customer-conduct/02-disconnection-notices']);
  });

  it('flags no one for 1406-01 on ES-007, which changed only ماده ۶ there', () => {
    expect(flags.filter((f) => f.edition === '1406-01' && f.cites.some((c) => c.code === 'ES-007'))).toEqual([]);
  });
});
