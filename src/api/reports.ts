/** `/api/reports/*`: supervisors' training reports, as JSON rows or (`?format=csv`, `?format=xlsx`) a file. */
import { z } from './zod';
import { labelled } from './fields';
import { defineRoute } from './route';

export const courseReportRowSchema = z.object({
  course: z.string(),
  courseTitle: z.string(),
  /** «همه» for the course's totals, «کارکنان شرکت» for staff. */
  company: z.string(),
  learners: z.number().int(),
  attempted: z.number().int(),
  passed: z.number().int(),
  completed: z.number().int(),
  passRate: z.number().nullable(),
  completionRate: z.number().nullable(),
});
export const learnerReportRowSchema = z.object({
  course: z.string(),
  courseTitle: z.string(),
  learner: z.string(),
  username: z.string(),
  company: z.string().nullable(),
  lessonsOpened: z.number().int(),
  lessonsRequired: z.number().int(),
  attempts: z.number().int(),
  bestScore: z.number().nullable(),
  passed: z.boolean(),
  completed: z.boolean(),
  certificateCode: z.string().nullable(),
  /** Jalali, ASCII digits: «1404/09/10». */
  lastActivity: z.string(),
});
export const questionReportRowSchema = z.object({
  course: z.string(),
  question: z.string(),
  type: z.string(),
  prompt: z.string(),
  answered: z.number().int(),
  correct: z.number().int(),
  correctRate: z.number().nullable(),
});
export type CourseReportRow = z.infer<typeof courseReportRowSchema>;
export type LearnerReportRow = z.infer<typeof learnerReportRowSchema>;
export type QuestionReportRow = z.infer<typeof questionReportRowSchema>;

export const REPORT_NAMES = ['courses', 'learners', 'questions'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

export const reportQuerySchema = z.object({
  // A course id: letters, digits and hyphens (it also names the CSV file).
  course: labelled(z.string().regex(/^[a-z0-9][a-z0-9-]{0,80}$/).optional(), 'دوره'),
  format: labelled(z.enum(['json', 'csv', 'xlsx']).optional(), 'قالب'),
});

const rows = <T extends z.ZodType>(row: T) => z.object({ rows: z.array(row) });

export const reportRoutes = {
  courses: defineRoute({ method: 'GET', path: '/api/reports/courses', query: reportQuerySchema, response: rows(courseReportRowSchema) }),
  learners: defineRoute({ method: 'GET', path: '/api/reports/learners', query: reportQuerySchema, response: rows(learnerReportRowSchema) }),
  questions: defineRoute({ method: 'GET', path: '/api/reports/questions', query: reportQuerySchema, response: rows(questionReportRowSchema) }),
};

/** `/api/reports/zero-results`: the searches that found nothing, counted, newest first (editors, approvers, supervisors). */
export const zeroResultRowSchema = z.object({ query: z.string(), count: z.number().int(), firstSeen: z.string(), lastSeen: z.string() });
export type ZeroResultReportRow = z.infer<typeof zeroResultRowSchema>;
export const zeroResultReportRoute = defineRoute({ method: 'GET', path: '/api/reports/zero-results', response: z.object({ rows: z.array(zeroResultRowSchema) }) });
