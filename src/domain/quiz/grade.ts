/**
 * Grading: each drawn question is worth one point; multiple choice and ordering are
 * all-or-nothing; a missing or malformed answer is simply wrong.
 */
import { parseAnswer } from './answers';
import type { Question } from './types';

/** Float noise (0.4 − 0.3 > 0.1) must not turn a boundary answer wrong. */
const EPSILON = 1e-9;

/** Whether `raw` (as stored or as sent) is the right answer to `question`. */
export function gradeAnswer(question: Question, raw: unknown): boolean {
  const parsed = parseAnswer(question, raw);
  if (!parsed.ok) return false;
  const given = parsed.answer;
  switch (question.type) {
    case 'single':
    case 'true-false':
      return given === question.answer;
    case 'multiple': {
      const chosen = new Set(given as readonly string[]);
      return chosen.size === question.answer.length && question.answer.every((id) => chosen.has(id));
    }
    case 'numeric': {
      const { value, tolerance } = question.answer;
      return Math.abs((given as number) - value) <= tolerance + EPSILON * Math.max(1, Math.abs(value));
    }
    case 'ordering':
      return (given as readonly string[]).every((id, i) => id === question.answer[i]);
  }
}

export interface QuestionResult {
  readonly id: string;
  readonly correct: boolean;
  readonly explanation: string;
  /** `reg:CODE#anchor`; the server turns them into links (see `parseCite`). */
  readonly cites: readonly string[];
}

export interface AttemptResult {
  /** Percent, rounded down (so `passed` is exactly `score >= passMark` for whole pass marks). */
  readonly score: number;
  readonly correct: number;
  readonly total: number;
  readonly passed: boolean;
  readonly perQuestion: readonly QuestionResult[];
}

/** Grades the questions an attempt drew (in their order) against its answers by question id. */
export function gradeAttempt(
  questions: readonly Question[],
  answers: Readonly<Record<string, unknown>>,
  passMark: number,
): AttemptResult {
  const perQuestion = questions.map((q) => ({
    id: q.id,
    correct: Object.hasOwn(answers, q.id) ? gradeAnswer(q, answers[q.id]) : false,
    explanation: q.explanation,
    cites: q.cites,
  }));
  const correct = perQuestion.filter((r) => r.correct).length;
  const total = questions.length;
  return {
    score: total ? Math.floor((correct * 100) / total) : 0,
    correct,
    total,
    passed: total > 0 && correct * 100 >= passMark * total,
    perQuestion,
  };
}
