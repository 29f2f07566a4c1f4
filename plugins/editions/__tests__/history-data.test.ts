/**
 * The editions plugin's data read from a real fixture site (tests/fixtures/sites/editions):
 * article texts cut from the snapshots' MDX by the shared parser, histories, redlines and the
 * per-edition change lists, and what an editors' build adds (`next`).
 */
import { cpSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixturesDir, makeFixtureSite } from '../../../tests/support/fixture-site';
import { loadCorpus } from '../../../src/content/corpus';
import { editionsContent } from '../history-data';

const site = makeFixtureSite('editions');
for (const name of ['versioned_docs', 'versioned_sidebars', 'versions.json']) {
  cpSync(path.join(fixturesDir, 'editions', name), path.join(site.dir, name), { recursive: true });
}
afterAll(() => site.remove());

describe('editionsContent on the editions fixture', () => {
  const corpus = loadCorpus(site.dir);

  it('reads the fixture without problems', () => {
    expect(corpus.problems).toEqual([]);
  });

  const content = editionsContent(corpus, 'staff');

  it('records the amendment of CS-001 in 1404-09 and makes its redline', () => {
    expect(content.global.histories['CS-001']!.changes).toEqual([['1403-07'], ['1404-09', 'ماده ۲ اصلاح شد']]);
    const redline = content.redlines.find((r) => r.code === 'CS-001')!;
    expect(redline).toMatchObject({ from: '1403-07', to: '1404-09', summary: 'ماده ۲ اصلاح شد' });
    const article2 = redline.diff.articles.find((a) => a.anchor === 'ماده-۲')!;
    expect(article2.segments.some((s) => s.kind === 'inserted')).toBe(true);
    expect(article2.segments.some((s) => s.kind === 'deleted')).toBe(true);
  });

  it('lists unchanged texts with their baseline only, and ES-003 as added in 1404-09', () => {
    expect(content.global.histories['ES-001']!.changes).toEqual([['1403-07']]);
    expect(content.global.histories['ES-003']!.changes).toEqual([['1404-09']]);
    expect(content.redlines.map((r) => r.code)).toEqual(['CS-001']);
    const [first, second] = content.editionPages;
    expect(first!.changes.from).toBeNull();
    expect(second!.changes.added.map((e) => e.code)).toEqual(['ES-003']);
    expect(second!.changes.amended.map((e) => e.code)).toEqual(['CS-001']);
  });

  it('publishes each text for the on-demand comparison; next only in the editors\' build', () => {
    expect([...content.texts.keys()]).toEqual(['1403-07', '1404-09']);
    const cs001 = content.texts.get('1404-09')!.get('CS-001')!;
    expect(cs001.articles.map((a) => a.anchor)).toContain('ماده-۲');
    const editor = editionsContent(corpus, 'editor');
    expect([...editor.texts.keys()]).toEqual(['1403-07', '1404-09', 'next']);
    expect(editor.global.hasNext).toBe(true);
    expect(editor.texts.get('next')!.has('ES-004')).toBe(true);
  });

  it('keeps global data compact', () => {
    expect(JSON.stringify(content.global).length).toBeLessThan(2000);
  });
});
