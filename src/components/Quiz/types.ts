/** The training API's answers, as the quiz component reads them: the contract's (src/api/training.ts). */
import type { AttemptSummary } from '@site/src/api/training';

export type { Attempt, AttemptResult, AttemptSummary, CitedClause, QuestionResult, QuizInfo, QuizOverview } from '@site/src/api/training';

/** A past attempt's result (null until it is graded). */
export function summaryScore(a: AttemptSummary): { score: number | null; passed: boolean | null } {
  return { score: a.score, passed: a.passed };
}
