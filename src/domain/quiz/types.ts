/**
 * A quiz as the grading code sees it: plain data, already validated by the content schema
 * (`src/content/schemas/quiz.ts`). Question and option ids are stable forever, because stored
 * attempts name them.
 */

export type QuestionType = 'single' | 'multiple' | 'true-false' | 'numeric' | 'ordering';

export interface QuizOption {
  readonly id: string;
  readonly text: string;
}

interface QuestionBase {
  readonly id: string;
  readonly prompt: string;
  /** Shown to the learner only after the attempt is submitted. */
  readonly explanation: string;
  /** The clauses the question tests, as `reg:CODE#anchor` (at least one). */
  readonly cites: readonly string[];
}

export interface SingleChoiceQuestion extends QuestionBase {
  readonly type: 'single';
  readonly options: readonly QuizOption[];
  /** The id of the one correct option. */
  readonly answer: string;
}

export interface MultipleChoiceQuestion extends QuestionBase {
  readonly type: 'multiple';
  readonly options: readonly QuizOption[];
  /** The ids of every correct option (all-or-nothing). */
  readonly answer: readonly string[];
}

export interface TrueFalseQuestion extends QuestionBase {
  readonly type: 'true-false';
  readonly answer: boolean;
}

export interface NumericAnswerKey {
  readonly value: number;
  /** Inclusive: |given − value| ≤ tolerance is right. */
  readonly tolerance: number;
}

export interface NumericQuestion extends QuestionBase {
  readonly type: 'numeric';
  readonly answer: NumericAnswerKey;
  /** Shown beside the input (e.g. «روز»); not secret. */
  readonly unit?: string;
}

export interface OrderingQuestion extends QuestionBase {
  readonly type: 'ordering';
  readonly options: readonly QuizOption[];
  /** The option ids in the right order (a permutation of the options). */
  readonly answer: readonly string[];
}

export type Question =
  | SingleChoiceQuestion
  | MultipleChoiceQuestion
  | TrueFalseQuestion
  | NumericQuestion
  | OrderingQuestion;

export interface QuizDefinition {
  readonly title: string;
  readonly sample: boolean;
  /** Percent of the drawn questions that must be right (1–100). */
  readonly passMark: number;
  /** Questions per attempt, drawn from the pool. */
  readonly draw: number;
  readonly maxAttempts: number;
  readonly timeLimitMinutes?: number;
  /** The pool. */
  readonly questions: readonly Question[];
}

/** A learner's answer after `parseAnswer`, by question type. */
export type LearnerAnswer = string | readonly string[] | boolean | number;

/** What the browser may see of a question: no answer, no explanation, no cites. */
export interface PublicQuestion {
  readonly id: string;
  readonly type: QuestionType;
  readonly prompt: string;
  /** In the attempt's shuffled order; absent for true-false and numeric. */
  readonly options?: readonly QuizOption[];
  readonly unit?: string;
}

/** What the site build may carry about a quiz, and nothing more. */
export interface QuizMeta {
  readonly title: string;
  readonly draw: number;
  readonly passMark: number;
  readonly maxAttempts: number;
  readonly timeLimitMinutes?: number;
  readonly questionCount: number;
}
