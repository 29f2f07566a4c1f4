/**
 * Quizzes, pure: drawing and shuffling from a seed, checking untrusted answers, grading, and
 * the public (answer-free) forms of questions and quizzes. No framework, no I/O: the content
 * loader (`src/content/quizzes.ts`) reads the files and the server (`server/training/`) stores
 * attempts.
 *
 * Typical server flow:
 *   const plan = planAttempt(quiz, attemptId);                       // store plan's ids + orders
 *   const shown = plan.map((d) => publicQuestion(d.question, d.optionOrder));
 *   const parsed = parseAnswer(question, body.answer);               // 400 with parsed.error if !ok
 *   const result = gradeAttempt(plan.map((d) => d.question), answers, quiz.passMark);
 */
export type {
  LearnerAnswer,
  MultipleChoiceQuestion,
  NumericAnswerKey,
  NumericQuestion,
  OrderingQuestion,
  PublicQuestion,
  Question,
  QuestionType,
  QuizDefinition,
  QuizMeta,
  QuizOption,
  SingleChoiceQuestion,
  TrueFalseQuestion,
} from './types';
export { drawQuestions, planAttempt, shuffleOptions, type DrawnQuestion } from './draw';
export { parseAnswer, parseNumber, type ParsedAnswer } from './answers';
export { gradeAnswer, gradeAttempt, type AttemptResult, type QuestionResult } from './grade';
export { publicQuestion, quizMeta } from './public';
export { parseCite, type Cite } from './cites';
export { hashSeed, seededRandom, seededShuffle } from './random';
