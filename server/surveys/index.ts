/**
 * Satisfaction surveys (نظرسنجی): a learner answers once after completing a course (a
 * certificate exists) or attending a seminar (attendance marked present); a second submission
 * counts once (the table's key; the first answer stands). Anyone else is told there is no such
 * survey (404), so the route does not reveal who completed what. Supervisors see results per
 * course or seminar, per presenter and per company (the learner's organisation,
 * `users.company_id`, kept with the answer), each group withheld below the minimum, through
 * the same filters as every report (server/reports/filter.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { SUPERVISING_ROLES } from '../../src/api/roles';
import { surveyRoutes, type SurveyResults } from '../../src/api/surveys';
import type { SurveysDefinition } from '../../src/content/schemas/survey';
import { checkRatings, groupAnswers, type SurveyKind } from '../../src/domain/surveys';
import type { AccountGuards } from '../accounts/guards';
import { ApiError } from '../accounts/api-errors';
import type { User } from '../accounts/users';
import { registerApi } from '../api/plugin';
import type { Database } from '../db/schema';
import { resolveReportFilter, type ResolvedReportFilter } from '../reports/filter';
import type { ReportFilter } from '../../src/api/reports';

export interface SurveySubjects {
  /** The course's title if the user may take it; undefined otherwise. */
  readonly course: (user: User, id: string) => Promise<{ title: string } | undefined>;
  /** Every course's title, for the results. */
  readonly courseTitle: (id: string) => string | undefined;
  readonly seminar: (id: string) => { title: string; presenter: string | null } | undefined;
}

export interface SurveyOptions {
  readonly db: Kysely<Database>;
  /** `content/surveys.yml` as the current build has it (null: no survey is asked). */
  readonly definition: () => SurveysDefinition | null;
  readonly subjects: SurveySubjects;
  readonly now?: () => number;
}

const NOT_FOUND = () => new ApiError(404, 'survey_not_found', 'نظرسنجی‌ای برای شما در این دوره یا همایش نیست؛ نظرسنجی پس از پایان دوره یا حضور در همایش باز می‌شود.');
const STAFF_COMPANY = 'کارکنان شرکت';
/** The group key of answers from no organisation (no company id is empty). */
const STAFF_KEY = 'own-staff';

export type SurveyService = ReturnType<typeof createSurveyService>;

