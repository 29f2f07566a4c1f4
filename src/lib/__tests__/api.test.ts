import { describe, expect, it } from 'vitest';
import { safeNextPath } from '../api';
import { formatCountdown, formatDate, formatPercent } from '../format';

describe('safeNextPath: where sign-in may send the browser', () => {
  it('keeps a path on this site, with its query and fragment', () => {
    expect(safeNextPath('/courses/meter-reading/subscriber-questions?x=1#آزمون')).toBe('/courses/meter-reading/subscriber-questions?x=1#%D8%A2%D8%B2%D9%85%D9%88%D9%86');
    expect(safeNextPath('/my-learning')).toBe('/my-learning');
  });

  it.each([
    ['missing', null],
    ['empty', ''],
    ['another origin', 'https://evil.example/x'],
    ['protocol-relative', '//evil.example/x'],
    ['backslash trick', '/\\evil.example'],
    ['scheme', 'javascript:alert(1)'],
    ['relative', 'admin'],
    ['control character', '/x\n//evil.example'],
    ['the sign-in page itself', '/sign-in?next=/admin'],
  ])('sends %s to the home page', (_name, next) => {
    expect(safeNextPath(next)).toBe('/');
  });
});

describe('training display formats', () => {
  it('shows percents, countdowns and Jalali dates in Persian digits', () => {
    expect(formatPercent(85)).toBe('۸۵٪');
    expect(formatPercent(null)).toBe('—');
    expect(formatCountdown(125_000)).toBe('۰۲:۰۵');
    expect(formatCountdown(3_725_000)).toBe('۱:۰۲:۰۵');
    expect(formatCountdown(-5)).toBe('۰۰:۰۰');
    expect(formatDate('1404/09/01')).toBe('۱۴۰۴/۰۹/۰۱');
    expect(formatDate('۱۴۰۴/۰۹/۰۱')).toBe('۱۴۰۴/۰۹/۰۱');
    // 2025-11-22 is 1 Azar 1404 (Tehran).
    expect(formatDate('2025-11-22T08:00:00Z')).toBe('۱ آذر ۱۴۰۴');
    expect(formatDate('not a date')).toBe('—');
  });
});
