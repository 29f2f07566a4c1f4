import { describe, expect, it } from 'vitest';
import { toAsciiDigits, toPersianDigits } from '../digits';

describe('digits', () => {
  it.each([
    ['۱۴۰۴/۰۹/۰۱', '1404/09/01'],
    ['١٤٠٤/٠٩/٠١', '1404/09/01'],
    ['CS-003 ماده ۵', 'CS-003 ماده 5'],
    ['بدون رقم', 'بدون رقم'],
  ])('toAsciiDigits(%s) = %s', (input, expected) => {
    expect(toAsciiDigits(input)).toBe(expected);
  });

  it.each([
    [1404, '۱۴۰۴'],
    ['1404/09/01', '۱۴۰۴/۰۹/۰۱'],
    ['٣ روز', '۳ روز'],
    ['ماده 12', 'ماده ۱۲'],
  ])('toPersianDigits(%s) = %s', (input, expected) => {
    expect(toPersianDigits(input)).toBe(expected);
  });

  it('round-trips every digit of every set', () => {
    const all = '0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩';
    expect(toAsciiDigits(all)).toBe('012345678901234567890123456789');
    expect(toPersianDigits(all)).toBe('۰۱۲۳۴۵۶۷۸۹'.repeat(3));
  });
});
