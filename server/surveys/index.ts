/**
 * Satisfaction surveys (نظرسنجی): a learner answers once after completing a course (a
 * certificate exists) or attending a seminar (attendance marked present); a second submission
 * counts once (the table's key; the first answer stands). Anyone else is told there is no such
 * survey (404), so the route does not reveal who completed what. Supervisors see results per
 * course or seminar, per presenter and per company, each group withheld below the minimum.
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
      const org = await db.selectFrom('users').select(['company', 'unit_id']).where('id', '=', user.id).executeTakeFirstOrThrow();
      const inserted = await db
        .insertInto('survey_responses')
        .values({
          kind,
          subject,
          user_id: user.id,
          company: org.company,
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

    async results(kind: SurveyKind, filter: SurveyFilter = {}): Promise<SurveyResults> {
      const def = definition();
      if (!def) return { minimum: 5, questions: [], bySubject: [], byPresenter: [], byCompany: [] };
      let query = db
        .selectFrom('survey_responses as s')
        .select(['s.subject', 's.company', 's.presenter', 's.ratings', 's.comment'])
        .where('s.kind', '=', kind);
      if (filter.company) query = query.where('s.company', '=', filter.company);
      if (filter.unit) query = query.where('s.unit', '=', filter.unit);
      if (filter.subject) query = query.where('s.subject', '=', filter.subject);
      if (filter.from !== undefined) query = query.where('s.answered_at', '>=', filter.from);
      if (filter.to !== undefined) query = query.where('s.answered_at', '<', filter.to);
      const rows = (await query.execute()).map((r) => ({ ...r, ratings: JSON.parse(r.ratings) as Record<string, number> }));
      const questions = def[kind];
      const min = def.minimumAnswers;
      const titleOf = (id: string) => (kind === 'course' ? subjects.courseTitle(id) : subjects.seminar(id)?.title) ?? id;
      const labelledBy = (label: (key: string) => string) => (g: ReturnType<typeof groupAnswers>[number]) => ({ ...g, label: label(g.key), means: g.means ? { ...g.means } : null, comments: g.comments ? [...g.comments] : null });
      return {
        minimum: min,
        questions: questions.map((q) => ({ id: q.id, text: q.text })),
        bySubject: groupAnswers(rows, (r) => r.subject, questions, min).map(labelledBy(titleOf)),
        byPresenter: kind === 'seminar' ? groupAnswers(rows, (r) => r.presenter, questions, min).map(labelledBy((k) => k)) : [],
        byCompany: groupAnswers(rows, (r) => r.company ?? STAFF_COMPANY, questions, min).map(labelledBy((k) => k)),
      };
    },
  };
}

/** The reports' filters, already resolved: the company's name, the unit's id, epoch-ms bounds [from, to). */
export interface SurveyFilter {
  readonly company?: string | undefined;
  readonly unit?: string | undefined;
  readonly subject?: string | undefined;
  readonly from?: number | undefined;
  readonly to?: number | undefined;
}

export async function registerSurveyRoutes(app: FastifyInstance, options: SurveyOptions & { readonly guards: AccountGuards }): Promise<SurveyService> {
  const service = createSurveyService(options);
  await registerApi(app, { authOf: options.guards.authOf }, ({ route }) => {
    route(surveyRoutes.questions, { access: 'signed-in', handler: ({ auth, params }) => service.questions(auth!.user, params.kind, params.subject) });
    route(surveyRoutes.submit, { access: 'signed-in', bodyLimit: 16 * 1024, handler: ({ auth, params, body }) => service.submit(auth!.user, params.kind, params.subject, body) });
    route(surveyRoutes.results, { access: { roles: SUPERVISING_ROLES }, handler: ({ params }) => service.results(params.kind) });
  });
  return service;
}
