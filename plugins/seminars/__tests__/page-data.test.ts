/** The seminar pages' data per build: only the seminars and regulation links its readers may see. */
import { describe, expect, it } from 'vitest';
import { linkTarget } from '../../../src/content/editions';
import { loadCorpus } from '../../../src/content/corpus';
import { repoRoot } from '../../../tests/support/fixture-site';
import { seminarsOfBuild } from '../page-data';

const corpus = loadCorpus(repoRoot);
const today = { year: 1405, month: 9, day: 6 };

describe('seminar page data', () => {
  it('gives each build only the seminars of its audience', () => {
    const ids = (build: Parameters<typeof seminarsOfBuild>[1]) => seminarsOfBuild(corpus, build, today).map((s) => s.id);
    expect(ids('staff')).toEqual(['1405-meter-reading-anomaly-codes', '1405-disconnection-complaints-workshop', '1406-connection-fee-rules']);
    expect(ids('editor')).toEqual(ids('staff'));
    expect(ids('contractor')).toEqual(['1405-meter-reading-anomaly-codes', '1406-connection-fee-rules']);
    expect(ids('public')).toEqual([]);
  });

  it('links related regulations where the site keeps them today, leaving out texts the build does not have', () => {
    const forStaff = seminarsOfBuild(corpus, 'staff', today).find((s) => s.id === '1406-connection-fee-rules')!;
    const forContractors = seminarsOfBuild(corpus, 'contractor', today).find((s) => s.id === '1406-connection-fee-rules')!;
    const cs003 = linkTarget(corpus, 'CS-003', today)!;
    expect(forStaff.regulations.map((r) => r.code)).toEqual(['CS-003', 'CS-003', 'CS-005', 'CS-007']);
    expect(forStaff.regulations[0]).toEqual({ code: 'CS-003', title: cs003.frontMatter.title, clause: 'ماده ۵', url: `${cs003.permalink}#ماده-۵` });
    // CS-003 is for staff only.
    expect(forContractors.regulations.map((r) => r.code)).toEqual(['CS-005', 'CS-007']);
    expect(forContractors.date).toBe('1406/02/20');
    expect(forContractors.time).toBe('09:30');
    expect(forContractors.handouts).toEqual([{ title: 'خلاصه تغییرات ضوابط حق انشعاب ۱۴۰۶', url: '/seminars/1406-connection-fee-rules/handout.pdf' }]);
  });
});
