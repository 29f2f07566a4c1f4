import { describe, expect, it } from 'vitest';
import { parseLocatedYaml } from '../../front-matter';
import { formatProblem } from '../../problems';
import { validateLocated } from '../../schema-problems';
import { editionsSchema } from '../edition';

const entry = (name: string, effective: string, notified = effective) => ({
  name,
  effective,
  notification: { number: `۱۲۳/${name}`, date: notified },
  summary: 'اصلاح مهلت‌ها',
});

function messages(data: unknown): string[] {
  const result = editionsSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('editionsSchema', () => {
  it("reads the approver's editorial mark: true, or clauses stored as reg:CODE#anchor; refuses anything else with the field", () => {
    expect(editionsSchema.parse([{ ...entry('1404-09', '1404/09/01'), editorial: true }])[0]!.editorial).toBe(true);
    expect(editionsSchema.parse([{ ...entry('1404-09', '1404/09/01'), editorial: ['ES-007#ماده-5', 'reg:ES-007#ماده-۶-تبصره-۱'] }])[0]!.editorial).toEqual(['reg:ES-007#ماده-۵', 'reg:ES-007#ماده-۶-تبصره-۱']);
    expect(messages([{ ...entry('1404-09', '1404/09/01'), editorial: ['ES-007 ماده ۵'] }])).toEqual([
      '0.editorial.0: malformed citation "ES-007 ماده ۵"; expected reg:CODE#clause, e.g. reg:ES-003#ماده-۴ or reg:ES-003#ماده-۴-تبصره-۲',
    ]);
    expect(messages([{ ...entry('1404-09', '1404/09/01'), editorial: 'yes' }])).toEqual([
      '0.editorial: expected true (every change of the edition is editorial) or a list of clauses like [ES-007#ماده-۵]',
    ]);
  });

  it('reads a valid list into Jalali dates, any digit set', () => {
    const result = editionsSchema.parse([
      entry('1403-07', '1403/07/01', '1403/06/20'),
      { ...entry('1404-09', '۱۴۰۴/۰۹/۰۱', '۱۴۰۴/۰۸/۲۵'), summary: '  درج تبصره جدید  ' },
    ]);
    expect(result[1]).toEqual({
      name: '1404-09',
      effective: { year: 1404, month: 9, day: 1 },
      notification: { number: '۱۲۳/1404-09', date: { year: 1404, month: 8, day: 25 } },
      summary: 'درج تبصره جدید',
    });
  });

  it('accepts an empty list (no edition published yet)', () => {
    expect(editionsSchema.parse([])).toEqual([]);
  });

  it('accepts a notification on the effective day itself', () => {
    expect(messages([entry('1404-09', '1404/09/01', '1404/09/01')])).toEqual([]);
  });

  it('accepts Esfand 30 of a leap year as an effective date', () => {
    expect(messages([entry('1403-12', '1403/12/30', '1403/12/20')])).toEqual([]);
  });

  it.each([
    ['1404-9', /expected an edition name like 1404-09/],
    ['1404-13', /month 01–12/],
    ['1404-00', /month 01–12/],
    ['۱۴۰۴-۰۹', /expected an edition name like 1404-09/],
    ['1404/09', /expected an edition name like 1404-09/],
  ])('rejects the name %s', (name, message) => {
    const result = editionsSchema.safeParse([{ ...entry('x', '1404/09/01'), name }]);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ path: [0, 'name'], message: expect.stringMatching(message) });
  });

  it('rejects an impossible effective date, naming the leap-year rule', () => {
    expect(messages([entry('1404-12', '1404/12/30', '1404/12/01')])).toEqual([
      '0.effective: 1404/12/30 is not a real Jalali date (1404 is not a leap year)',
    ]);
  });

  it('rejects unknown and missing fields', () => {
    const { summary: _summary, ...withoutSummary } = entry('1404-09', '1404/09/01');
    const result = editionsSchema.safeParse([{ ...withoutSummary, sumary: 'غلط املایی' }]);
    expect(result.error!.issues.map((i) => [i.code, i.path])).toEqual([
      ['invalid_type', [0, 'summary']],
      ['unrecognized_keys', [0]],
    ]);
  });

  it('rejects a duplicate name at the later entry', () => {
    expect(messages([entry('1404-09', '1404/09/01'), entry('1404-09', '1404/09/15')])).toEqual([
      '1.name: duplicate edition name "1404-09" (already used by entry 1)',
    ]);
  });

  it('rejects a name that is not the effective year-month', () => {
    expect(messages([entry('1404-10', '1404/09/01')])).toEqual([
      "0.name: must be the effective date's year and month: 1404-09 (effective 1404/09/01)",
    ]);
  });

  it('rejects effective dates out of order, and equal ones', () => {
    expect(messages([entry('1404-09', '1404/09/01'), entry('1404-01', '1404/01/01')])).toEqual([
      "1.effective: must be after the previous edition's effective date 1404/09/01 (1404-09); list editions oldest first",
    ]);
    expect(messages([entry('1404-09', '1404/09/01'), entry('1404-09', '1404/09/01')])).toEqual([
      '1.name: duplicate edition name "1404-09" (already used by entry 1)',
      "1.effective: must be after the previous edition's effective date 1404/09/01 (1404-09); list editions oldest first",
    ]);
  });

  it('rejects a notification dated after the effective date', () => {
    expect(messages([entry('1404-09', '1404/09/01', '1404/09/02')])).toEqual([
      '0.notification.date: a regulation cannot take effect before it is notified: 1404/09/02 is after the effective date 1404/09/01',
    ]);
  });

  it('reports cross-entry problems only once every entry is well formed', () => {
    // A typo in one entry hides the ordering problem until it is fixed, rather than piling up.
    expect(messages([entry('1404-09', '1404/09/01'), entry('1404-01', '1404/01/01'), { name: '1404-10' }])).toEqual([
      '2.effective: expected a Jalali date like 1404/09/01',
      '2.notification: Invalid input: expected object, received undefined',
      '2.summary: expected text',
    ]);
  });
});

