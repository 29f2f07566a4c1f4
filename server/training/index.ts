/** Training: quizzes, attempts, progress, certificates, verification and reports (issue 5). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AudiencePolicy } from '../../src/policy/audience';
import type { AccountGuards } from '../accounts/guards';
import { createCertificatePdfRenderer, type CertificatePdfRenderer } from '../certificates/pdf';
import type { DatabaseHandle } from '../db/open';
import type { ManifestSource } from '../manifest/source';
import { createReportsService } from '../reports/service';
import type { TrainingCatalog } from './catalog';
import { trainingCatalogOf } from './load';
import { registerTrainingRoutes } from './routes';
import { createTrainingService, type TrainingService } from './service';
import { createStaleReviewService } from './stale-reviews';
import { createRefresherService } from './currency';
import type { StudyRule } from './study';
import { registerSurveyRoutes } from '../surveys';
import type { SurveysDefinition } from '../../src/content/schemas/survey';
import type { LearningRecorder } from '../xapi/outbox';

export { createCatalog, CURRENT_TEXT, editionLabel, liveCatalog, type TrainingCatalog, type TrainingCourse, type TrainingLesson } from './catalog';
export { catalogFromManifest, lessonIdOfFile, trainingCatalogOf } from './load';
export { createTrainingService, type TrainingService } from './service';
export { DEFAULT_STUDY_RULE, minimumReadingMs, type StudyRule } from './study';

export interface TrainingOptions {
  readonly database: DatabaseHandle;
  readonly guards: AccountGuards;
  /** The build's private manifest (the catalog follows it when a new build is swapped in)… */
  readonly manifest?: ManifestSource;
  /** …or a catalog already built (tests). */
  readonly catalog?: TrainingCatalog;
  /** Who may take which course; the server passes the one made from its configuration. */
  readonly policy?: AudiencePolicy;
  /** What proves a lesson was studied (default `DEFAULT_STUDY_RULE`); tests shorten it here. */
  readonly studyRule?: StudyRule;
  readonly siteDirOf: (request: FastifyRequest) => string | Promise<string>;
  /** The origin printed on certificates (`server/certificates/origin.ts`). */
  readonly verifyOrigin: () => string;
  readonly now?: () => number;
  readonly pdf?: CertificatePdfRenderer;
  /** The survey questions and seminars, when there is no manifest (tests). */
  /** Queues xAPI statements in each learning event's transaction (server/xapi/), when `XAPI_ENDPOINT` is set. */
  readonly xapi?: LearningRecorder;
  readonly surveys?: { readonly definition: SurveysDefinition | null; readonly seminar: (id: string) => { title: string; presenter: string | null } | undefined };
}

export async function registerTraining(app: FastifyInstance, options: TrainingOptions): Promise<TrainingService> {
  const catalog = options.catalog ?? (options.manifest ? trainingCatalogOf(options.manifest) : undefined);
  if (!catalog) throw new Error('registerTraining needs a catalog or the build manifest');
  const { db, dialect } = options.database;
  const service = createTrainingService({ db, dialect, catalog, now: options.now, policy: options.policy, studyRule: options.studyRule, ...(options.xapi ? { xapi: options.xapi } : {}) });
  const reports = createReportsService({ db, catalog, ...(options.now ? { now: options.now } : {}) });
  const pdf = options.pdf ?? createCertificatePdfRenderer();
  app.addHook('onClose', () => pdf.close());
  registerLessonServedHook(app, service, options.guards);
  const staleReviews = createStaleReviewService({ db, catalog, ...(options.now ? { now: options.now } : {}) });
  const refreshers = createRefresherService({ db, catalog, now: options.now ?? Date.now, ...(options.xapi ? { xapi: options.xapi } : {}) });
  // Surveys open after a completion: they ask the training catalog who may take what.
  await registerSurveyRoutes(app, {
    db,
    guards: options.guards,
    definition: () => options.surveys?.definition ?? options.manifest?.current().surveys ?? null,
    subjects: {
      course: async (user, id) => service.courseFor(user, id).then((c) => ({ title: c.title }), () => undefined),
      courseTitle: (id) => catalog.course(id)?.title,
      seminar: (id) => {
        if (options.surveys) return options.surveys.seminar(id);
        const found = options.manifest?.current().seminars.find((s) => s.id === id);
        return found ? { title: found.seminar.title, presenter: found.seminar.presenter ?? null } : undefined;
      },
    },
    ...(options.now ? { now: options.now } : {}),
  });
  await registerTrainingRoutes(app, { service, staleReviews, refreshers, reports, pdf, guards: options.guards, verifyOrigin: options.verifyOrigin, siteDirOf: options.siteDirOf });
  return service;
}

/**
 * The proof that a lesson was opened: the server sent its page to the signed-in learner (a
 * 200, or a 304 confirming the copy they have). Recorded before the answer goes out, so the
 * page's own report that follows it always finds the record. Other requests cost a prefix test.
 */
function registerLessonServedHook(app: FastifyInstance, service: TrainingService, guards: AccountGuards) {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.method !== 'GET' || (reply.statusCode !== 200 && reply.statusCode !== 304)) return payload;
    const urlPath = request.url.split('?')[0]!;
    if (!urlPath.startsWith('/courses/')) return payload;
    const auth = await guards.authOf(request);
    if (auth) await service.recordLessonServed(auth.user, urlPath);
    return payload;
  });
}
