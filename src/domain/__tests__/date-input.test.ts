import { describe, expect, it } from 'vitest';
import { dateUrlForm, parseDateInput } from '../date-input';

describe('parseDateInput', () => {
  it.each([
    ['۱۴۰۳/۰۵/۱۰', { year: 1403, month: 5, day: 10 }],
    ['1403/5/10', { year: 1403, month: 5, day: 10 }],
    ['1403-05-10', { year: 1403, month: 5, day: 10 }],
    [' ١٤٠٣/٠٥/١٠ ', { year: 1403, month: 5, day: 10 }],
    ['۱۴۰۳.۵.۱۰', { year: 1403, month: 5, day: 10 }],
    ['۱۴۰۳/۱۲/۳۰', { year: 1403, month: 12, day: 30 }],
  ])('reads %s', (input, date) => {
    expect(parseDateInput(input)).toEqual({ ok: true, date });
  });

  it('rejects 30 Esfand of a common year, saying the year is not a leap year', () => {
    const result = parseDateInput('۱۴۰۴/۱۲/۳۰');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toBe('۱۴۰۴/۱۲/۳۰ تاریخ درستی نیست: اسفند ۱۴۰۴ بیست‌ونه روز دارد (سال ۱۴۰۴ کبیسه نیست).');
  });

  it('rejects 31 Esfand even in a leap year', () => {
    const result = parseDateInput('1403/12/31');
    expect(!result.ok && result.message).toBe('۱۴۰۳/۱۲/۳۱ تاریخ درستی نیست: اسفند ۱۴۰۳ سی روز دارد (سال ۱۴۰۳ کبیسه است).');
  });

  it('rejects day 31 of a 30-day month, a 13th month and text that is not a date', () => {
    expect(parseDateInput('1403/07/31')).toEqual({ ok: false, message: '۱۴۰۳/۰۷/۳۱ تاریخ درستی نیست: مهر ۱۴۰۳ سی روز دارد.' });
    expect(parseDateInput('1403/13/01')).toEqual({ ok: false, message: 'ماه ۱۳ وجود ندارد؛ ماه باید از ۱ تا ۱۲ باشد.' });
    expect(parseDateInput('دیروز')).toMatchObject({ ok: false, message: expect.stringContaining('۱۴۰۳/۰۵/۱۰') });
    expect(parseDateInput('')).toMatchObject({ ok: false });
    expect(parseDateInput('2024/05/10')).toMatchObject({ ok: false, message: expect.stringContaining('خورشیدی') });
  });

  it('writes the citable URL form', () => {
    expect(dateUrlForm({ year: 1403, month: 5, day: 10 })).toBe('1403-05-10');
  });
});
