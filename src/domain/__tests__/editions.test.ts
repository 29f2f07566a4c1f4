import { describe, expect, it } from 'vitest';
import { editionStatus, resolveEditionAt, todayInTehran, upcomingEdition, type DatedEdition } from '../editions';
import { parseJalali, type JalaliDate } from '../jalali';

function date(text: string): JalaliDate {
  const parsed = parseJalali(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.date;
}

const edition = (name: string, effective: string): DatedEdition => ({ name, effective: date(effective) });

// The sample history: a first edition, a Nowruz edition on the leap day's morrow, Azar 1404.
const e1403_07 = edition('1403-07', '1403/07/01');
const e1404_01 = edition('1404-01', '1404/01/01');
const e1404_09 = edition('1404-09', '1404/09/01');
const editions = [e1403_07, e1404_01, e1404_09];

const inForceOn = (day: string, list: readonly DatedEdition[] = editions) => {
  const result = resolveEditionAt(list, date(day));
  return result.status === 'in-force' ? result.edition.name : result.status;
};

describe('resolveEditionAt', () => {
  it('takes effect from the start of the effective day, not the day after', () => {
    expect(inForceOn('1404/08/30')).toBe('1404-01'); // the day before
    expect(inForceOn('1404/09/01')).toBe('1404-09'); // the effective day itself
    expect(inForceOn('1404/09/02')).toBe('1404-09');
  });

  it('crosses the Jalali leap day: 1403 has an Esfand 30', () => {
    expect(inForceOn('1403/12/29')).toBe('1403-07');
    expect(inForceOn('1403/12/30')).toBe('1403-07'); // the leap day still belongs to the old edition
    expect(inForceOn('1404/01/01')).toBe('1404-01');
  });

  it('an edition effective on the leap day itself is in force that day', () => {
    const leap = [e1403_07, edition('1403-12', '1403/12/30')];
    expect(inForceOn('1403/12/29', leap)).toBe('1403-07');
    expect(inForceOn('1403/12/30', leap)).toBe('1403-12');
  });

  it('moves from the last day of a common year (1404/12/29) to Nowruz 1405', () => {
    expect(parseJalali('1404/12/30').ok).toBe(false); // so 12/29 is the day before Nowruz
    const nowruz = [...editions, edition('1405-01', '1405/01/01')];
    expect(inForceOn('1404/12/29', nowruz)).toBe('1404-09');
    expect(inForceOn('1405/01/01', nowruz)).toBe('1405-01');
  });

  it('says a date before the first edition is before it, with the first edition', () => {
    expect(resolveEditionAt(editions, date('1403/06/31'))).toEqual({ status: 'before-first', first: e1403_07 });
    expect(inForceOn('1403/07/01')).toBe('1403-07');
  });

  it('has nothing to resolve to with no editions', () => {
    expect(resolveEditionAt([], date('1404/09/01'))).toEqual({ status: 'no-editions' });
  });

  it('does not depend on the order of the list, nor change it', () => {
    const shuffled = [e1404_09, e1403_07, e1404_01];
    expect(inForceOn('1404/05/10', shuffled)).toBe('1404-01');
    expect(inForceOn('1404/10/01', shuffled)).toBe('1404-09');
    expect(resolveEditionAt(shuffled, date('1400/01/01'))).toEqual({ status: 'before-first', first: e1403_07 });
    expect(shuffled.map((e) => e.name)).toEqual(['1404-09', '1403-07', '1404-01']);
  });

  it('returns the caller\'s own edition objects, with their other fields', () => {
    const full = [{ ...e1404_09, summary: 'اصلاح مهلت‌ها' }];
    const result = resolveEditionAt(full, date('1404/09/01'));
    expect(result.status === 'in-force' && result.edition.summary).toBe('اصلاح مهلت‌ها');
  });
});

describe('editionStatus', () => {
  it('a future edition is upcoming until its day, then in force, then past', () => {
    expect(editionStatus(editions, e1404_09, date('1404/08/30'))).toBe('upcoming');
    expect(editionStatus(editions, e1404_09, date('1404/09/01'))).toBe('in-force');
    expect(editionStatus(editions, e1404_01, date('1404/08/30'))).toBe('in-force');
    expect(editionStatus(editions, e1404_01, date('1404/09/01'))).toBe('past');
    expect(editionStatus(editions, e1403_07, date('1404/09/01'))).toBe('past');
  });

  it('the only edition stays in force however far ahead', () => {
    expect(editionStatus([e1403_07], e1403_07, date('1499/01/01'))).toBe('in-force');
  });

  it('every edition is upcoming before the first one', () => {
    for (const e of editions) expect(editionStatus(editions, e, date('1403/01/01'))).toBe('upcoming');
  });
});

describe('upcomingEdition', () => {
  it('is the next edition not yet in force, until its day', () => {
    expect(upcomingEdition(editions, date('1404/05/10'))).toBe(e1404_09);
    expect(upcomingEdition(editions, date('1404/08/30'))).toBe(e1404_09);
    expect(upcomingEdition(editions, date('1404/09/01'))).toBeUndefined();
  });

  it('is the nearest one when several are scheduled, in any list order', () => {
    expect(upcomingEdition([e1404_09, e1404_01, e1403_07], date('1403/10/01'))).toBe(e1404_01);
  });

  it('is the first edition before anything is in force, and nothing for an empty list', () => {
    expect(upcomingEdition(editions, date('1403/01/01'))).toBe(e1403_07);
    expect(upcomingEdition([], date('1403/01/01'))).toBeUndefined();
  });
});

describe('todayInTehran', () => {
  // Tehran is UTC+3:30 all year (no DST since 1401), so its midnight is 20:30 UTC.
  it('turns to 1404/09/01 at Tehran midnight, not UTC midnight', () => {
    expect(todayInTehran(new Date('2025-11-21T20:29:00Z'))).toEqual(date('1404/08/30'));
    expect(todayInTehran(new Date('2025-11-21T20:31:00Z'))).toEqual(date('1404/09/01'));
    expect(todayInTehran(new Date('2025-11-22T20:29:59Z'))).toEqual(date('1404/09/01'));
  });

  it('decides the edition in force at the moment of viewing', () => {
    const at = (iso: string) => resolveEditionAt(editions, todayInTehran(new Date(iso)));
    expect(at('2025-11-21T20:29:00Z')).toMatchObject({ edition: { name: '1404-01' } });
    expect(at('2025-11-21T20:31:00Z')).toMatchObject({ edition: { name: '1404-09' } });
  });

  it('knows the leap day and Nowruz', () => {
    expect(todayInTehran(new Date('2025-03-20T08:00:00Z'))).toEqual(date('1403/12/30'));
    expect(todayInTehran(new Date('2025-03-20T20:31:00Z'))).toEqual(date('1404/01/01'));
    expect(todayInTehran(new Date('2026-03-20T20:29:00Z'))).toEqual(date('1404/12/29'));
    expect(todayInTehran(new Date('2026-03-20T20:31:00Z'))).toEqual(date('1405/01/01'));
  });

  it('defaults to now', () => {
    const before = todayInTehran(new Date());
    const today = todayInTehran();
    expect([before, todayInTehran(new Date())]).toContainEqual(today);
  });
});
