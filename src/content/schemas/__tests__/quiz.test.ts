import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseLocatedYaml } from '../../front-matter';
import { formatProblem } from '../../problems';
import { validateLocated } from '../../schema-problems';
import { quizSchema } from '../quiz';

const cites = ['reg:ES-002#ماده-۲'];
const options = [{ id: 'a', text: 'الف' }, { id: 'b', text: 'ب' }, { id: 'c', text: 'ج' }];
const question = (id: string, extra: Record<string, unknown>) => ({ id, prompt: 'پرسش؟', explanation: 'توضیح.', cites, ...extra });
const valid = () => ({
  title: 'آزمون',
  sample: true,
  passMark: 70,
  draw: 2,
  maxAttempts: 3,
  questions: [
    question('q1', { type: 'single', options, answer: 'b' }),
    question('q2', { type: 'multiple', options, answer: ['a', 'c'] }),
    question('q3', { type: 'true-false', answer: false }),
    question('q4', { type: 'numeric', answer: { value: 15, tolerance: 1, unit: 'روز' } }),
    question('q5', { type: 'ordering', options, answer: ['c', 'a', 'b'] }),
  ],
});
type Quiz = ReturnType<typeof valid>;

/** Problems as `validate` prints them, from the quiz written out as YAML (so lines are real). */
function problems(edit: (quiz: Quiz) => void): string[] {
  const quiz = valid();
  edit(quiz);
  const yaml = parseLocatedYaml('q.yml', stringify(quiz));
  return validateLocated('q.yml', yaml, quizSchema).problems.map((p) => formatProblem(p).replace(/^q\.yml:\d+: /, ''));
}
const q = (quiz: Quiz, i: number) => quiz.questions[i] as Record<string, unknown>;

