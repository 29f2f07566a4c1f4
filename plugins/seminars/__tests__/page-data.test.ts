/** The seminar pages' data per build: only the seminars and regulation links its readers may see (the `seminars` fixture). */
import { afterAll, describe, expect, it } from 'vitest';
import { linkTarget } from '../../../src/content/editions';
import { loadCorpus } from '../../../src/content/corpus';
import { makeFixtureSite } from '../../../tests/support/fixture-site';
import { seminarsOfBuild } from '../page-data';

const site = makeFixtureSite('seminars');
afterAll(() => site.remove());
const corpus = loadCorpus(site.dir);
const today = { year: 1405, month: 9, day: 6 };

describe('seminar page data', () => {
  it('gives each build only the seminars of its audience', () => {
    expect(corpus.problems).toEqual([]);
    const ids = (build: Parameters<typeof seminarsOfBuild>[1]) => seminarsOfBuild(corpus, build, today).map((s) => s.id);
    expect(ids('staff')).toEqual(['1404-test-past-briefing', '1404-test-staff-workshop', '1420-test-upcoming-briefing']);
    expect(ids('editor')).toEqual(ids('staff'));
    expect(ids('contractor')).toEqual(['1404-test-past-briefing', '1420-test-upcoming-briefing']);
    expect(ids('public')).toEqual([]);
  });

  it('links related regulations where the site keeps them today, leaving out texts the build does not have', () => {
    const forStaff = seminarsOfBuild(corpus, 'staff', today).find((s) => s.id === '1420-test-upcoming-briefing')!;
    const forContractors = seminarsOfBuild(corpus, 'contractor', today).find((s) => s.id === '1420-test-upcoming-briefing')!;
    const es001 = linkTarget(corpus, 'ES-001', today)!;
    expect(forStaff.regulations.map((r) => r.code)).toEqual(['ES-001', 'CS-001', 'CS-001']);
    expect(forStaff.regulations[0]).toEqual({ code: 'ES-001', title: es001.frontMatter.title, clause: 'ماده ۱', url: `${es001.permalink}#ماده-۱` });
    // ES-001 is for staff only.
    expect(forContractors.regulations.map((r) => r.code)).toEqual(['CS-001', 'CS-001']);
    expect(forContractors.date).toBe('1420/02/20');
    expect(forContractors.time).toBe('09:30');
    expect(forContractors.handouts).toEqual([{ title: 'جزوهٔ آزمایشی همایش', url: '/seminars/1420-test-upcoming-briefing/handout.pdf' }]);
  });
});
