/**
 * A course's quiz: `content/quizzes/<course-id>.yml` (format in `server/training/README.md`
 * and `content/README.md`). The schema checks each question on its own (answer among the
 * options, at least one correct option, ordering answer a permutation, …); whether the cited
 * clauses exist is checked by the loader against the regulations (`src/content/quizzes.ts`).
 */
import * as z from 'zod';
import type { QuizDefinition } from '../../domain/quiz/types';
import { clauseCite as cite, persianText, sampleFlag } from './common';

export const QUESTION_TYPES = ['single', 'multiple', 'true-false', 'numeric', 'ordering'] as const;

const id = (what: string) =>
  z
    .string({ error: `expected the ${what} id as text, e.g. mr-01` })
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, `${what} ids use Latin letters, digits, - and _ (e.g. mr-01)`);

const option = z.strictObject({ id: id('option'), text: persianText });

const common = {
  id: id('question'),
  prompt: persianText,
  explanation: persianText,
  cites: z.array(cite, { error: 'expected a list of clause citations like [reg:ES-003#ماده-۴]' }).min(1, 'a question must cite at least one clause it tests'),
};

const choiceOptions = z.array(option, { error: 'expected a list of options ({ id, text })' }).min(2, 'a question with options needs at least two');
const noOptions = (type: string) =>
  z.undefined({ error: `a ${type} question has no options (remove the options field)` }).optional();

type Ctx = z.core.$RefinementCtx;
type WithOptions = { options: { id: string }[] };

function checkOptionIds(q: WithOptions, ctx: Ctx) {
  const seen = new Map<string, number>();
  q.options.forEach((o, i) => {
    const first = seen.get(o.id);
    if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['options', i, 'id'], message: `duplicate option id "${o.id}" (first is option ${first + 1})` });
    else seen.set(o.id, i);
  });
}

const optionList = (q: WithOptions) => q.options.map((o) => o.id).join(', ');

const singleQuestion = z
  .strictObject({
    ...common,
    type: z.literal('single'),
    options: choiceOptions,
    answer: z.string({ error: 'no correct option: a single-choice answer is one option id, e.g. answer: b' }),
  })
  .superRefine((q, ctx) => {
    checkOptionIds(q, ctx);
    if (!q.options.some((o) => o.id === q.answer)) {
      ctx.addIssue({ code: 'custom', path: ['answer'], message: `answer out of range: "${q.answer}" is not one of the option ids (${optionList(q)})` });
    }
  });

const multipleQuestion = z
  .strictObject({
    ...common,
    type: z.literal('multiple'),
    options: choiceOptions,
    answer: z
      .array(z.string(), { error: 'a multiple-choice answer is a list of option ids, e.g. answer: [a, c]' })
      .min(1, 'no correct option: list at least one option id in answer'),
  })
  .superRefine((q, ctx) => {
    checkOptionIds(q, ctx);
    q.answer.forEach((answerId, i) => {
      if (!q.options.some((o) => o.id === answerId)) {
        ctx.addIssue({ code: 'custom', path: ['answer', i], message: `answer out of range: "${answerId}" is not one of the option ids (${optionList(q)})` });
      } else if (q.answer.indexOf(answerId) !== i) {
        ctx.addIssue({ code: 'custom', path: ['answer', i], message: `option "${answerId}" is listed twice in answer` });
      }
    });
  });

const trueFalseQuestion = z.strictObject({
  ...common,
  type: z.literal('true-false'),
  options: noOptions('true-false'),
  answer: z.boolean({ error: 'a true-false answer is true or false' }),
});

const numericQuestion = z
  .strictObject({
    ...common,
    type: z.literal('numeric'),
    options: noOptions('numeric'),
    unit: persianText.optional(),
    answer: z.strictObject(
      {
        value: z.number({ error: 'expected the right value as a number' }),
        tolerance: z.number({ error: 'expected a tolerance as a number (0 for exact)' }).nonnegative('tolerance must be 0 or more').default(0),
        unit: persianText.optional(),
      },
      { error: 'a numeric answer is { value: 15, tolerance: 0 } (tolerance optional)' },
    ),
  })
  .superRefine((q, ctx) => {
    if (q.unit && q.answer.unit && q.unit !== q.answer.unit) {
      ctx.addIssue({ code: 'custom', path: ['answer', 'unit'], message: `two different units: "${q.unit}" and "${q.answer.unit}"; give it once` });
    }
  });

