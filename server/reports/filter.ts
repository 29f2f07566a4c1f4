/**
 * The reports' filters (`reportFilterSchema`, already checked) resolved against the database:
 * organisation codes to their rows' ids, the Jalali days to epoch-ms bounds [from, to) in
 * Tehran. Every report, chart and download of the same request reads the same resolved filter,
 * so they cannot disagree. An unknown code is a 400 naming its field, never an empty report
 * that looks like "nobody was trained".
 */
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { ReportFilter } from '../../src/api/reports';
import { parseDateInput } from '../../src/domain/date-input';
import { toGregorian } from 'jalaali-js';
import type { JalaliDate } from '../../src/domain/jalali';
import { ApiError } from '../accounts/api-errors';
import type { Database } from '../db/schema';

export interface ResolvedReportFilter {
  readonly companyId?: string | undefined;
  readonly unitId?: string | undefined;
  readonly course?: string | undefined;
  /** Epoch ms, inclusive: 00:00 of the first day in Tehran. */
  readonly fromMs?: number | undefined;
  /** Epoch ms, exclusive: 00:00 of the day after the last day in Tehran. */
  readonly toMs?: number | undefined;
}

const DAY_MS = 86_400_000;
// Iran has kept +03:30 all year since 1401 (daylight saving abolished); the reports count days there.
const TEHRAN_OFFSET_MS = 3.5 * 3_600_000;

/** 00:00 in Tehran of a Jalali day, as epoch ms. */
export function tehranMidnight({ year, month, day }: JalaliDate): number {
  const g = toGregorian(year, month, day);
  return Date.UTC(g.gy, g.gm - 1, g.gd) - TEHRAN_OFFSET_MS;
}

const dayOf = (text: string): JalaliDate => {
  const parsed = parseDateInput(text);
  // The schema refused impossible dates already; this is a programming error if reached.
  if (!parsed.ok) throw new Error(`reports filter: unparsed date ${text}`);
  return parsed.date;
};

const unknown = (field: 'company' | 'unit', code: string) =>
  new ApiError(400, 'unknown_organisation', `${field === 'company' ? 'شرکت' : 'واحد خدمات'} «${code}» شناخته نیست؛ آن را از فهرست برگزینید.`, { fields: [field] });

export async function resolveReportFilter(db: Kysely<Database>, filter: Partial<ReportFilter>, courseExists: (id: string) => boolean): Promise<ResolvedReportFilter> {
  const idOf = async (table: 'companies' | 'units', code: string | undefined, field: 'company' | 'unit') => {
    if (!code) return undefined;
    const row = await db.selectFrom(table).select('id').where('code', '=', code).executeTakeFirst();
    if (!row) throw unknown(field, code);
    return row.id;
  };
  if (filter.course && !courseExists(filter.course)) throw new ApiError(404, 'course_not_found', 'این دوره پیدا نشد.', { fields: ['course'] });
  return {
    companyId: await idOf('companies', filter.company, 'company'),
    unitId: await idOf('units', filter.unit, 'unit'),
    course: filter.course || undefined,
    fromMs: filter.from ? tehranMidnight(dayOf(filter.from)) : undefined,
    toMs: filter.to ? tehranMidnight(dayOf(filter.to)) + DAY_MS : undefined,
  };
}

type UserTable = 'lesson_views' | 'quiz_attempts' | 'certificates' | 'refresher_attempts';

/**
 * A query over a learner's rows narrowed by the filter: the learner's company and unit
 * (through `users`), the course, and the time column within the range.
 */
export function narrowed<T extends UserTable, O>(
  db: Kysely<Database>,
  query: SelectQueryBuilder<Database, T, O>,
  filter: ResolvedReportFilter,
  timeColumn: 'first_opened_at' | 'started_at' | 'submitted_at' | 'issued_at' | null,
): SelectQueryBuilder<Database, T, O> {
  // The builder's column names are those of whichever learner table T is; kysely cannot see that they share them.
  let q = query as unknown as SelectQueryBuilder<Database, 'quiz_attempts', O>;
  if (filter.companyId || filter.unitId) {
    let users = db.selectFrom('users').select('users.id');
    if (filter.companyId) users = users.where('users.company_id', '=', filter.companyId);
    if (filter.unitId) users = users.where('users.unit_id', '=', filter.unitId);
    q = q.where('user_id', 'in', users);
  }
  if (filter.course) q = q.where('course', '=', filter.course);
  if (timeColumn) {
    const column = timeColumn as 'started_at';
    if (filter.fromMs !== undefined) q = q.where(column, '>=', filter.fromMs);
    if (filter.toMs !== undefined) q = q.where(column, '<', filter.toMs);
  }
  return q as unknown as SelectQueryBuilder<Database, T, O>;
}
