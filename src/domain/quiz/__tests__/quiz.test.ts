import { describe, expect, it } from 'vitest';
import {
  drawQuestions,
  gradeAnswer,
  gradeAttempt,
  parseAnswer,
  parseCite,
  parseNumber,
  planAttempt,
  publicQuestion,
  quizMeta,
  shuffleOptions,
  type Question,
  type QuizDefinition,
} from '../index';

const base = { explanation: 'توضیح', cites: ['reg:ES-003#ماده-۴'] };
const single: Question = {
  ...base, id: 's1', type: 'single', prompt: 'کدام؟',
  options: [{ id: 'a', text: 'الف' }, { id: 'b', text: 'ب' }, { id: 'c', text: 'ج' }], answer: 'b',
};
const multiple: Question = {
  ...base, id: 'm1', type: 'multiple', prompt: 'کدام‌ها؟',
  options: [{ id: 'a', text: 'الف' }, { id: 'b', text: 'ب' }, { id: 'c', text: 'ج' }, { id: 'd', text: 'د' }], answer: ['a', 'c'],
};
const trueFalse: Question = { ...base, id: 't1', type: 'true-false', prompt: 'درست است؟', answer: false };
const numeric: Question = { ...base, id: 'n1', type: 'numeric', prompt: 'چند روز؟', answer: { value: 15, tolerance: 2 }, unit: 'روز' };
const exact: Question = { ...base, id: 'n2', type: 'numeric', prompt: 'چند؟', answer: { value: 0.3, tolerance: 0.1 } };
const ordering: Question = {
  ...base, id: 'o1', type: 'ordering', prompt: 'مرتب کنید',
  options: [{ id: 'w', text: 'اول' }, { id: 'x', text: 'دوم' }, { id: 'y', text: 'سوم' }], answer: ['w', 'x', 'y'],
};

describe('gradeAnswer', () => {
  it('single: the one correct option only', () => {
    expect(gradeAnswer(single, 'b')).toBe(true);
    expect(gradeAnswer(single, 'a')).toBe(false);
    expect(gradeAnswer(single, ['b'])).toBe(false);
    expect(gradeAnswer(single, 'z')).toBe(false);
    expect(gradeAnswer(single, undefined)).toBe(false);
  });

  it('multiple: all-or-nothing, in any order', () => {
    expect(gradeAnswer(multiple, ['c', 'a'])).toBe(true);
    expect(gradeAnswer(multiple, ['a'])).toBe(false);
    expect(gradeAnswer(multiple, ['a', 'c', 'd'])).toBe(false);
    expect(gradeAnswer(multiple, [])).toBe(false);
    expect(gradeAnswer(multiple, ['a', 'a', 'c'])).toBe(false);
    expect(gradeAnswer(multiple, 'a')).toBe(false);
  });

  it('true-false: booleans only (the string "false" is not an answer)', () => {
    expect(gradeAnswer(trueFalse, false)).toBe(true);
    expect(gradeAnswer(trueFalse, true)).toBe(false);
    expect(gradeAnswer(trueFalse, 'false')).toBe(false);
    expect(gradeAnswer(trueFalse, 0)).toBe(false);
  });

  it('numeric: tolerance is inclusive at both ends', () => {
    expect(gradeAnswer(numeric, 13)).toBe(true);
    expect(gradeAnswer(numeric, 17)).toBe(true);
    expect(gradeAnswer(numeric, 12.999)).toBe(false);
    expect(gradeAnswer(numeric, 17.001)).toBe(false);
  });

  it('numeric: a boundary survives float noise (0.4 − 0.3 is 0.10000000000000003)', () => {
    expect(gradeAnswer(exact, 0.4)).toBe(true);
    expect(gradeAnswer(exact, 0.2)).toBe(true);
    expect(gradeAnswer(exact, 0.41)).toBe(false);
  });

  it('numeric: Persian and Arabic-Indic digits, Persian decimal marks and the unit', () => {
    expect(gradeAnswer(numeric, '۱۵')).toBe(true);
    expect(gradeAnswer(numeric, '١٧')).toBe(true);
    expect(gradeAnswer(numeric, '۱۸')).toBe(false);
    expect(gradeAnswer(numeric, '۱۵ روز')).toBe(true);
    expect(gradeAnswer(exact, '۰٫۴')).toBe(true);
    expect(gradeAnswer(exact, '۰/۳')).toBe(true);
    expect(gradeAnswer(numeric, 'پانزده')).toBe(false);
    expect(gradeAnswer(numeric, '')).toBe(false);
    expect(gradeAnswer(numeric, Number.NaN)).toBe(false);
  });

  it('ordering: the exact sequence only', () => {
    expect(gradeAnswer(ordering, ['w', 'x', 'y'])).toBe(true);
    expect(gradeAnswer(ordering, ['x', 'w', 'y'])).toBe(false);
    expect(gradeAnswer(ordering, ['w', 'x'])).toBe(false);
    expect(gradeAnswer(ordering, ['w', 'x', 'y', 'y'])).toBe(false);
  });
});