const orderingQuestion = z
  .strictObject({
    ...common,
    type: z.literal('ordering'),
    options: choiceOptions,
    answer: z.array(z.string(), { error: 'an ordering answer is the list of option ids in the right order, e.g. answer: [c, a, b]' }),
  })
  .superRefine((q, ctx) => {
    checkOptionIds(q, ctx);
    const ids = q.options.map((o) => o.id);
    const missing = ids.filter((i) => !q.answer.includes(i));
    const unknown = q.answer.filter((i) => !ids.includes(i));
    const repeated = q.answer.filter((i, n) => q.answer.indexOf(i) !== n);
    if (missing.length || unknown.length || repeated.length) {
      const parts = [
        missing.length ? `missing ${missing.join(', ')}` : '',
        unknown.length ? `not an option: ${unknown.join(', ')}` : '',
        repeated.length ? `repeated: ${repeated.join(', ')}` : '',
      ].filter(Boolean);
      ctx.addIssue({ code: 'custom', path: ['answer'], message: `answer must list every option id exactly once, in the right order (${parts.join('; ')})` });
    }
  });

export const questionSchema = z
  .discriminatedUnion('type', [singleQuestion, multipleQuestion, trueFalseQuestion, numericQuestion, orderingQuestion], {
    error: `expected type: one of ${QUESTION_TYPES.join(', ')}`,
  })
  // The unit may be written beside the value (as in the contract) or on the question; the
  // domain keeps it on the question, where it is public.
  .transform((q) => {
    if (q.type !== 'numeric') return q;
    const { unit: answerUnit, ...answer } = q.answer;
    const unit = q.unit ?? answerUnit;
    return { ...q, answer, ...(unit ? { unit } : {}) };
  });

const count = (what: string) => z.number({ error: `expected ${what} as a whole number` }).int(`${what} must be a whole number`);

export const quizSchema = z
  .strictObject({
    title: persianText,
    sample: sampleFlag,
    passMark: count('a pass mark (percent)').min(1, 'passMark is a percent from 1 to 100').max(100, 'passMark is a percent from 1 to 100'),
    draw: count('the number of questions per attempt').min(1, 'draw must be at least 1'),
    maxAttempts: count('the number of attempts').min(1, 'maxAttempts must be at least 1'),
    timeLimitMinutes: count('minutes').min(1, 'timeLimitMinutes must be at least 1').max(600, 'timeLimitMinutes must be at most 600').optional(),
    questions: z.array(questionSchema, { error: 'expected a list of questions' }).min(1, 'a quiz needs at least one question'),
  })
  // Runs even when a question has its own problems, so an editor sees every mistake at once;
  // hence it reads the (possibly partly invalid) data defensively.
  .superRefine(
    (quiz, ctx) => {
      const questions = quiz.questions as unknown[];
      const seen = new Map<string, number>();
      questions.forEach((q, i) => {
        const qid = (q as { id?: unknown } | null)?.id;
        if (typeof qid !== 'string') return;
        const first = seen.get(qid);
        if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `duplicate question id "${qid}" (first is question ${first + 1})` });
        else seen.set(qid, i);
      });
      if (typeof quiz.draw === 'number' && questions.length < quiz.draw) {
        ctx.addIssue({ code: 'custom', path: ['draw'], message: `pool smaller than draw: ${questions.length} question(s) in the pool, ${quiz.draw} drawn per attempt` });
      }
    },
    { when: (payload) => Array.isArray((payload.value as { questions?: unknown } | null)?.questions) },
  );

export type Quiz = z.output<typeof quizSchema>;

// The schema's output is what the grading domain takes; this line fails to compile if they drift.
export const asQuizDefinition = (quiz: Quiz): QuizDefinition => quiz;
