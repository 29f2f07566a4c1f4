/**
 * `/api/training/*`: quizzes, attempts, answers, lessons opened and "my learning". Times are
 * ISO 8601 strings; every attempt carries the server's `now` so a countdown does not trust the
 * device's clock (server/training/README.md).
 */
import { z } from './zod';
import { certificateSchema, currencyFields } from './certificates';
import { labelled } from './fields';
import { defineRoute } from './route';

const id = (label: string) => labelled(z.string().min(1).max(200), label);

export const quizOptionSchema = z.object({ id: z.string(), text: z.string() });

/** What the browser may see of a question: no answer, no explanation, no cites. */
export const publicQuestionSchema = z.object({
  id: z.string(),
  type: z.enum(['single', 'multiple', 'true-false', 'numeric', 'ordering']),
  prompt: z.string(),
  /** In the attempt's shuffled order; absent for true-false and numeric. */
  options: z.array(quizOptionSchema).optional(),
  unit: z.string().optional(),
});

/** A learner's answer as stored (after the quiz domain's `parseAnswer`). */
export const learnerAnswerSchema = z.union([z.string(), z.array(z.string()).readonly(), z.boolean(), z.number()]);
export type LearnerAnswer = z.infer<typeof learnerAnswerSchema>;

/** A cited clause as a link: the server resolves `reg:CODE#anchor` to the edition in force. */
export const citedClauseSchema = z.object({
  code: z.string(),
  anchor: z.string(),
  /** «ماده ۴، تبصره ۱». */
  label: z.string(),
  /** Null when the clause's page is not known (the label is then shown without a link). */
  url: z.string().nullable(),
});
export type CitedClause = z.infer<typeof citedClauseSchema>;

export const questionResultSchema = z.object({ id: z.string(), correct: z.boolean(), explanation: z.string(), cites: z.array(citedClauseSchema) });
export type QuestionResult = z.infer<typeof questionResultSchema>;

export const attemptResultSchema = z.object({
  /** Percent, rounded down. */
  score: z.number(),
  correct: z.number().int(),
  total: z.number().int(),
  passed: z.boolean(),
  perQuestion: z.array(questionResultSchema),
});
export type AttemptResult = z.infer<typeof attemptResultSchema>;

const isoTime = z.string();

const diffSegmentSchema = z.object({ kind: z.enum(['same', 'inserted', 'deleted']), text: z.string() });

/** A question or lesson citing a clause an edition changed, with that clause's redline and its review. */
export const staleFlagSchema = z.object({
  kind: z.enum(['question', 'lesson']),
  id: z.string(),
  course: z.string(),
  courseTitle: z.string(),
  /** A question's prompt; null for a lesson. */
  prompt: z.string().nullable(),
  /** A lesson's page; null for a question. */
  page: z.string().nullable(),
  edition: z.string(),
  from: z.string(),
  cites: z.array(
    z.object({
      cite: z.string(),
      code: z.string(),
      anchor: z.string(),
      change: z.enum(['amended', 'repealed']),
      /** False when the edition's approver marked the change editorial (no refresher). */
      material: z.boolean(),
      redline: z.array(
        z.object({ anchor: z.string(), title: z.string(), change: z.enum(['added', 'removed', 'amended', 'unchanged']), titleSegments: z.array(diffSegmentSchema), segments: z.array(diffSegmentSchema) }),
      ),
    }),
  ),
  review: z.object({ by: z.string(), at: isoTime }).nullable(),
});
export type StaleFlagView = z.infer<typeof staleFlagSchema>;

export const staleFlagKeySchema = z.object({
  kind: labelled(z.enum(['question', 'lesson']), 'نوع'),
  course: id('دوره'),
  id: id('پرسش یا درس'),
  edition: id('ویرایش'),
});

export const attemptSchema = z.object({
  id: z.string(),
  course: z.string(),
  number: z.number().int(),
  startedAt: isoTime,
  deadline: isoTime.nullable(),
  submittedAt: isoTime.nullable(),
  /** The server's clock when it answered. */
  now: isoTime,
  questions: z.array(publicQuestionSchema),
  answers: z.record(z.string(), learnerAnswerSchema),
  result: attemptResultSchema.nullable(),
});
export type Attempt = z.infer<typeof attemptSchema>;

export const attemptSummarySchema = z.object({
  id: z.string(),
  number: z.number().int(),
  startedAt: isoTime,
  deadline: isoTime.nullable(),
  submittedAt: isoTime.nullable(),
  score: z.number().nullable(),
  passed: z.boolean().nullable(),
});
export type AttemptSummary = z.infer<typeof attemptSummarySchema>;

export const quizInfoSchema = z.object({
  title: z.string(),
  draw: z.number().int(),
  passMark: z.number(),
  maxAttempts: z.number().int(),
  timeLimitMinutes: z.number().nullable(),
});
export type QuizInfo = z.infer<typeof quizInfoSchema>;

export const quizOverviewSchema = z.object({
  quiz: quizInfoSchema,
  attempts: z.array(attemptSummarySchema),
  openAttemptId: z.string().nullable(),
  attemptsLeft: z.number().int(),
  passed: z.boolean(),
});
export type QuizOverview = z.infer<typeof quizOverviewSchema>;

