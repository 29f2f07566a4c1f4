/**
 * Supervisors' reports (first cut): completion and pass rates per course and per contractor
 * company, attempts and best scores per learner, and success per question, hardest first.
 * Computed in this process from a handful of plain queries: the same code on both databases,
 * and the numbers involved (thousands of learners) are small.
 *
 * Definitions: a learner of a course is anyone who opened one of its lessons or started its
 * quiz; pass rate = learners with a passed attempt / learners with a submitted attempt;
 * completion rate = learners with a certificate / learners.
 *
 * Filters (server/reports/filter.ts) narrow the queries themselves, in SQL: the learner's
 * company and unit, the course, and the day range on each row's own time (a lesson's first
 * opening, an attempt's start or submission, a certificate's issue). A learner's company is
 * their organisation (`users.company_id`), named as `companies` names it.
 */
import type { Kysely } from 'kysely';
import type { AttemptResult } from '../../src/domain/quiz';
import { formatJalaliIso, gregorianToJalali } from '../../src/domain/jalali';
import type { Database } from '../db/schema';
import type { TrainingCatalog } from '../training/catalog';
import { TRAINING_ERRORS } from '../training/errors';
import { formatCertificateCode } from '../certificates/code';
import { currencyOf } from '../training/currency';
import type { ReportFilter, ReportOverview } from '../../src/api/reports';
import { narrowed, resolveReportFilter, type ResolvedReportFilter } from './filter';

/** The row label for learners who belong to no contractor company (the company's own staff). */
export const OWN_STAFF = 'کارکنان شرکت';
/** The row label for a course's totals. */
export const ALL_COMPANIES = 'همه';

export interface CourseReportRow {
  readonly course: string;
  readonly courseTitle: string;
  readonly company: string;
  readonly learners: number;
  readonly attempted: number;
  readonly passed: number;
  readonly completed: number;
  /** Percent, rounded; null when nobody submitted an attempt. */
  readonly passRate: number | null;
  readonly completionRate: number | null;
}

export interface LearnerReportRow {
  readonly course: string;
  readonly courseTitle: string;
  readonly learner: string;
  readonly username: string;
  readonly company: string | null;
  readonly lessonsOpened: number;
  readonly lessonsRequired: number;
  readonly attempts: number;
  readonly bestScore: number | null;
  readonly passed: boolean;
  readonly completed: boolean;
  readonly certificateCode: string | null;
  /** Jalali `1404/09/01` of the learner's latest activity in the course. */
  readonly lastActivity: string;
}

export interface QuestionReportRow {
  readonly course: string;
  readonly question: string;
  readonly type: string;
  readonly prompt: string;
  readonly answered: number;
  readonly correct: number;
  /** Percent right, rounded; null when nobody has been graded on it. */
  readonly correctRate: number | null;
}

export type ReportName = 'courses' | 'learners' | 'questions';

/** A report download's names: Persian for the reader, ASCII for old clients. */
export interface ReportFileNames {
  readonly fileName: string;
  readonly asciiFallback: string;
}

const REPORT_LABELS: Record<ReportName, string> = { courses: 'دوره‌ها', learners: 'فراگیران', questions: 'پرسش‌ها' };

export interface ReportsService {
  /** The request's filters against the database (400 for an unknown organisation, 404 for an unknown course). */
  resolve(filter: Partial<ReportFilter>): Promise<ResolvedReportFilter>;
  /** The download's names; the course must be one of the catalog's (else `course_not_found`). */
  fileNames(name: ReportName, course?: string, extension?: 'csv' | 'xlsx'): ReportFileNames;
  courses(filter?: ResolvedReportFilter): Promise<CourseReportRow[]>;
  learners(filter?: ResolvedReportFilter): Promise<LearnerReportRow[]>;
  questions(filter?: ResolvedReportFilter): Promise<QuestionReportRow[]>;
  /** What the charts need beyond the tables: completions per Jalali month, refreshers outstanding, the filters' choices. */
  overview(filter?: ResolvedReportFilter): Promise<ReportOverview>;
}

const rate = (part: number, whole: number) => (whole ? Math.round((part * 100) / whole) : null);
const jalaliDay = (ms: number) => formatJalaliIso(gregorianToJalali(new Date(ms), 'Asia/Tehran'));

interface Activity {
  userId: string;
  course: string;
  lessons: number;
  attempts: number;
  submitted: number;
  bestScore: number | null;
  passed: boolean;
  certificateCode: string | null;
  lastAt: number;
}

const monthOf = (ms: number) => jalaliDay(ms).slice(0, 7);

