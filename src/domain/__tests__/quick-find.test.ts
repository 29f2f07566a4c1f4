import { describe, expect, it } from 'vitest';
import { foldForMatch, quickFind } from '../quick-find';

const entries = [
  { code: 'CS-002', title: 'دستورالعمل فروش انشعاب و مدارک لازم متقاضیان' },
  { code: 'CS-003', title: 'دستورالعمل محاسبه حق انشعاب و هزینه نیرورسانی' },
  { code: 'AT-001', title: 'آیین‌نامه نظام اطلاع‌رسانی و ابلاغ مقررات خدمات مشترکین' },
];

describe('quickFind', () => {
  it('finds by exact code first, in any case and digit set', () => {
    expect(quickFind(entries, 'cs-۰۰۳').map((e) => e.code)).toEqual(['CS-003']);
  });

  it('matches Arabic yeh/kaf and ZWNJ/space variants of a title', () => {
    expect(quickFind(entries, 'آيين نامه').map((e) => e.code)).toEqual(['AT-001']);
    expect(quickFind(entries, 'مشتركين').map((e) => e.code)).toEqual(['AT-001']);
    expect(quickFind(entries, 'حق‌انشعاب').map((e) => e.code)).toEqual(['CS-003']);
  });

  it('finds nothing for an empty query or an unknown text', () => {
    expect(quickFind(entries, '   ')).toEqual([]);
    expect(quickFind(entries, 'تعرفه کشاورزی')).toEqual([]);
  });

  it('folds diacritics and tatweel', () => {
    expect(foldForMatch('مُشـترک')).toBe(foldForMatch('مشترک'));
  });
});
