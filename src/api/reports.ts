/** `/api/reports/*`: supervisors' training reports, as JSON rows or (`?format=csv`, `?format=xlsx`) a file. */
import { z } from './zod';
import { labelled } from './fields';
import { defineRoute } from './route';
import { parseDateInput } from '../domain/date-input';
import { compareJalali } from '../domain/jalali';

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

/** An organisation's code in `content/organisations.yml` (`pars-niroo-khadamat`), or a course id. */
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,80}$/);

/** A Jalali day as people type it (۱۴۰۴/۰۱/۰۱, 1404/1/1); an impossible date is refused with the reason. */
const jalaliDay = z
  .string()
  .max(20)
  .superRefine((value, ctx) => {
    const parsed = parseDateInput(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
  });

const reportFilterShape = {
  company: labelled(slug.optional(), 'شرکت'),
  unit: labelled(slug.optional(), 'واحد خدمات'),
  // A course id: letters, digits and hyphens (it also names the downloaded file).
  course: labelled(slug.optional(), 'دوره'),
  /** The first day counted, inclusive (Tehran). */
  from: labelled(jalaliDay.optional(), 'از تاریخ'),
  /** The last day counted, inclusive (Tehran). */
  to: labelled(jalaliDay.optional(), 'تا تاریخ'),
};

/** A range that ends before it starts is refused at «تا تاریخ». */
function orderedRange(value: { from?: string | undefined; to?: string | undefined }, ctx: { addIssue(issue: { code: 'custom'; path: string[]; message: string }): void }) {
  if (!value.from || !value.to) return;
  const from = parseDateInput(value.from);
  const to = parseDateInput(value.to);
  if (from.ok && to.ok && compareJalali(from.date, to.date) > 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'تاریخ پایان پیش از تاریخ آغاز است.' });
}

/**
 * The filters every supervision report takes, one schema for the page, the table, the charts,
 * CSV and XLSX: company and service unit by their codes, course, and a Jalali day range.
 */
export const reportFilterSchema = z.object(reportFilterShape).superRefine(orderedRange);
export type ReportFilter = z.output<typeof reportFilterSchema>;
export const REPORT_FILTER_KEYS = ['company', 'unit', 'course', 'from', 'to'] as const;

export const reportQuerySchema = z
  .object({ ...reportFilterShape, format: labelled(z.enum(['json', 'csv', 'xlsx']).optional(), 'قالب') })
  .superRefine(orderedRange);

/** The charts' data that no table holds: completions per Jalali month, refreshers outstanding, and the filters' choices. */
export const reportOverviewSchema = z.object({
  /** `1404/09`, oldest first; months with no completion inside the range are listed with 0. */
  completionsByMonth: z.array(z.object({ month: z.string(), completed: z.number().int() })),
  refreshersOutstanding: z.array(z.object({ course: z.string(), courseTitle: z.string(), due: z.number().int() })),
  companies: z.array(z.object({ code: z.string(), name: z.string() })),
  units: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type ReportOverview = z.infer<typeof reportOverviewSchema>;

const rows = <T extends z.ZodType>(row: T) => z.object({ rows: z.array(row) });

export const reportRoutes = {
  courses: defineRoute({ method: 'GET', path: '/api/reports/courses', query: reportQuerySchema, response: rows(courseReportRowSchema) }),
  learners: defineRoute({ method: 'GET', path: '/api/reports/learners', query: reportQuerySchema, response: rows(learnerReportRowSchema) }),
  questions: defineRoute({ method: 'GET', path: '/api/reports/questions', query: reportQuerySchema, response: rows(questionReportRowSchema) }),
};
export const reportOverviewRoute = defineRoute({ method: 'GET', path: '/api/reports/overview', query: reportFilterSchema, response: reportOverviewSchema });

/** `/api/reports/zero-results`: the searches that found nothing, counted, newest first (editors, approvers, supervisors). */
export const zeroResultRowSchema = z.object({ query: z.string(), count: z.number().int(), firstSeen: z.string(), lastSeen: z.string() });
export type ZeroResultReportRow = z.infer<typeof zeroResultRowSchema>;
export const zeroResultReportRoute = defineRoute({ method: 'GET', path: '/api/reports/zero-results', response: z.object({ rows: z.array(zeroResultRowSchema) }) });
