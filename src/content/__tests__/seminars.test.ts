/**
 * Seminar content: the `seminars` fixture's seminars are valid, a good fixture seminar loads with its
 * instant and permalink, and each kind of mistake in the `bad-seminar` fixture is reported
 * at its line.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeFixtureSite, type FixtureSite } from '../../../tests/support/fixture-site';
import { loadCorpus } from '../corpus';
import { formatProblem } from '../problems';
import { buildRecords } from '../records';

const sites: FixtureSite[] = [];
afterAll(() => sites.forEach((s) => s.remove()));
const site = (name: string) => {
  const s = makeFixtureSite(name);
  sites.push(s);
  return s;
};

describe('seminars in the corpus', () => {
  it('loads a valid seminar with its Tehran start instant and static files', () => {
    const s = site('minimal');
    mkdirSync(path.join(s.dir, 'content/seminars'), { recursive: true });
    mkdirSync(path.join(s.dir, 'static/seminars/1405-test-briefing'), { recursive: true });
    writeFileSync(path.join(s.dir, 'static/seminars/1405-test-briefing/handout.pdf'), '%PDF-1.4\n');
    writeFileSync(
      path.join(s.dir, 'content/seminars/1405-test-briefing.yml'),
      [
        'title: نشست آزمایشی',
        'summary: برای آزمون بارگذاری.',
        'date: ۱۴۰۵/۰۱/۱۵',
        'time: "08:30"',
        'durationMinutes: 90',
        'presenter: { name: مهندس نمونه, role: کارشناس آموزش }',
        'venue: سالن اجتماعات',
        'audience: [contractor]',
        'capacity: 12',
        'handouts: [{ title: جزوه, file: /seminars/1405-test-briefing/handout.pdf }]',
        'regulations: ["reg:CS-001#ماده-۱-تبصره-۲", "reg:ES-001"]',
        'sample: true',
      ].join('\n'),
    );
    const corpus = loadCorpus(s.dir);
    expect(corpus.problems.map(formatProblem)).toEqual([]);
    expect(corpus.seminars).toHaveLength(1);
    const [entry] = corpus.seminars;
    expect(entry).toMatchObject({ id: '1405-test-briefing', permalink: '/seminars/1405-test-briefing', file: 'content/seminars/1405-test-briefing.yml' });
    // 1405/01/15 is 2026-04-04; 08:30 in Tehran (UTC+03:30) is 05:00 UTC.
    expect(new Date(entry!.startsAt).toISOString()).toBe('2026-04-04T05:00:00.000Z');
    expect(entry!.endsAt - entry!.startsAt).toBe(90 * 60_000);
    expect(entry!.seminar.slides).toEqual([]);
  });

  it('reports each mistake of the bad-seminar fixture as path:line: field: message', () => {
    expect(loadCorpus(site('bad-seminar').dir).problems.map(formatProblem)).toEqual([
      'content/seminars/Bad_Name.yml:1: (file): the file name must be a lower-case Latin id like 1405-meter-reading-briefing.yml (letters, digits, dashes)',
      'content/seminars/bad-refs.yml:12: slides.0.file: file not found: static/seminars/bad-refs/missing.pdf',
      'content/seminars/bad-refs.yml:15: handouts.0.file: must be a file of this seminar: /seminars/bad-refs/<file> (in static/seminars/bad-refs/)',
      'content/seminars/bad-refs.yml:16: recording: a recording can only be given for a seminar that has already taken place',
      'content/seminars/bad-refs.yml:19: regulations.1: no regulation with code CS-099',
      'content/seminars/bad-refs.yml:20: regulations.2: ES-001 has no clause #ماده-۹',
      'content/seminars/bad-time.yml:4: time: expected a time like 09:30 (two-digit hour 00-23, minute 00-59), got "25:30"',
      'content/seminars/bad-time.yml:8: audience.1: unknown audiences "managers"; expected one of: staff, contractor, public',
      'content/seminars/no-place.yml:1: venue: a seminar needs a venue, an onlineLink, or both',
    ]);
  });

  it('accepts the seminars of the seminars fixture, one of them upcoming, two with recordings', () => {
    const corpus = loadCorpus(site('seminars').dir);
    expect(corpus.problems.map(formatProblem)).toEqual([]);
    expect(corpus.seminars.map((s) => s.id).sort()).toEqual(['1404-test-past-briefing', '1404-test-staff-workshop', '1420-test-upcoming-briefing']);
    expect(corpus.seminars.every((s) => s.seminar.sample)).toBe(true);
    // On a fixed day (1405/09/06 in Tehran), not the real one.
    const day = Date.parse('2026-11-27T08:00:00Z');
    expect(corpus.seminars.filter((s) => s.startsAt > day).map((s) => s.id)).toEqual(['1420-test-upcoming-briefing']);
    expect(corpus.seminars.filter((s) => s.startsAt < day && s.seminar.recording)).toHaveLength(2);
  });

  it('makes each seminar one search record of kind seminar, with its own audience', () => {
    const corpus = loadCorpus(site('seminars').dir);
    const records = buildRecords(corpus).filter((r) => r.kind === 'seminar');
    expect(records.map((r) => r.url).sort()).toEqual(corpus.seminars.map((s) => s.permalink).sort());
    const workshop = records.find((r) => r.url === '/seminars/1404-test-staff-workshop')!;
    expect(workshop).toMatchObject({ id: 'seminar-1404-test-staff-workshop', anchor: '', audience: ['staff'], inForceFrom: 14040814 });
    expect(workshop.content).toContain('دکتر نمونهٔ دوم');
    expect(workshop.content).toContain('۱۴ آبان ۱۴۰۴');
  });
});