/** Every Jalali month from the first to the last (`1404/11` … `1405/02`), so a chart's gaps show as zeros. */
function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.split('/').map(Number) as [number, number];
  for (let guard = 0; guard < 1200; guard++) {
    const label = `${year}/${String(month).padStart(2, '0')}`;
    months.push(label);
    if (label >= last) break;
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return months;
}

export function createReportsService({ db, catalog, now = Date.now }: { db: Kysely<Database>; catalog: TrainingCatalog; now?: () => number }): ReportsService {
  const courseFilter = (course: string | undefined) => {
    if (course === undefined || course === '') return undefined;
    if (!catalog.course(course)) throw TRAINING_ERRORS.courseNotFound();
    return course;
  };

  /** Every (learner, course) with any activity inside the filter, with its tallies. */
  async function activities(filter: ResolvedReportFilter = {}): Promise<{ activity: Activity[]; users: Map<string, { name: string; username: string; company: string | null }> }> {
    const [views, attempts, certificates, users] = await Promise.all([
      narrowed(db, db.selectFrom('lesson_views').select(['user_id', 'course', 'lesson', 'first_opened_at']), filter, 'first_opened_at').execute(),
      narrowed(db, db.selectFrom('quiz_attempts').select(['user_id', 'course', 'started_at', 'submitted_at', 'score', 'passed']), filter, 'started_at').execute(),
      narrowed(db, db.selectFrom('certificates').select(['user_id', 'course', 'code', 'issued_at']), filter, 'issued_at').execute(),
      db
        .selectFrom('users')
        .leftJoin('companies', 'companies.id', 'users.company_id')
        .select(['users.id', 'users.display_name', 'users.username', 'users.company', 'companies.name as company_name'])
        .execute(),
    ]);
    const byKey = new Map<string, Activity>();
    const known = (c: string) => catalog.course(c);
    const entry = (userId: string, courseId: string) => {
      const key = `${userId}\u0000${courseId}`;
      let found = byKey.get(key);
      if (!found) {
        found = { userId, course: courseId, lessons: 0, attempts: 0, submitted: 0, bestScore: null, passed: false, certificateCode: null, lastAt: 0 };
        byKey.set(key, found);
      }
      return found;
    };
    for (const v of views) {
      const course = known(v.course);
      if (!course) continue;
      const a = entry(v.user_id, v.course);
      if (course.lessons.includes(v.lesson)) a.lessons++;
      a.lastAt = Math.max(a.lastAt, Number(v.first_opened_at));
    }
    for (const t of attempts) {
      if (!known(t.course)) continue;
      const a = entry(t.user_id, t.course);
      a.attempts++;
      a.lastAt = Math.max(a.lastAt, Number(t.submitted_at ?? t.started_at));
      if (t.submitted_at === null) continue;
      a.submitted++;
      a.bestScore = Math.max(a.bestScore ?? 0, Number(t.score));
      if (Number(t.passed) === 1) a.passed = true;
    }
    for (const c of certificates) {
      if (!known(c.course)) continue;
      const a = entry(c.user_id, c.course);
      a.certificateCode = formatCertificateCode(c.code);
      a.lastAt = Math.max(a.lastAt, Number(c.issued_at));
    }
    return {
      activity: [...byKey.values()],
      // The organisation's name when the user belongs to one; the free text of older accounts otherwise.
      users: new Map(users.map((u) => [u.id, { name: u.display_name, username: u.username, company: u.company_name ?? u.company }])),
    };
  }

  return {
    resolve: (filter) => resolveReportFilter(db, filter, (id) => Boolean(catalog.course(id))),

    fileNames(name, courseId, extension = 'csv') {
      const course = courseFilter(courseId);
      const title = course ? catalog.course(course)!.title : undefined;
      return {
        fileName: `گزارش ${REPORT_LABELS[name]}${title ? ` — ${title}` : ''}.${extension}`,
        // The id is the catalog's, not the request's: only known ids reach this point.
        asciiFallback: `ayin-report-${name}${course ? `-${course}` : ''}.${extension}`,
      };
    },

    async courses(filter = {}) {
      const { activity, users } = await activities(filter);
      const rows: CourseReportRow[] = [];
      for (const course of catalog.courses) {
        if (filter.course && course.id !== filter.course) continue;
        const ofCourse = activity.filter((a) => a.course === course.id);
        const companies = [...new Set(ofCourse.map((a) => users.get(a.userId)?.company ?? OWN_STAFF))].sort((x, y) => x.localeCompare(y, 'fa'));
        const tally = (company: string, group: Activity[]): CourseReportRow => {
          const attempted = group.filter((a) => a.submitted > 0).length;
          const passed = group.filter((a) => a.passed).length;
          const completed = group.filter((a) => a.certificateCode).length;
          return {
            course: course.id,
            courseTitle: course.title,
            company,
            learners: group.length,
            attempted,
            passed,
            completed,
            passRate: rate(passed, attempted),
            completionRate: rate(completed, group.length),
          };
        };
        rows.push(tally(ALL_COMPANIES, ofCourse));
        for (const company of companies) rows.push(tally(company, ofCourse.filter((a) => (users.get(a.userId)?.company ?? OWN_STAFF) === company)));
      }
      return rows;
    },

    async learners(filter = {}) {
      const { activity, users } = await activities(filter);
      return activity
        .map((a): LearnerReportRow => {
          const user = users.get(a.userId);
          const c = catalog.course(a.course)!;
          return {
            course: a.course,
            courseTitle: c.title,
            learner: user?.name ?? '',
            username: user?.username ?? '',
            company: user?.company ?? null,
            lessonsOpened: a.lessons,
            lessonsRequired: c.lessons.length,
            attempts: a.attempts,
            bestScore: a.bestScore,
            passed: a.passed,
            completed: a.certificateCode !== null,
            certificateCode: a.certificateCode,
            lastActivity: jalaliDay(a.lastAt),
          };
        })
        .sort((x, y) => x.course.localeCompare(y.course) || (x.company ?? '').localeCompare(y.company ?? '', 'fa') || x.learner.localeCompare(y.learner, 'fa'));
    },

    async questions(filter = {}) {
      const course = filter.course;
      const graded = await narrowed(db, db.selectFrom('quiz_attempts').select(['course', 'result']).where('submitted_at', 'is not', null), filter, 'submitted_at').execute();
      const tallies = new Map<string, { course: string; id: string; answered: number; correct: number }>();
      // Every pool question is listed, even one no attempt has drawn yet.
      for (const c of catalog.courses) {
        if (course && c.id !== course) continue;
        for (const q of c.quiz?.questions ?? []) tallies.set(`${c.id}\u0000${q.id}`, { course: c.id, id: q.id, answered: 0, correct: 0 });
      }
      for (const row of graded) {
        const result = JSON.parse(row.result!) as AttemptResult;
        for (const q of result.perQuestion) {
          const tally = tallies.get(`${row.course}\u0000${q.id}`);
          if (!tally) continue;
          tally.answered++;
          if (q.correct) tally.correct++;
        }
      }
      return [...tallies.values()]
        .map((t): QuestionReportRow => {
          const question = catalog.course(t.course)!.quiz!.questions.find((q) => q.id === t.id)!;
          return { course: t.course, question: t.id, type: question.type, prompt: question.prompt, answered: t.answered, correct: t.correct, correctRate: rate(t.correct, t.answered) };
        })
        .sort((a, b) => (a.correctRate ?? 101) - (b.correctRate ?? 101) || b.answered - a.answered || a.question.localeCompare(b.question));
    },

    async overview(filter = {}) {
      // The date range applies to when a course was completed: "completed in Farvardin and now owing a refresher".
      const [issued, companies, units] = await Promise.all([
        narrowed(db, db.selectFrom('certificates').selectAll(), filter, 'issued_at').execute(),
        db.selectFrom('companies').select(['code', 'name']).where('code', 'is not', null).execute(),
        db.selectFrom('units').select(['code', 'name']).where('code', 'is not', null).execute(),
      ]);
      const perMonth = new Map<string, number>();
      for (const c of issued) if (catalog.course(c.course)) perMonth.set(monthOf(Number(c.issued_at)), (perMonth.get(monthOf(Number(c.issued_at))) ?? 0) + 1);
      const seen = [...perMonth.keys()].sort();
      const first = filter.fromMs !== undefined ? monthOf(filter.fromMs) : seen[0];
      const last = filter.toMs !== undefined ? monthOf(filter.toMs - 1) : seen.at(-1);
      const months = first && last ? monthsBetween(first, last) : [];
      const due = new Map<string, number>();
      for (const row of issued) if (currencyOf(row, catalog, now()).status === 'refresher-due') due.set(row.course, (due.get(row.course) ?? 0) + 1);
      const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'fa');
      return {
        completionsByMonth: months.map((month) => ({ month, completed: perMonth.get(month) ?? 0 })),
        refreshersOutstanding: catalog.courses.filter((c) => due.has(c.id)).map((c) => ({ course: c.id, courseTitle: c.title, due: due.get(c.id)! })),
        companies: companies.map((c) => ({ code: c.code!, name: c.name })).sort(byName),
        units: units.map((u) => ({ code: u.code!, name: u.name })).sort(byName),
      };
    },
  };
}
