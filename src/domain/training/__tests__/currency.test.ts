import { describe, expect, it } from 'vitest';
import { addJalaliDays, certificateStatus, expiresOn, isMaterialChange, refresherNeed, type CurrencyFlag } from '../currency';

const d = (year: number, month: number, day: number) => ({ year, month, day });
const EDITIONS = [
  { name: '1403-07', effective: d(1403, 7, 1) },
  { name: '1404-09', effective: d(1404, 9, 1) },
  { name: '1406-01', effective: d(1406, 1, 1) },
];
const unit = (anchor: string, change: 'amended' | 'added' = 'amended') => ({ anchor, title: anchor, change, titleSegments: [], segments: [{ kind: 'inserted' as const, text: 'متن تازه' }] });
const flag = (over: Partial<CurrencyFlag> = {}): CurrencyFlag => ({
  kind: 'question',
  id: 'cc-18',
  course: 'customer-conduct',
  edition: '1404-09',
  cites: [{ code: 'ES-007', anchor: 'ماده-۵-بند-۱', change: 'amended', redline: [unit('ماده-۵-تبصره-۱'), unit('ماده-۵-تبصره-۲', 'added')] }],
  ...over,
});
const need = (restsOnDay: ReturnType<typeof d>, flags: CurrencyFlag[] = [flag()], today = d(1405, 9, 12)) =>
  refresherNeed({ course: 'customer-conduct', flags, editions: EDITIONS, restsOnDay, today });

describe('refresherNeed', () => {
  it('is due for a completion before the amending edition took effect, with its redline, questions and due day', () => {
    const due = need(d(1404, 8, 20), [flag(), flag({ kind: 'lesson', id: 'customer-conduct/02-disconnection-notices' })]);
    expect(due).toMatchObject({ editions: ['1404-09'], questions: ['cc-18'], dueBy: d(1404, 10, 1) });
    expect(due!.clauses.map((c) => c.unit.anchor)).toEqual(['ماده-۵-تبصره-۱', 'ماده-۵-تبصره-۲']);
  });

  it('is not due on or after the effective day, before it takes effect, for another course, or for the draft', () => {
    expect(need(d(1404, 9, 1))).toBeNull();
    expect(need(d(1405, 1, 10))).toBeNull();
    expect(need(d(1404, 8, 20), [flag()], d(1404, 8, 30))).toBeNull();
    expect(need(d(1404, 8, 20), [flag({ course: 'meter-reading' })])).toBeNull();
    expect(need(d(1404, 8, 20), [flag({ edition: 'next' })])).toBeNull();
  });

  it('is not due when every cite of the change is editorial; a retired question is not asked', () => {
    const editorial = flag({ cites: flag().cites.map((c) => ({ ...c, material: false })) });
    expect(need(d(1404, 8, 20), [editorial])).toBeNull();
    const retired = refresherNeed({ course: 'customer-conduct', flags: [flag()], editions: EDITIONS, restsOnDay: d(1404, 8, 20), today: d(1405, 9, 12), retired: new Set(['cc-18']) });
    expect(retired).toMatchObject({ questions: [], editions: ['1404-09'] });
  });
});

describe('isMaterialChange', () => {
  const cite = flag().cites[0]!;
  it('an edition marked editorial, or the article listed, makes the change editorial; one note of two does not', () => {
    expect(isMaterialChange(cite, undefined)).toBe(true);
    expect(isMaterialChange(cite, true)).toBe(false);
    expect(isMaterialChange(cite, ['reg:ES-007#ماده-۵'])).toBe(false);
    expect(isMaterialChange(cite, ['reg:ES-007#ماده-۵-تبصره-۱'])).toBe(true);
    expect(isMaterialChange(cite, ['reg:ES-007#ماده-۵-تبصره-۱', 'reg:ES-007#ماده-۵-تبصره-۲'])).toBe(false);
    expect(isMaterialChange(cite, ['reg:ES-009#ماده-۵'])).toBe(true);
    // A whole text repealed has no redline: material unless the whole edition is editorial.
    expect(isMaterialChange({ code: 'ES-007', redline: [] }, ['reg:ES-007#ماده-۵'])).toBe(true);
  });
});

describe('certificateStatus', () => {
  const base = { withdrawn: false, completedOn: d(1404, 8, 20), refresherDue: false, today: d(1405, 9, 12) };
  it('valid, refresher due, expired after its validity period, superseded when the course is withdrawn (in that precedence)', () => {
    expect(certificateStatus(base)).toBe('valid');
    expect(certificateStatus({ ...base, refresherDue: true })).toBe('refresher-due');
    expect(certificateStatus({ ...base, refresherDue: true, validForMonths: 12 })).toBe('expired');
    expect(certificateStatus({ ...base, validForMonths: 13 })).toBe('valid');
    expect(certificateStatus({ ...base, validForMonths: 12, withdrawn: true })).toBe('superseded');
  });

  it('expires on the same day months later, clamped to the month; days cross months and years', () => {
    expect(expiresOn(d(1404, 8, 20), 12)).toEqual(d(1405, 8, 20));
    expect(expiresOn(d(1404, 6, 31), 1)).toEqual(d(1404, 7, 30));
    expect(expiresOn(d(1403, 11, 30), 1)).toEqual(d(1403, 12, 30)); // 1403 is a leap year
    expect(expiresOn(d(1404, 11, 30), 1)).toEqual(d(1404, 12, 29));
    expect(addJalaliDays(d(1404, 9, 1), 30)).toEqual(d(1404, 10, 1));
    expect(addJalaliDays(d(1404, 12, 20), 30)).toEqual(d(1405, 1, 21));
  });
});