describe('content/editions.yml through validateLocated', () => {
  const file = 'content/editions.yml';
  const yaml = [
    '- name: 1403-07', //                 1
    '  effective: 1403/07/01', //         2
    '  notification:', //                 3
    '    number: ۱۲۳/۴۵', //              4
    '    date: 1403/06/20', //            5
    '  summary: نسخه نخست', //            6
    '- name: 1404-09', //                 7
    '  effective: ۱۴۰۴/۰۹/۰۱', //         8
    '  notification:', //                 9
    '    number: ۲۳۴/۵۶', //              10
    '    date: 1404/09/05', //            11
    '  summary: اصلاح مهلت‌ها', //         12
    '- name: 1404-09', //                 13
    '  effective: 1404/01/01', //         14
    '  notification:', //                 15
    '    number: ۳۴۵/۶۷', //              16
    '    date: 1403/12/25', //            17
    '  summary: تکراری', //               18
    '',
  ].join('\n');

  it('locates each problem at the line of its field', () => {
    const { value, problems } = validateLocated(file, parseLocatedYaml(file, yaml), editionsSchema);
    expect(value).toBeUndefined();
    expect(problems.map(formatProblem)).toEqual([
      'content/editions.yml:11: 1.notification.date: a regulation cannot take effect before it is notified: 1404/09/05 is after the effective date 1404/09/01',
      'content/editions.yml:13: 2.name: duplicate edition name "1404-09" (already used by entry 2)',
      "content/editions.yml:13: 2.name: must be the effective date's year and month: 1404-01 (effective 1404/01/01)",
      "content/editions.yml:14: 2.effective: must be after the previous edition's effective date 1404/09/01 (1404-09); list editions oldest first",
    ]);
  });

  it('locates a malformed entry and an unknown key', () => {
    const bad = ['- name: 1404-09', '  effective: 1404/13/01', '  notifcation: {}', '  summary: متن', ''].join('\n');
    const { problems } = validateLocated(file, parseLocatedYaml(file, bad), editionsSchema);
    expect(problems.map(formatProblem)).toEqual([
      'content/editions.yml:2: 0.effective: month 13 does not exist (1–12) in "1404/13/01"',
      'content/editions.yml:1: 0.notification: required field is missing',
      'content/editions.yml:3: notifcation: unknown field (check its spelling against content/README.md)',
    ]);
  });

  it('passes a good file with no problems', () => {
    const good = yaml.split('\n').slice(0, 12).join('\n').replace('1404/09/05', '1404/08/25');
    const { value, problems } = validateLocated(file, parseLocatedYaml(file, good), editionsSchema);
    expect(problems).toEqual([]);
    expect(value!.map((e) => e.name)).toEqual(['1403-07', '1404-09']);
  });
});