export const courseProgressSchema = z.object({
  course: z.string(),
  title: z.string(),
  lessonsOpened: z.array(z.string()),
  lessonsRequired: z.number().int(),
  hasQuiz: z.boolean(),
  attempts: z.array(attemptSummarySchema),
  attemptsLeft: z.number().int(),
  bestScore: z.number().nullable(),
  passed: z.boolean(),
  completed: z.boolean(),
  certificateCode: z.string().nullable(),
  /** «بازآموزی لازم» by this day (Jalali), when a cited clause changed materially since completion. */
  refresherDueOn: z.string().nullable(),
});
export type CourseProgress = z.infer<typeof courseProgressSchema>;

export const myLearningSchema = z.object({ courses: z.array(courseProgressSchema), certificates: z.array(certificateSchema) });
export type MyLearning = z.infer<typeof myLearningSchema>;

export const savedAnswerSchema = z.object({ saved: z.literal(true), questionId: z.string(), answer: learnerAnswerSchema, answeredAt: isoTime });

const redlineUnitSchema = z.object({ anchor: z.string(), title: z.string(), change: z.enum(['added', 'removed', 'amended', 'unchanged']), titleSegments: z.array(diffSegmentSchema), segments: z.array(diffSegmentSchema) });

/** «بازآموزی لازم»: the changed clauses (their redline) and the affected questions, or `due: false`. */
export const refresherSchema = z.object({
  course: z.string(),
  courseTitle: z.string(),
  certificateCode: z.string(),
  ...currencyFields,
  due: z.boolean(),
  /** «۱۴۰۴/۱۰/۰۱»; null when none is due. */
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  editions: z.array(z.string()),
  clauses: z.array(z.object({ code: z.string(), edition: z.string(), editionLabel: z.string(), unit: redlineUnitSchema, link: citedClauseSchema })),
  questions: z.array(publicQuestionSchema),
  attemptId: z.string().nullable(),
});
export type Refresher = z.infer<typeof refresherSchema>;

export const refresherResultSchema = z.object({
  result: attemptResultSchema,
  certificate: z.object({ code: z.string(), ...currencyFields }),
});
export type RefresherResult = z.infer<typeof refresherResultSchema>;

/** No body, or `{}`: the route's id says everything. */
const noBody = z.object({}).nullish();

export const trainingRoutes = {
  quizOverview: defineRoute({ method: 'GET', path: '/api/training/courses/:course/quiz', params: z.object({ course: id('دوره') }), response: quizOverviewSchema }),
  startAttempt: defineRoute({ method: 'POST', path: '/api/training/courses/:course/attempts', params: z.object({ course: id('دوره') }), body: noBody, response: attemptSchema }),
  attempt: defineRoute({ method: 'GET', path: '/api/training/attempts/:id', params: z.object({ id: id('آزمون') }), response: attemptSchema }),
  saveAnswer: defineRoute({
    method: 'PUT',
    path: '/api/training/attempts/:id/answers/:questionId',
    params: z.object({ id: id('آزمون'), questionId: id('پرسش') }),
    // The answer's form depends on the question: the quiz domain parses it (400 invalid_answer).
    body: z.object({ answer: labelled(z.unknown().refine((v) => v !== undefined), 'پاسخ') }),
    response: savedAnswerSchema,
  }),
  submit: defineRoute({ method: 'POST', path: '/api/training/attempts/:id/submit', params: z.object({ id: id('آزمون') }), body: noBody, response: attemptSchema }),
  openLesson: defineRoute({
    method: 'POST',
    path: '/api/training/lessons/open',
    // Both are checked against the catalog by the service (404 course_not_found / lesson_not_found).
    body: z.object({ course: labelled(z.string().max(200).optional(), 'دوره'), lesson: labelled(z.string().max(400).optional(), 'درس') }),
    response: courseProgressSchema,
  }),
  me: defineRoute({ method: 'GET', path: '/api/training/me', response: myLearningSchema }),
  staleFlags: defineRoute({ method: 'GET', path: '/api/training/stale', response: z.object({ flags: z.array(staleFlagSchema) }) }),
  /** «بخشی از این دوره در حال بازبینی است»: whether the course has a flag no editor has reviewed yet. */
  reviewNotice: defineRoute({ method: 'GET', path: '/api/training/courses/:course/review-notice', params: z.object({ course: id('دوره') }), response: z.object({ underReview: z.boolean() }) }),
  refresher: defineRoute({ method: 'GET', path: '/api/training/courses/:course/refresher', params: z.object({ course: id('دوره') }), response: refresherSchema }),
  submitRefresher: defineRoute({
    method: 'POST',
    path: '/api/training/courses/:course/refresher/submit',
    params: z.object({ course: id('دوره') }),
    // Each answer's form depends on its question: the quiz engine grades whatever is given (a malformed one is wrong).
    body: z.object({ answers: labelled(z.record(z.string().max(200), z.unknown()), 'پاسخ‌ها') }),
    response: refresherResultSchema,
  }),
  reviewStale: defineRoute({ method: 'POST', path: '/api/training/stale/review', body: staleFlagKeySchema, response: staleFlagSchema }),
};
