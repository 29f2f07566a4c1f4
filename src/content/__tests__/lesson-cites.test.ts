/**
 * Lessons' `cites` on the editions fixture: a clause found in any edition (or in docs/) is
 * accepted; a clause in none fails with the lesson's file and the front matter line.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixturesDir, makeFixtureSite } from '../../../tests/support/fixture-site';
import { loadCorpus } from '../corpus';
import { formatProblem } from '../problems';

const sites: { remove(): void }[] = [];
afterAll(() => sites.forEach((s) => s.remove()));

function editionsSiteWithCites(cites: string): string {
  const site = makeFixtureSite('editions');
  sites.push(site);
  for (const name of ['versioned_docs', 'versioned_sidebars', 'versions.json']) {
    cpSync(path.join(fixturesDir, 'editions', name), path.join(site.dir, name), { recursive: true });
  }
  const lesson = path.join(site.dir, 'courses/basics/01-intro.mdx');
  writeFileSync(lesson, readFileSync(lesson, 'utf8').replace('regulations: [CS-001]\n', `regulations: [CS-001]\ncites: ${cites}\n`));
  return site.dir;
}

describe('lesson cites', () => {
  it('accepts clauses of any edition, with or without reg:, and stores the canonical form', () => {
    // ES-003 exists only in the 1404-09 edition (docs/ removed it); CS-001 ماده ۲ everywhere.
    const corpus = loadCorpus(editionsSiteWithCites("['CS-001#ماده-2', 'reg:ES-003#ماده-۱']"));
    expect(corpus.problems.map(formatProblem)).toEqual([]);
    expect(corpus.courses[0]!.lessons[0]!.lesson.cites).toEqual(['reg:CS-001#ماده-۲', 'reg:ES-003#ماده-۱']);
  });

  it('rejects a clause found in no edition and an unknown code, with file:line', () => {
    const corpus = loadCorpus(editionsSiteWithCites("\n  - CS-001#ماده-۲\n  - CS-001#ماده-۹\n  - CS-099#ماده-۱"));
    expect(corpus.problems.map(formatProblem)).toEqual([
      'courses/basics/01-intro.mdx:9: cites.1: CS-001 has no clause #ماده-۹ in any edition (newest text: docs/connection-sales/cs-001.mdx)',
      'courses/basics/01-intro.mdx:10: cites.2: no regulation with code CS-099 in any edition',
    ]);
  });

  it('rejects a malformed citation in the schema', () => {
    const corpus = loadCorpus(editionsSiteWithCites("['CS-001 ماده ۲']"));
    expect(corpus.problems.map(formatProblem)).toContain(
      'courses/basics/01-intro.mdx:7: cites.0: malformed citation "CS-001 ماده ۲"; expected reg:CODE#clause, e.g. reg:ES-003#ماده-۴ or reg:ES-003#ماده-۴-تبصره-۲',
    );
  });
});
