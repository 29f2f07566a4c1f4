/**
 * Quiz files in the corpus, on fixture mini-sites: the minimal site's quiz loads (and only its
 * meta reaches the site data); each malformed quiz is reported at its line.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toSiteData } from '../../../plugins/ayin-content/site-data';
import { makeFixtureSite, type FixtureSite } from '../../../tests/support/fixture-site';
import { loadCorpus } from '../corpus';
import { formatProblem } from '../problems';

const sites: FixtureSite[] = [];
afterAll(() => sites.forEach((s) => s.remove()));

function site(fixture: string) {
  const made = makeFixtureSite(fixture);
  sites.push(made);
  return made;
}
const problemsOf = (fixture: string) => loadCorpus(site(fixture).dir).problems.map(formatProblem);

describe('quizzes in the corpus', () => {
  it('loads the minimal site quiz, with citations in canonical form', () => {
    const corpus = loadCorpus(site('minimal').dir);
    expect(corpus.problems).toEqual([]);
    expect(corpus.quizzes).toHaveLength(1);
    const [entry] = corpus.quizzes;
    expect(entry).toMatchObject({ courseId: 'basics', file: 'content/quizzes/basics.yml' });
    expect(entry!.quiz.questions.map((q) => q.type)).toEqual(['single', 'multiple', 'true-false', 'numeric', 'ordering']);
    expect(entry!.quiz.questions[1]!.cites).toEqual(['reg:CS-001#ماده-۱-بند-۱', 'reg:CS-001#ماده-۱-بند-۲']);
    expect(entry!.quiz.questions[3]).toMatchObject({ unit: 'بند', answer: { value: 2, tolerance: 0 } });
  });

  it('gives the site only the quiz meta', () => {
    const data = toSiteData(loadCorpus(site('minimal').dir), 'contractor', { year: 1404, month: 9, day: 1 });
    expect(data.courses[0]!.quiz).toEqual({ title: 'آزمون دورهٔ آزمایشی', draw: 3, passMark: 70, maxAttempts: 3, timeLimitMinutes: 20, questionCount: 5 });
    const json = JSON.stringify(data);
    expect(json).not.toContain('توضیح آزمایشی');
    expect(json).not.toContain('"answer"');
    expect(json).not.toContain('b-01');
    expect(json).not.toContain('تبصرهٔ ماده دو دربارهٔ چیست');
  });

  it.each([
    ['quiz-answer-out-of-range', ['content/quizzes/basics.yml:14: questions.0.answer: answer out of range: "c" is not one of the option ids (a, b)']],
    ['quiz-no-correct-option', ['content/quizzes/basics.yml:24: questions.1.answer: no correct option: list at least one option id in answer']],
    ['quiz-pool-smaller-than-draw', ['content/quizzes/basics.yml:4: draw: pool smaller than draw: 5 question(s) in the pool, 6 drawn per attempt']],
    [
      'quiz-unknown-clause',
      [
        'content/quizzes/basics.yml:32: questions.2.cites.0: CS-001 (docs/connection-sales/cs-001.mdx) has no clause #ماده-۹',
        'content/quizzes/basics.yml:48: questions.4.cites.1: no regulation with code CS-099',
      ],
    ],
    ['quiz-unknown-course', ['content/quizzes/advanced.yml:1: (file): no course "advanced": a quiz is named after its course (content/courses/advanced.yml)']],
  ])('rejects the %s fixture with located messages', (fixture, expected) => {
    expect(problemsOf(fixture)).toEqual(expected);
  });

  it('rejects a citation of a regulation the course\'s learners cannot open', () => {
    // ES-001 is staff-only in the fixture; the basics course is for contractors.
    const made = site('minimal');
    const file = path.join(made.dir, 'content/quizzes/basics.yml');
    writeFileSync(file, readFileSync(file, 'utf8').replace("cites: ['reg:CS-001#ماده-۲-تبصره']", "cites: ['reg:ES-001#ماده-۱']"));
    expect(loadCorpus(made.dir).problems.map(formatProblem)).toEqual([
      'content/quizzes/basics.yml:16: questions.0.cites.0: ES-001 is not published for contractor, who take this course: cite a regulation they can read',
    ]);
  });
});
