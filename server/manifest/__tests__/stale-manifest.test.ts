/** The build writes the stale flags and the retired questions into the server manifest (sample content). */
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../tests/support/fixture-site';
import { loadCorpus } from '../../../src/content/corpus';
import { manifestFromCorpus } from '../from-corpus';
import { serverManifestSchema } from '../schema';

describe('stale flags in the server manifest', () => {
  const manifest = manifestFromCorpus(loadCorpus(repoRoot), new Date('2026-01-01T00:00:00Z'));

  it('carries the 1404-09 flag of cc-18 with the redline of ES-007 ماده ۵, and survives a round trip through JSON', () => {
    const flag = manifest.stale.find((f) => f.kind === 'question' && f.id === 'cc-18' && f.edition === '1404-09');
    expect(flag).toMatchObject({ course: 'customer-conduct', from: '1403-07' });
    const redline = flag!.cites.flatMap((c) => c.redline);
    expect(redline.some((r) => r.anchor === 'ماده-۵-تبصره-۲' && r.change === 'added' && r.segments.some((s) => s.kind === 'inserted'))).toBe(true);
    expect(serverManifestSchema.parse(JSON.parse(JSON.stringify(manifest))).stale).toEqual(manifest.stale);
  });

  it('retires no sample question: no cited clause is repealed in the newest edition', () => {
    expect(manifest.courses.map((c) => [c.id, c.retiredQuestions])).toEqual(manifest.courses.map((c) => [c.id, []]));
    expect(manifest.courses.some((c) => c.quiz)).toBe(true);
  });
});
