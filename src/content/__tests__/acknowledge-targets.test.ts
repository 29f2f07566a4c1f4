/**
 * Acknowledgment targets in an announcement's front matter: the good fixture is read into
 * targets, a permalink and the text's hash; the bad one is refused at each wrong line.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeFixtureSite, type FixtureSite } from '../../../tests/support/fixture-site';
import { manifestFromCorpus } from '../../../server/manifest/from-corpus';
import { loadCorpus } from '../corpus';
import { splitMarkdown } from '../front-matter';
import { formatProblem } from '../problems';

const sites: FixtureSite[] = [];
afterAll(() => sites.forEach((s) => s.remove()));
const site = (name: string) => {
  const made = makeFixtureSite(name);
  sites.push(made);
  return made;
};

describe('acknowledge targets in front matter', () => {
  it('reads companies, units and a due in days, and puts them in the server manifest with the text hash', () => {
    const { dir } = site('ack-targets');
    const corpus = loadCorpus(dir);
    expect(corpus.problems.map(formatProblem)).toEqual([]);
    const targeted = corpus.announcements.find((a) => a.id === '1404-08-20-targeted')!;
    expect(targeted.permalink).toBe('/announcements/1404/08/20/targeted');
    expect(targeted.announcement.acknowledge).toEqual({ everyone: false, roles: [], companies: ['pars-niroo-khadamat'], units: ['omur-barq-shomal'], dueDays: 5 });
    const untargeted = corpus.announcements.find((a) => a.id === '1404-08-15-test')!;
    expect(untargeted.announcement.acknowledge).toBeUndefined();

    // The hash is of the title and the body exactly as in the file, computed here independently.
    const file = 'announcements/1404-08-20-targeted.mdx';
    const { body } = splitMarkdown(file, readFileSync(path.join(dir, file), 'utf8'));
    const expected = createHash('sha256').update(`ابلاغ روش جدید قرائت کنتورهای دیماندی\n${body}`).digest('hex');
    expect(targeted.textSha256).toBe(expected);

    const manifest = manifestFromCorpus(corpus, new Date('2026-01-01T00:00:00Z'));
    expect(manifest.announcements.find((a) => a.id === '1404-08-20-targeted')).toEqual({
      id: '1404-08-20-targeted',
      title: 'ابلاغ روش جدید قرائت کنتورهای دیماندی',
      permalink: '/announcements/1404/08/20/targeted',
      published: { year: 1404, month: 8, day: 20 },
      audience: ['staff', 'contractor'],
      textSha256: expected,
      acknowledge: { everyone: false, roles: [], companies: ['pars-niroo-khadamat'], units: ['omur-barq-shomal'], due: null, dueDays: 5 },
      regulations: ['CS-001'],
      changedBy: [],
    });
    expect(manifest.announcements.find((a) => a.id === '1404-08-15-test')!.acknowledge).toBeNull();
  });

  it('changes the hash when one word of the body changes', () => {
    const a = site('ack-targets');
    const b = site('ack-targets');
    const file = path.join(b.dir, 'announcements/1404-08-20-targeted.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('آذر', 'دی'));
    const hashOf = (dir: string) => loadCorpus(dir).announcements.find((x) => x.id === '1404-08-20-targeted')!.textSha256;
    expect(hashOf(a.dir)).not.toBe(hashOf(b.dir));
  });

  it('refuses an unknown role, company or unit, and an impossible due date, a due given twice or a block naming nobody, each at its line', () => {
    const problems = loadCorpus(site('bad-ack-target').dir).problems.map(formatProblem);
    expect(problems).toEqual([
      'announcements/1404-08-20-targeted.mdx:7: acknowledge.roles.1: unknown roles "manager"; expected one of: staff, contractor, editor, approver, supervisor, admin',
      'announcements/1404-08-20-targeted.mdx:8: acknowledge.companies.1: unknown companies "pars-nirou"; expected one of: pars-niroo-khadamat, roshan-gostar-shomal',
      'announcements/1404-08-20-targeted.mdx:9: acknowledge.units.0: unknown units "omur-barq-jonoub"; expected one of: omur-barq-shomal',
      'announcements/1404-08-20-targeted.mdx:10: acknowledge.due: 1404/09/31 is not a real Jalali date',
      'announcements/1404-08-21-no-target.mdx:6: acknowledge: name who must acknowledge: everyone: true, or roles, companies or units',
      'announcements/1404-08-21-no-target.mdx:7: acknowledge.dueDays: give either due or dueDays, not both',
    ]);
  });

  it('validates the sample corpus with its targeted announcements', () => {
    const corpus = loadCorpus(path.resolve(__dirname, '../../..'));
    expect(corpus.problems.map(formatProblem)).toEqual([]);
    const targeted = corpus.announcements.filter((a) => a.announcement.acknowledge).map((a) => a.id);
    expect(targeted).toEqual(['1404-02-10-acknowledgement-procedure', '1404-03-05-hot-season-disconnection', '1404-03-25-contractor-certification-renewal']);
  });
});
