import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLocatedYaml } from '../../front-matter';
import { formatProblem } from '../../problems';
import { validateLocated } from '../../schema-problems';
import { surveysSchema } from '../survey';

const FILE = 'content/surveys.yml';
const SAMPLE = readFileSync(path.resolve(__dirname, '../../../..', FILE), 'utf8');
const problems = (text: string) => validateLocated(FILE, parseLocatedYaml(FILE, text), surveysSchema).problems.map(formatProblem);

describe('content/surveys.yml', () => {
  it('the sample validates: Persian questions for courses and seminars, marked sample, minimum five', () => {
    const { value, problems: found } = validateLocated(FILE, parseLocatedYaml(FILE, SAMPLE), surveysSchema);
    expect(found).toEqual([]);
    expect(value).toMatchObject({ sample: true, minimumAnswers: 5 });
    expect(value!.course.length).toBeGreaterThanOrEqual(3);
    expect(value!.seminar.map((q) => q.id)).toContain('presenter');
  });

  it('a duplicate id, an empty question and a bad minimum are refused with file:line and field', () => {
    const bad = SAMPLE.replace('id: clarity', 'id: useful').replace('minimumAnswers: 5', 'minimumAnswers: 1').replace(/text: ارائه‌دهنده[^\n]*/, 'text: ""');
    const lines = SAMPLE.split('\n');
    const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
    expect(problems(bad)).toEqual([
      expect.stringMatching(new RegExp(`^${FILE}:${lineOf('minimumAnswers: 5')}: minimumAnswers: `)),
      expect.stringMatching(new RegExp(`^${FILE}:${lineOf('id: clarity')}: course\\.1\\.id: duplicate question id useful`)),
      expect.stringMatching(new RegExp(`^${FILE}:${lineOf('text: ارائه‌دهنده')}: seminar\\.0\\.text: must not be empty`)),
    ]);
  });
});