describe('parseNumber', () => {
  it.each([
    ['15', 15], ['۱۵', 15], ['١٥', 15], ['۲/۵', 2.5], ['۲٫۵', 2.5], ['2.5', 2.5], ['۱٬۵۰۰', 1500], ['1,500', 1500],
    ['  ۷  ', 7], ['−۳', -3], ['-3', -3], ['.5', 0.5],
  ])('parseNumber(%s) = %s', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it.each(['', 'abc', '۱۵ ساعت', '1e3', '1.2.3', '--1', 'Infinity'])('rejects %j', (text) => {
    expect(parseNumber(text, 'روز')).toBeUndefined();
  });
});

describe('parseAnswer', () => {
  it('normalises what it accepts', () => {
    expect(parseAnswer(numeric, '۱۶')).toEqual({ ok: true, answer: 16 });
    expect(parseAnswer(multiple, ['a'])).toEqual({ ok: true, answer: ['a'] });
    expect(parseAnswer(trueFalse, true)).toEqual({ ok: true, answer: true });
  });

  it.each([
    [single, 1, 'برای این پرسش باید یکی از گزینه‌ها را انتخاب کنید.'],
    [single, 'z', 'گزینهٔ انتخاب‌شده در این پرسش وجود ندارد.'],
    [multiple, 'a', 'پاسخ این پرسش باید فهرستی از گزینه‌های انتخاب‌شده باشد.'],
    [multiple, ['a', 'q'], 'دست‌کم یکی از گزینه‌های انتخاب‌شده در این پرسش وجود ندارد.'],
    [multiple, ['a', 'a'], 'یک گزینه بیش از یک بار انتخاب شده است.'],
    [trueFalse, 'true', 'پاسخ این پرسش باید «درست» یا «نادرست» باشد.'],
    [numeric, { value: 15 }, 'پاسخ این پرسش باید یک عدد باشد.'],
    [numeric, Infinity, 'پاسخ این پرسش باید یک عدد باشد.'],
    [ordering, ['w', 'x'], 'برای این پرسش باید همهٔ گزینه‌ها را، هر کدام یک بار، مرتب کنید.'],
    [ordering, null, 'پاسخ این پرسش باید ترتیبی از همهٔ گزینه‌ها باشد.'],
  ] as const)('rejects a malformed answer with a Persian message (%#)', (question, raw, error) => {
    expect(parseAnswer(question, raw)).toEqual({ ok: false, error });
  });
});

const pool: Question[] = Array.from({ length: 20 }, (_, i) => ({ ...single, id: `q-${i + 1}` }));

describe('drawQuestions', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const ids = (seed: string) => drawQuestions(pool, 10, seed).map((q) => q.id);
    expect(ids('attempt-1')).toEqual(ids('attempt-1'));
    expect(ids('attempt-1')).not.toEqual(ids('attempt-2'));
  });

  it('draws distinct questions from the pool', () => {
    for (const seed of ['a', 'b', 'c', 42]) {
      const drawn = drawQuestions(pool, 10, seed);
      expect(drawn).toHaveLength(10);
      expect(new Set(drawn.map((q) => q.id)).size).toBe(10);
      drawn.forEach((q) => expect(pool).toContain(q));
    }
  });

  it('reaches every question over many seeds (not stuck on the first ones)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) drawQuestions(pool, 10, `s${i}`).forEach((q) => seen.add(q.id));
    expect(seen.size).toBe(20);
  });

  it('refuses a pool smaller than the draw, and a draw of zero', () => {
    expect(() => drawQuestions(pool.slice(0, 5), 6, 'x')).toThrow('cannot draw 6 questions from a pool of 5');
    expect(() => drawQuestions(pool, 0, 'x')).toThrow('draw must be a positive integer');
  });
});

