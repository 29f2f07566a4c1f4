/**
 * Validation of the fixture mini-sites: the good one passes, each bad one is rejected with
 * exactly the located messages an editor needs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeFixtureSite, type FixtureSite } from '../../../tests/support/fixture-site';
import { loadCorpus, loadRegulationFrontMatter } from '../corpus';
import { formatProblem } from '../problems';

const sites: FixtureSite[] = [];
afterAll(() => sites.forEach((s) => s.remove()));

function problemsOf(fixture: string): string[] {
  const site = makeFixtureSite(fixture);
  sites.push(site);
  return loadCorpus(site.dir).problems.map(formatProblem);
}

describe('loadCorpus on fixture sites', () => {
  it('accepts the minimal site and reads its clauses and links', () => {
    const site = makeFixtureSite('minimal');
    sites.push(site);
    const corpus = loadCorpus(site.dir);
    expect(corpus.problems).toEqual([]);
    const cs001 = corpus.regulations.get('CS-001')!;
    expect(cs001.permalink).toBe('/regulations/connection-sales/cs-001');
    expect(cs001.clauses.map((c) => c.anchor)).toEqual([
      'ماده-۱', 'ماده-۱-بند-۱', 'ماده-۱-بند-۲', 'ماده-۱-تبصره-۱', 'ماده-۱-تبصره-۲', 'ماده-۲', 'ماده-۲-تبصره',
    ]);
    expect(cs001.clauses[0]).toMatchObject({ kind: 'article', line: 17 });
    expect(cs001.links).toMatchObject([{ code: 'ES-001', anchor: 'ماده-۱', line: 30 }]);
    expect(cs001.frontMatter.inForceFrom).toEqual({ year: 1403, month: 7, day: 1 });
    expect(corpus.courses[0]!.lessons[0]!.permalink).toBe('/courses/basics/intro');
  });

  it('reads the same regulations and front matter without their bodies, for the server', () => {
    const site = makeFixtureSite('minimal');
    sites.push(site);
    const full = loadCorpus(site.dir).regulations;
    const light = loadRegulationFrontMatter(site.dir);
    expect([...light.keys()]).toEqual([...full.keys()]);
    for (const [code, reg] of full) {
      expect(light.get(code)).toMatchObject({ file: reg.file, permalink: reg.permalink, frontMatter: reg.frontMatter, clauses: [], links: [] });
    }
  });

  it('rejects an impossible Jalali date at its line', () => {
    expect(problemsOf('bad-date')).toEqual([
      'docs/connection-sales/cs-001.mdx:8: inForceFrom: 1404/12/30 is not a real Jalali date (1404 is not a leap year)',
    ]);
  });

  it('rejects a folder that is not an area', () => {
    expect(problemsOf('unknown-area')).toEqual([
      'docs/transmission/tr-001.mdx:1: area: unknown area folder "transmission"; expected one of: awareness-training, connection-sales, energy-sales, supervision',
    ]);
  });

  it('rejects links to a missing code or a missing clause', () => {
    expect(problemsOf('broken-link')).toEqual([
      'docs/energy-sales/es-001.mdx:17: link: no regulation with code CS-099',
      'docs/energy-sales/es-001.mdx:21: link: CS-001 (docs/connection-sales/cs-001.mdx) has no clause #ماده-۹',
    ]);
  });

  it('rejects a duplicate clause anchor, naming the first one', () => {
    expect(problemsOf('duplicate-anchor')).toEqual([
      'docs/connection-sales/cs-001.mdx:34: clauses: duplicate clause anchor #ماده-۱ (first at line 17)',
    ]);
  });

  it('reports every front matter problem of a file, each at its own line', () => {
    expect(problemsOf('bad-front-matter')).toEqual([
      // The code itself is malformed, so the link to ES-001 has no target.
      'docs/connection-sales/cs-001.mdx:30: link: no regulation with code ES-001',
      'docs/energy-sales/es-001.mdx:2: status: required field is missing',
      'docs/energy-sales/es-001.mdx:3: code: expected a regulation code like CS-003 (two capital letters, dash, three digits)',
      'docs/energy-sales/es-001.mdx:4: type: unknown document types "regulation"; expected one of: bylaw, instruction, circular, procedure, form',
      'docs/energy-sales/es-001.mdx:6: audience.1: unknown audiences "everyone"; expected one of: staff, contractor, public',
      'docs/energy-sales/es-001.mdx:10: notification.date: month 13 does not exist (1–12) in "1403/13/01"',
      'docs/energy-sales/es-001.mdx:11: inforcefrom: unknown field (check its spelling against content/README.md)',
    ]);
  });

  describe('the end of an announcement\'s summary', () => {
    const FILE = 'announcements/1404-08-15-test.mdx';
    const withMarker = (replace: (text: string) => string) => {
      const site = makeFixtureSite('minimal');
      sites.push(site);
      const file = path.join(site.dir, FILE);
      writeFileSync(file, replace(readFileSync(file, 'utf8')));
      return loadCorpus(site.dir).problems.map(formatProblem);
    };

    it('refuses Docusaurus\'s own markers at their line (Keystatic cannot open them)', () => {
      const message = (old: string) => `${FILE}:11: body: write the end of the summary as <Truncate /> on a line of its own: Keystatic cannot open a file with Docusaurus's ${old}`;
      expect(withMarker((t) => t.replace('<Truncate />', '{/* truncate */}'))).toEqual([message('{/* truncate */}')]);
      expect(withMarker((t) => t.replace('<Truncate />', '<!-- truncate -->'))).toEqual(expect.arrayContaining([message('<!-- truncate -->')]));
    });

    it('refuses an announcement without the marker, or with it inside a paragraph', () => {
      const missing = `${FILE}:8: body: an announcement needs a summary paragraph followed by <Truncate /> on a line of its own`;
      expect(withMarker((t) => t.replace('<Truncate />\n', ''))).toEqual([missing]);
      expect(withMarker((t) => t.replace('\n\n<Truncate />', ' <Truncate />'))).toEqual([missing]);
    });
  });
});
