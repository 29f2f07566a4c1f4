/**
 * Per-attempt randomness, all derived from one seed (the attempt id), so the server can
 * rebuild exactly what a learner was shown after a restart.
 */
import { seededShuffle } from './random';
import type { Question, QuizDefinition } from './types';

/** `count` distinct questions of the pool in a seed-determined order. Throws when the pool is too small. */
export function drawQuestions<Q extends { readonly id: string }>(pool: readonly Q[], count: number, seed: string | number): Q[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`draw must be a positive integer, got ${count}`);
  if (pool.length < count) throw new RangeError(`cannot draw ${count} questions from a pool of ${pool.length}`);
  return seededShuffle(pool, `draw:${seed}`).slice(0, count);
}

/**
 * The order in which an attempt shows a question's options (ids), or undefined for types
 * without options. An ordering question is never shown already in the right order (that
 * would give the answer away): when the shuffle lands on it, the order is rotated by one.
 */
export function shuffleOptions(question: Question, seed: string | number): string[] | undefined {
  if (!('options' in question)) return undefined;
  const ids = question.options.map((o) => o.id);
  const order = seededShuffle(ids, `options:${seed}:${question.id}`);
  if (question.type === 'ordering' && order.length > 1 && order.every((id, i) => id === question.answer[i])) {
    order.push(order.shift()!);
  }
  return order;
}

export interface DrawnQuestion {
  readonly question: Question;
  /** Option ids in display order; undefined for true-false and numeric. */
  readonly optionOrder?: readonly string[];
}

/** Everything random about one attempt: which questions, in which order, with which option orders. */
export function planAttempt(quiz: Pick<QuizDefinition, 'questions' | 'draw'>, seed: string | number): DrawnQuestion[] {
  return drawQuestions(quiz.questions, quiz.draw, seed).map((question) => {
    const optionOrder = shuffleOptions(question, seed);
    return optionOrder ? { question, optionOrder } : { question };
  });
}
