/** The training API's answers, as the quiz component reads them (server/training/README.md). */
import type { LearnerAnswer, PublicQuestion } from '@site/src/domain/quiz/types';

export interface QuizInfo {
  readonly title: string;
  readonly draw: number;
  readonly passMark: number;
  readonly maxAttempts: number;
  readonly timeLimitMinutes?: number | null;
}

export interface AttemptSummary {
  readonly id: string;
  readonly number?: number;
  readonly startedAt?: number | string;
  readonly submittedAt?: number | string | null;
  readonly score?: number | null;
  readonly passed?: boolean | null;
  readonly result?: AttemptResult | null;
}

export interface QuizOverview {
  readonly quiz: QuizInfo;
  readonly attempts: readonly AttemptSummary[];
  readonly openAttemptId: string | null;
  readonly attemptsLeft?: number;
  readonly passed?: boolean;
}

export interface CitedClause {
  readonly code: string;
  readonly anchor?: string;
  readonly label: string;
  /** Null when the clause's page is not known (then the label is shown without a link). */
  readonly url: string | null;
}

export interface QuestionResult {
  readonly id: string;
  readonly correct: boolean;
  readonly explanation: string;
  readonly cites: readonly CitedClause[];
}

export interface AttemptResult {
  readonly score: number;
  readonly correct: number;
  readonly total: number;
  readonly passed: boolean;
  readonly perQuestion: readonly QuestionResult[];
}

export interface Attempt {
  readonly id: string;
  readonly course: string;
  readonly number: number;
  readonly startedAt: number | string;
  readonly deadline: number | string | null;
  readonly submittedAt: number | string | null;
  readonly questions: readonly PublicQuestion[];
  readonly answers: Readonly<Record<string, LearnerAnswer>>;
  readonly result: AttemptResult | null;
  /** The server's clock when it answered, so the countdown does not trust the device's clock. */
  readonly now?: string | number;
}

/** Past attempts' result, whichever way the summary carries it. */
export function summaryScore(a: AttemptSummary): { score: number | null; passed: boolean | null } {
  return { score: a.score ?? a.result?.score ?? null, passed: a.passed ?? a.result?.passed ?? null };
}
