import { describe, expect, it } from 'vitest';
import { clauseAnchor, clauseLabel, labelForAnchor, parseArticleHeading, parseClauseAnchor, parseNoteLead } from '../clauses';
import { formatCitation } from '../citation';

describe('clause anchors', () => {
  it.each([
    [{ article: 5 }, 'ماده-۵', 'ماده ۵'],
    [{ article: 12, note: 2 }, 'ماده-۱۲-تبصره-۲', 'ماده ۱۲، تبصره ۲'],
    [{ article: 3, note: 0 }, 'ماده-۳-تبصره', 'ماده ۳، تبصره'],
    [{ article: 3, item: 4 }, 'ماده-۳-بند-۴', 'ماده ۳، بند ۴'],
  ])('%o → #%s (%s)', (ref, anchor, label) => {
    expect(clauseAnchor(ref)).toBe(anchor);
    expect(clauseLabel(ref)).toBe(label);
    expect(parseClauseAnchor(anchor)).toEqual(ref);
    expect(labelForAnchor(anchor)).toBe(label);
  });

  it('reads anchors in any digit set and percent-encoded', () => {
    expect(parseClauseAnchor('ماده-5-تبصره-1')).toEqual({ article: 5, note: 1 });
    expect(parseClauseAnchor(encodeURIComponent('ماده-۵'))).toEqual({ article: 5 });
    expect(parseClauseAnchor('#ماده-٧')).toEqual({ article: 7 });
    expect(parseClauseAnchor('مقدمه')).toBeUndefined();
  });

  it.each([
    ['ماده ۵ – مهلت رسیدگی', 5],
    ['ماده 12: تعاریف', 12],
    ['ماده ٣', 3],
    ['ماده ۱۰-تعاریف', 10],
    ['مقدمه', undefined],
    ['ماده‌های مرتبط', undefined],
    ['مادهٔ ۵', undefined],
  ])('article heading «%s» → %s', (text, expected) => {
    expect(parseArticleHeading(text)).toBe(expected);
  });

  it.each([
    ['تبصره ۱:', 1],
    ['تبصره 2', 2],
    ['تبصره:', 0],
    ['تبصره', 0],
    ['تبصره‌ها', undefined],
    ['نکته ۱:', undefined],
  ])('note lead «%s» → %s', (text, expected) => {
    expect(parseNoteLead(text)).toBe(expected);
  });
});

describe('formatCitation', () => {
  it('names the clause, the regulation and its code, then the deep link', () => {
    const text = formatCitation({
      code: 'CS-002',
      title: 'دستورالعمل فروش انشعاب',
      anchor: 'ماده-۵-تبصره-۱',
      url: 'https://ayin.example/regulations/connection-sales/cs-002',
    });
    const [head, link] = text.split('\n');
    expect(head).toBe('ماده ۵، تبصره ۱ دستورالعمل فروش انشعاب (\u2068CS-002\u2069)');
    expect(decodeURIComponent(link!)).toBe('https://ayin.example/regulations/connection-sales/cs-002#ماده-۵-تبصره-۱');
  });

  it('cites a whole regulation without a clause', () => {
    expect(formatCitation({ code: 'ES-004', title: 'دستورالعمل صدور صورتحساب', url: 'http://x/r' })).toBe(
      'دستورالعمل صدور صورتحساب (\u2068ES-004\u2069)\nhttp://x/r',
    );
  });
});
