/**
 * The real Docusaurus build on fixture mini-sites: the good one publishes anchors, resolved
 * links, the metadata card and feeds; each bad one fails with the validator's located message.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadQuizzes } from '../../src/content/quizzes';
import { findAnswerKeyLeaks, readable } from '../build-output/answer-keys';
import { makeFixtureSite, type FixtureSite } from '../support/fixture-site';

function docusaurusBuild(site: FixtureSite) {
  const result = spawnSync(path.join(site.dir, 'node_modules/.bin/docusaurus'), ['build', '--out-dir', 'build'], {
    cwd: site.dir,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('build of the minimal fixture site', () => {
  let site: FixtureSite;
  let build: ReturnType<typeof docusaurusBuild>;
  const read = (file: string) => readFileSync(path.join(site.dir, 'build', file), 'utf8');

  beforeAll(() => {
    site = makeFixtureSite('minimal');
    build = docusaurusBuild(site);
  });
  afterAll(() => site.remove());

  it('succeeds', () => {
    expect(build.output).toContain('[SUCCESS]');
    expect(build.status).toBe(0);
  });

  it('publishes clause anchors and resolves links by code', () => {
    const html = decodeURIComponent(read('regulations/connection-sales/cs-001.html'));
    for (const id of ['ماده-۱', 'ماده-۱-بند-۲', 'ماده-۱-تبصره-۱', 'ماده-۲-تبصره']) expect(html).toContain(`id=${id}`);
    expect(html).toContain('href=/regulations/energy-sales/es-001#ماده-۱');
    expect(html).not.toContain('reg:');
  });

  it('renders the metadata card with Jalali dates', () => {
    const html = read('regulations/connection-sales/cs-001.html');
    expect(html).toContain('شناسنامه مقرره');
    expect(html).toContain('۱ مهر ۱۴۰۳');
    expect(html).toContain('۲۰ شهریور ۱۴۰۳');
    expect(html).toContain('شرکت توانیر');
  });

  it('links lessons and announcements to the current text by URL', () => {
    expect(decodeURIComponent(read('courses/basics/intro.html'))).toContain('href=/regulations/connection-sales/cs-001#ماده-۲');
    expect(read('announcements/1404/08/15/test.html')).toContain('href=/regulations/connection-sales/cs-001');
  });

  it('writes RSS and Atom feeds dated from the Jalali publish date', () => {
    const rss = read('announcements/rss.xml');
    expect(rss).toContain('<title><![CDATA[ابلاغیه آزمایشی]]></title>');
    // 15 Aban 1404 = 6 November 2025.
    expect(rss).toContain('Thu, 06 Nov 2025');
    expect(existsSync(path.join(site.dir, 'build/announcements/atom.xml'))).toBe(true);
  });

  it('builds the offline search index of its own audience only (a staff build: staff.json)', () => {
    const index = JSON.parse(read('search-index/staff.json')) as { records: { id: string }[] };
    // ES-001 is staff-only in the fixture; CS-001 is for staff and contractors.
    expect(index.records.map((r) => r.id)).toEqual(expect.arrayContaining(['ES-001-a1', 'CS-001-a1', 'CS-001-a1-n1']));
    // The other audiences' indexes come from their own builds (tests/build-output checks those).
    expect(readdirSync(path.join(site.dir, 'build/search-index'))).toEqual(['staff.json']);
  });

  it('has the glossary page and a Persian 404 page', () => {
    expect(read('glossary.html')).toContain('لوازم اندازه‌گیری');
    expect(read('404.html')).toContain('صفحه‌ای که دنبال آن بودید پیدا نشد');
  });

  it('publishes the course quiz meta and nothing of its questions', () => {
    const quizzes = loadQuizzes(site.dir, []);
    expect(quizzes).toHaveLength(1);
    expect(findAnswerKeyLeaks(path.join(site.dir, 'build'), quizzes)).toEqual([]);
    const main = readdirSync(path.join(site.dir, 'build/assets/js')).filter((f) => f.startsWith('main.')).map((f) => readable(read(`assets/js/${f}`))).join('');
    expect(main).toContain('"questionCount":5');
    expect(main).toContain('آزمون دورهٔ آزمایشی');
  });
});

describe.each([
  ['bad-date', 'docs/connection-sales/cs-001.mdx:8: inForceFrom: 1404/12/30 is not a real Jalali date (1404 is not a leap year)'],
  // Deny by default: a text that names no audience is an error, not "visible to all".
  ['missing-audience', 'docs/energy-sales/es-001.mdx:2: audience: required field is missing'],
  ['unknown-area', 'docs/transmission/tr-001.mdx:1: area: unknown area folder "transmission"'],
  ['broken-link', 'docs/energy-sales/es-001.mdx:17: link: no regulation with code CS-099'],
  ['duplicate-anchor', 'docs/connection-sales/cs-001.mdx:34: clauses: duplicate clause anchor #ماده-۱ (first at line 17)'],
  ['quiz-answer-out-of-range', 'content/quizzes/basics.yml:14: questions.0.answer: answer out of range: "c" is not one of the option ids (a, b)'],
  ['quiz-no-correct-option', 'content/quizzes/basics.yml:24: questions.1.answer: no correct option: list at least one option id in answer'],
  ['quiz-pool-smaller-than-draw', 'content/quizzes/basics.yml:4: draw: pool smaller than draw: 5 question(s) in the pool, 6 drawn per attempt'],
  ['quiz-unknown-clause', 'content/quizzes/basics.yml:32: questions.2.cites.0: CS-001 (docs/connection-sales/cs-001.mdx) has no clause #ماده-۹'],
])('build of the %s fixture', (fixture, message) => {
  it('fails with the located message and publishes nothing', () => {
    const site = makeFixtureSite(fixture);
    try {
      const build = docusaurusBuild(site);
      expect(build.status).not.toBe(0);
      expect(build.output).toContain(message);
      expect(existsSync(path.join(site.dir, 'build/index.html'))).toBe(false);
    } finally {
      site.remove();
    }
  });
});
