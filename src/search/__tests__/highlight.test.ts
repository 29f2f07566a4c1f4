import { describe, expect, it } from 'vitest';
import { highlight, queryMatcher, snippet } from '../highlight';

const marked = (text: string, query: string) =>
  highlight(text, queryMatcher(query)).filter((s) => s.hit).map((s) => s.text);

describe('highlight', () => {
  it('marks words however the query was typed', () => {
    expect(marked('قطع برق مشترکین بدهکار', 'مشتركين بدهكار')).toEqual(['مشترکین', 'بدهکار']);
    expect(marked('واگذاری انشعاب‌های موقت', 'انشعابات')).toEqual(['انشعاب‌های']);
    expect(marked('طبق آیین‌نامه فروش', 'آیین نامه')).toEqual(['آیین‌نامه']);
  });

  it('matches the last query word as a prefix while typing', () => {
    expect(marked('صورتحساب برق', 'صورت')).toEqual(['صورتحساب']);
  });

  it('keeps the text whole around marks', () => {
    const segments = highlight('ماده ۵: مهلت پاسخ', queryMatcher('مهلت'));
    expect(segments.map((s) => s.text).join('')).toBe('ماده ۵: مهلت پاسخ');
  });

  it('cuts a window around the first match', () => {
    const text = `${'واژه '.repeat(50)}شکایت ${'متن '.repeat(50)}`;
    const s = snippet(text, queryMatcher('شکایت'), 20);
    expect(s[0]!.text).toBe('… ');
    expect(s.some((x) => x.hit && x.text === 'شکایت')).toBe(true);
    expect(s[s.length - 1]!.text).toBe(' …');
  });
});