describe('quizSchema', () => {
  it('accepts every question type and normalises unit and cites', () => {
    const quiz = valid();
    (quiz.questions[0] as { cites: string[] }).cites = ['reg:ES-002#ماده-2-تبصره'];
    const parsed = quizSchema.parse(quiz);
    expect(parsed.questions[0]!.cites).toEqual(['reg:ES-002#ماده-۲-تبصره']);
    expect(parsed.questions[3]).toMatchObject({ type: 'numeric', unit: 'روز', answer: { value: 15, tolerance: 1 } });
    expect(parsed.questions[3]!.answer).not.toHaveProperty('unit');
    expect(parsed.timeLimitMinutes).toBeUndefined();
  });

  it('defaults a numeric tolerance to 0 (exact)', () => {
    expect(problems((quiz) => (q(quiz, 3).answer = { value: 3 }))).toEqual([]);
    expect(quizSchema.parse({ ...valid(), questions: [question('n', { type: 'numeric', answer: { value: 3 } })], draw: 1 }).questions[0]!.answer).toEqual({ value: 3, tolerance: 0 });
  });

  it.each<[string, (quiz: Quiz) => void, string[]]>([
    ['single answer out of range', (quiz) => (q(quiz, 0).answer = 'e'), ['questions.0.answer: answer out of range: "e" is not one of the option ids (a, b, c)']],
    ['single with no answer', (quiz) => (q(quiz, 0).answer = null), ['questions.0.answer: no correct option: a single-choice answer is one option id, e.g. answer: b']],
    ['multiple with no correct option', (quiz) => (q(quiz, 1).answer = []), ['questions.1.answer: no correct option: list at least one option id in answer']],
    ['multiple answer out of range', (quiz) => (q(quiz, 1).answer = ['a', 'z']), ['questions.1.answer.1: answer out of range: "z" is not one of the option ids (a, b, c)']],
    ['multiple answer listed twice', (quiz) => (q(quiz, 1).answer = ['a', 'a']), ['questions.1.answer.1: option "a" is listed twice in answer']],
    ['duplicate option ids', (quiz) => (q(quiz, 0).options = [{ id: 'a', text: 'x' }, { id: 'a', text: 'y' }]), [
      'questions.0.options.1.id: duplicate option id "a" (first is option 1)',
      'questions.0.answer: answer out of range: "b" is not one of the option ids (a, a)',
    ]],
    ['one option only', (quiz) => (q(quiz, 0).options = [{ id: 'b', text: 'x' }]), ['questions.0.options: a question with options needs at least two']],
    ['true-false with options', (quiz) => (q(quiz, 2).options = options), ['questions.2.options: a true-false question has no options (remove the options field)']],
    ['true-false answered with text', (quiz) => (q(quiz, 2).answer = 'نادرست'), ['questions.2.answer: a true-false answer is true or false']],
    ['numeric with a negative tolerance', (quiz) => (q(quiz, 3).answer = { value: 1, tolerance: -1 }), ['questions.3.answer.tolerance: tolerance must be 0 or more']],
    ['numeric answered with text', (quiz) => (q(quiz, 3).answer = '۱۵'), ['questions.3.answer: a numeric answer is { value: 15, tolerance: 0 } (tolerance optional)']],
    ['numeric with two units', (quiz) => (q(quiz, 3).unit = 'ساعت'), ['questions.3.answer.unit: two different units: "ساعت" and "روز"; give it once']],
    ['ordering not a permutation', (quiz) => (q(quiz, 4).answer = ['a', 'a', 'x']), [
      'questions.4.answer: answer must list every option id exactly once, in the right order (missing b, c; not an option: x; repeated: a)',
    ]],
    ['ordering missing one', (quiz) => (q(quiz, 4).answer = ['a', 'b']), ['questions.4.answer: answer must list every option id exactly once, in the right order (missing c)']],
    ['duplicate question ids', (quiz) => (q(quiz, 4).id = 'q1'), ['questions.4.id: duplicate question id "q1" (first is question 1)']],
    ['pool smaller than draw', (quiz) => (quiz.draw = 6), ['draw: pool smaller than draw: 5 question(s) in the pool, 6 drawn per attempt']],
    ['pool smaller than draw, with another problem too', (quiz) => ((quiz.draw = 6), (q(quiz, 0).answer = 'e')), [
      'questions.0.answer: answer out of range: "e" is not one of the option ids (a, b, c)',
      'draw: pool smaller than draw: 5 question(s) in the pool, 6 drawn per attempt',
    ]],
    ['unknown question type', (quiz) => (q(quiz, 0).type = 'essay'), ['questions.0.type: expected type: one of single, multiple, true-false, numeric, ordering']],
    ['no cites', (quiz) => (q(quiz, 0).cites = []), ['questions.0.cites: a question must cite at least one clause it tests']],
    ['a cite without a clause', (quiz) => (q(quiz, 0).cites = ['reg:ES-002']), [
      'questions.0.cites.0: malformed citation "reg:ES-002"; expected reg:CODE#clause, e.g. reg:ES-003#ماده-۴ or reg:ES-003#ماده-۴-تبصره-۲',
    ]],
    ['a question id with spaces', (quiz) => (q(quiz, 0).id = 'q 1'), ['questions.0.id: question ids use Latin letters, digits, - and _ (e.g. mr-01)']],
    ['pass mark over 100', (quiz) => (quiz.passMark = 120), ['passMark: passMark is a percent from 1 to 100']],
    ['fractional draw', (quiz) => (quiz.draw = 1.5), ['draw: the number of questions per attempt must be a whole number']],
    ['misspelt field', (quiz) => ((quiz as Record<string, unknown>).passmark = 70), ['passmark: unknown field (check its spelling against content/README.md)']],
  ])('%s', (_name, edit, expected) => {
    expect(problems(edit)).toEqual(expected);
  });

  it('reports at the line of the field', () => {
    const quiz = valid();
    (quiz.questions[1] as Record<string, unknown>).answer = [];
    const text = stringify(quiz);
    const line = text.split('\n').findIndex((l) => l.includes('answer: []')) + 1;
    const found = validateLocated('q.yml', parseLocatedYaml('q.yml', text), quizSchema).problems;
    expect(found.map((p) => p.line)).toEqual([line]);
  });
});