describe('shuffleOptions', () => {
  it('is a seed-determined permutation of the option ids', () => {
    const order = shuffleOptions(multiple, 'attempt-9')!;
    expect([...order].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(shuffleOptions(multiple, 'attempt-9')).toEqual(order);
    const orders = new Set(Array.from({ length: 30 }, (_, i) => shuffleOptions(multiple, `s${i}`)!.join('')));
    expect(orders.size).toBeGreaterThan(5);
  });

  it('never shows an ordering question already in the right order', () => {
    for (let i = 0; i < 200; i++) expect(shuffleOptions(ordering, `s${i}`)).not.toEqual(['w', 'x', 'y']);
  });

  it('has nothing to shuffle for true-false and numeric', () => {
    expect(shuffleOptions(trueFalse, 's')).toBeUndefined();
    expect(shuffleOptions(numeric, 's')).toBeUndefined();
  });
});

describe('publicQuestion', () => {
  it('drops answer, explanation and cites, and follows the given order', () => {
    const shown = publicQuestion(single, ['c', 'a', 'b']);
    expect(shown).toEqual({ id: 's1', type: 'single', prompt: 'کدام؟', options: [{ id: 'c', text: 'ج' }, { id: 'a', text: 'الف' }, { id: 'b', text: 'ب' }] });
    for (const q of [single, multiple, trueFalse, numeric, ordering]) {
      const json = JSON.stringify(publicQuestion(q, shuffleOptions(q, 'attempt-1')));
      expect(json).not.toContain('answer');
      expect(json).not.toContain('explanation');
      expect(json).not.toContain('reg:');
    }
    expect(publicQuestion(numeric)).toEqual({ id: 'n1', type: 'numeric', prompt: 'چند روز؟', unit: 'روز' });
  });

  it('refuses to show an ordering question in its written (right) order', () => {
    expect(() => publicQuestion(ordering)).toThrow('needs the attempt\'s shuffled option order');
    expect(publicQuestion(ordering, ['y', 'w', 'x']).options!.map((o) => o.id)).toEqual(['y', 'w', 'x']);
  });

  it('refuses an order that is not a permutation of the options', () => {
    expect(() => publicQuestion(single, ['a', 'b'])).toThrow('not a permutation');
  });
});

describe('gradeAttempt and planAttempt', () => {
  const quiz: QuizDefinition = { title: 'آزمون', sample: true, passMark: 70, draw: 3, maxAttempts: 3, questions: [single, trueFalse, numeric, ordering] };

  it('plans the same attempt from the same seed', () => {
    expect(planAttempt(quiz, 'a-1')).toEqual(planAttempt(quiz, 'a-1'));
    expect(planAttempt(quiz, 'a-1')).toHaveLength(3);
  });

  it('scores one point per question, unanswered is wrong, pass mark inclusive', () => {
    const qs = [single, trueFalse, numeric, ordering, multiple];
    const allRight = { s1: 'b', t1: false, n1: '۱۵', o1: ['w', 'x', 'y'], m1: ['a', 'c'] };
    expect(gradeAttempt(qs, allRight, 70)).toMatchObject({ score: 100, correct: 5, total: 5, passed: true });
    const r = gradeAttempt(qs, { ...allRight, m1: ['a'], t1: undefined }, 60);
    expect(r).toMatchObject({ score: 60, correct: 3, passed: true });
    expect(gradeAttempt(qs, { s1: 'b', t1: false, n1: 15 }, 70)).toMatchObject({ score: 60, passed: false });
    expect(r.perQuestion.map((p) => [p.id, p.correct])).toEqual([['s1', true], ['t1', false], ['n1', true], ['o1', true], ['m1', false]]);
    expect(r.perQuestion[0]).toMatchObject({ explanation: 'توضیح', cites: ['reg:ES-003#ماده-۴'] });
  });

  it('rounds the percent down so a near miss does not read as the pass mark', () => {
    const three = [single, trueFalse, numeric];
    expect(gradeAttempt(three, { s1: 'b', t1: false }, 67)).toMatchObject({ score: 66, passed: false });
  });

  it('ignores answers to questions that were not drawn', () => {
    expect(gradeAttempt([single], { s1: 'a', t1: false }, 50)).toMatchObject({ correct: 0, total: 1, passed: false });
  });
});

describe('quizMeta and parseCite', () => {
  it('keeps only the meta', () => {
    const quiz: QuizDefinition = { title: 'آزمون', sample: true, passMark: 70, draw: 1, maxAttempts: 3, timeLimitMinutes: 20, questions: [single, numeric] };
    expect(quizMeta(quiz)).toEqual({ title: 'آزمون', draw: 1, passMark: 70, maxAttempts: 3, timeLimitMinutes: 20, questionCount: 2 });
  });

  it('reads reg:CODE#anchor in any digit set into the canonical anchor and label', () => {
    expect(parseCite('reg:ES-003#ماده-4-تبصره-2')).toEqual({ code: 'ES-003', anchor: 'ماده-۴-تبصره-۲', label: 'ماده ۴، تبصره ۲' });
    expect(parseCite('reg:ES-003')).toBeUndefined();
    expect(parseCite('reg:ES-003#مقدمه')).toBeUndefined();
    // The `reg:` prefix is optional (lessons and quizzes cite alike).
    expect(parseCite('ES-003#ماده-4')).toEqual({ code: 'ES-003', anchor: 'ماده-۴', label: 'ماده ۴' });
    expect(parseCite('ES-003')).toBeUndefined();
  });
});
