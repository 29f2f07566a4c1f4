/** What may leave the server before an attempt is submitted, and what the site build may carry. */
import type { PublicQuestion, Question, QuizDefinition, QuizMeta } from './types';

/**
 * The question as the learner sees it: prompt, options in the attempt's order (required for
 * ordering questions), unit. Built
 * field by field (never by deleting from a copy), so a field added to `Question` later stays
 * on the server until someone decides it is public.
 */
export function publicQuestion(question: Question, optionOrder?: readonly string[]): PublicQuestion {
  const base = { id: question.id, type: question.type, prompt: question.prompt };
  if (question.type === 'numeric') return question.unit ? { ...base, unit: question.unit } : base;
  if (question.type === 'true-false') return base;
  // An ordering question's options are written in the right order: shown as written, they
  // would be the answer. Only an attempt's shuffled order (`shuffleOptions`) may be shown.
  if (question.type === 'ordering' && !optionOrder) {
    throw new Error(`ordering question ${question.id} needs the attempt's shuffled option order (its written order is the answer)`);
  }
  const order = optionOrder ?? question.options.map((o) => o.id);
  const ids = question.options.map((o) => o.id);
  if (order.length !== ids.length || !ids.every((id) => order.includes(id))) {
    throw new Error(`option order [${order.join(', ')}] is not a permutation of the options of question ${question.id}`);
  }
  const options = order.map((id) => {
    const option = question.options.find((o) => o.id === id)!;
    return { id: option.id, text: option.text };
  });
  return { ...base, options };
}

/** The quiz's meta for the site build: nothing about any question beyond how many there are. */
export function quizMeta(quiz: QuizDefinition): QuizMeta {
  const meta = { title: quiz.title, draw: quiz.draw, passMark: quiz.passMark, maxAttempts: quiz.maxAttempts, questionCount: quiz.questions.length };
  return quiz.timeLimitMinutes === undefined ? meta : { ...meta, timeLimitMinutes: quiz.timeLimitMinutes };
}
