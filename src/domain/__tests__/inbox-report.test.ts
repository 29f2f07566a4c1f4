/** The supervisors' acknowledgment report and the inbox's day phrases, pure. */
import { describe, expect, it } from 'vitest';
import { daysText } from '../../components/Inbox/daysText';
import { jalaliToGregorianUTC } from '../jalali';
import { acknowledgmentReport, type ReportPerson } from '../inbox/report';

const none = { everyone: false, roles: [], companies: [], units: [], due: null, dueDays: null };
const announcement = {
  id: 'hot',
  title: 'ضوابط فصل گرم',
  permalink: '/announcements/hot',
  published: { year: 1404, month: 3, day: 5 },
  audience: ['staff', 'contractor'],
  textSha256: 'a'.repeat(64),
  acknowledge: { ...none, companies: ['pars'], dueDays: 5 },
};
const person = (userId: string, companyCode: string | null, role = 'contractor'): ReportPerson => ({
  userId,
  username: userId,
  displayName: userId,
  role,
  companyCode,
  companyName: companyCode && `شرکت ${companyCode}`,
  unitCode: null,
  unitName: null,
});
const noon = (day: number) => jalaliToGregorianUTC({ year: 1404, month: 3, day }).getTime();

describe('acknowledgmentReport', () => {
  it('counts on time, late, pending and overdue per announcement and the on-time share per company', () => {
    const people = [person('a', 'pars'), person('b', 'pars'), person('c', 'pars'), person('d', 'other')];
    const given = [
      { announcementId: 'hot', userId: 'a', textSha256: 'a'.repeat(64), acknowledgedAt: noon(10) },
      { announcementId: 'hot', userId: 'b', textSha256: 'a'.repeat(64), acknowledgedAt: noon(11) },
      // An earlier text does not count for the text in force.
      { announcementId: 'hot', userId: 'c', textSha256: 'b'.repeat(64), acknowledgedAt: noon(6) },
    ];
    const before = acknowledgmentReport([announcement], people, given, new Date(noon(10)), () => true);
    // On the due day the one who has not acknowledged the text in force is pending, not yet overdue.
    expect(before.announcements[0]).toMatchObject({ targeted: 3, acknowledged: 2, onTime: 1, late: 1, overdue: 0 });
    expect(before.announcements[0]!.people.find((p) => p.userId === 'c')!.status).toBe('pending');
    const after = acknowledgmentReport([announcement], people, given, new Date(noon(12)), () => true);
    expect(Object.fromEntries(after.announcements[0]!.people.map((p) => [p.userId, p.status]))).toEqual({ a: 'on-time', b: 'late', c: 'overdue' });
    expect(after.companies).toEqual([{ companyCode: 'pars', companyName: 'شرکت pars', targeted: 3, acknowledged: 2, onTime: 1, onTimeShare: 1 / 3 }]);
    // Whom the audience policy refuses is not targeted.
    expect(acknowledgmentReport([announcement], people, given, new Date(noon(12)), () => false).announcements[0]!.targeted).toBe(0);
  });
});

describe('daysText', () => {
  it('says the days left or past in Persian digits', () => {
    expect(daysText(3)).toBe('۳ روز مانده');
    expect(daysText(-12)).toBe('۱۲ روز گذشته');
    expect(daysText(0)).toBe('مهلت امروز به پایان می‌رسد');
  });
});