export function createSurveyService({ db, definition, subjects, now = Date.now }: SurveyOptions) {
  function questionsOf(kind: SurveyKind) {
    const def = definition();
    if (!def) throw NOT_FOUND();
    return { def, questions: def[kind] };
  }

  /** The presenter (seminars) if the user may answer; 404 otherwise. */
  async function eligible(user: User, kind: SurveyKind, subject: string): Promise<{ presenter: string | null }> {
    if (kind === 'course') {
      if (!(await subjects.course(user, subject))) throw NOT_FOUND();
      const done = await db.selectFrom('certificates').select('code').where('user_id', '=', user.id).where('course', '=', subject).executeTakeFirst();
      if (!done) throw NOT_FOUND();
      return { presenter: null };
    }
    const seminar = subjects.seminar(subject);
    if (!seminar) throw NOT_FOUND();
    const row = await db.selectFrom('seminar_registrations').select('attended').where('seminar_id', '=', subject).where('user_id', '=', user.id).executeTakeFirst();
    if (!row || Number(row.attended) !== 1) throw NOT_FOUND();
    return { presenter: seminar.presenter };
  }

  async function answered(user: User, kind: SurveyKind, subject: string) {
    const row = await db.selectFrom('survey_responses').select('kind').where('kind', '=', kind).where('subject', '=', subject).where('user_id', '=', user.id).executeTakeFirst();
    return Boolean(row);
  }

  return {
    async questions(user: User, kind: SurveyKind, subject: string) {
      const { def, questions } = questionsOf(kind);
      await eligible(user, kind, subject);
      return { questions: questions.map((q) => ({ id: q.id, text: q.text })), commentPrompt: def.commentPrompt, answered: await answered(user, kind, subject) };
    },

    async submit(user: User, kind: SurveyKind, subject: string, body: { ratings: Readonly<Record<string, unknown>>; comment?: string | undefined }) {
      const { questions } = questionsOf(kind);
      // Who may answer first: a stranger learns nothing from the shape of their ratings.
      const { presenter } = await eligible(user, kind, subject);
      const checked = checkRatings(questions, body.ratings);
      if (!checked.ok) throw new ApiError(400, 'invalid_rating', checked.message, { fields: [checked.field] });
      const org = await db.selectFrom('users').select(['company', 'company_id', 'unit_id']).where('id', '=', user.id).executeTakeFirstOrThrow();
      const inserted = await db
        .insertInto('survey_responses')
        .values({
          kind,
          subject,
          user_id: user.id,
          company: org.company,
          company_id: org.company_id,
          unit: org.unit_id,
          presenter,
          ratings: JSON.stringify(checked.ratings),
          comment: body.comment?.trim() || null,
          answered_at: now(),
        })
        .onConflict((oc) => oc.columns(['kind', 'subject', 'user_id']).doNothing())
        .executeTakeFirst();
      return { recorded: Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1 };
    },

    /** The request's filters resolved as the training reports resolve them. */
    resolve: (filter: Partial<ReportFilter>) => resolveReportFilter(db, filter, (id) => subjects.courseTitle(id) !== undefined),

    async results(kind: SurveyKind, filter: ResolvedReportFilter = {}): Promise<SurveyResults> {
      const def = definition();
      if (!def) return { minimum: 5, questions: [], bySubject: [], byPresenter: [], byCompany: [] };
      let query = db
        .selectFrom('survey_responses as s')
        .leftJoin('companies as c', 'c.id', 's.company_id')
        .select(['s.subject', 's.company_id', 'c.name as company_name', 's.presenter', 's.ratings', 's.comment'])
        .where('s.kind', '=', kind);
      if (filter.companyId) query = query.where('s.company_id', '=', filter.companyId);
      if (filter.unitId) query = query.where('s.unit', '=', filter.unitId);
      // `course` narrows course surveys; a seminar's survey has no course.
      if (filter.course && kind === 'course') query = query.where('s.subject', '=', filter.course);
      if (filter.fromMs !== undefined) query = query.where('s.answered_at', '>=', filter.fromMs);
      if (filter.toMs !== undefined) query = query.where('s.answered_at', '<', filter.toMs);
      const rows = (await query.execute()).map((r) => ({ ...r, ratings: JSON.parse(r.ratings) as Record<string, number> }));
      const companyNames = new Map(rows.map((r) => [r.company_id, r.company_name]));
      const questions = def[kind];
      const min = def.minimumAnswers;
      const titleOf = (id: string) => (kind === 'course' ? subjects.courseTitle(id) : subjects.seminar(id)?.title) ?? id;
      const labelledBy = (label: (key: string) => string) => (g: ReturnType<typeof groupAnswers>[number]) => ({ ...g, label: label(g.key), means: g.means ? { ...g.means } : null, comments: g.comments ? [...g.comments] : null });
      return {
        minimum: min,
        questions: questions.map((q) => ({ id: q.id, text: q.text })),
        bySubject: groupAnswers(rows, (r) => r.subject, questions, min).map(labelledBy(titleOf)),
        byPresenter: kind === 'seminar' ? groupAnswers(rows, (r) => r.presenter, questions, min).map(labelledBy((k) => k)) : [],
        // Grouped by the organisation's id, named by its present name; no organisation: the company's own staff.
        byCompany: groupAnswers(rows, (r) => r.company_id ?? STAFF_KEY, questions, min).map(labelledBy((k) => (k === STAFF_KEY ? STAFF_COMPANY : companyNames.get(k) ?? k))),
      };
    },
  };
}

export async function registerSurveyRoutes(app: FastifyInstance, options: SurveyOptions & { readonly guards: AccountGuards }): Promise<SurveyService> {
  const service = createSurveyService(options);
  await registerApi(app, { authOf: options.guards.authOf }, ({ route }) => {
    route(surveyRoutes.questions, { access: 'signed-in', handler: ({ auth, params }) => service.questions(auth!.user, params.kind, params.subject) });
    route(surveyRoutes.submit, { access: 'signed-in', bodyLimit: 16 * 1024, handler: ({ auth, params, body }) => service.submit(auth!.user, params.kind, params.subject, body) });
    route(surveyRoutes.results, { access: { roles: SUPERVISING_ROLES }, handler: async ({ params, query }) => service.results(params.kind, await service.resolve(query)) });
  });
  return service;
}
