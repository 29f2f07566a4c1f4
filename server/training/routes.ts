/**
 * `/api/training/*`, `/api/certificates/*`, `/api/verify/*`, `/api/reports/*` and the
 * `/verify/<code>` page, as the contract declares them (src/api/training.ts, certificates.ts,
 * reports.ts). Routes are thin: the `/api` plugin checks who is asking and the shape of the
 * request, the services do the rest.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { certificateRoutes } from '../../src/api/certificates';
import { reportOverviewRoute, reportRoutes, type ReportName, type reportQuerySchema } from '../../src/api/reports';
import type * as z from 'zod';
import { REVIEWING_ROLES, SUPERVISING_ROLES } from '../../src/api/roles';
import type { ReplyOf } from '../../src/api/route';
import { trainingRoutes } from '../../src/api/training';
import type { AccountGuards } from '../accounts/guards';
import { registerApi } from '../api/plugin';
import type { CertificatePdfRenderer } from '../certificates/pdf';
import { sendSitePage } from '../static-site';
import type { ReportsService } from '../reports/service';
import type { ResolvedReportFilter } from '../reports/filter';
import { reportCsv, reportDisposition, reportXlsx } from '../reports/csv';
import type { TrainingService } from './service';
import type { StaleReviewService } from './stale-reviews';
import type { RefresherService } from './currency';

export interface TrainingRoutesOptions {
  readonly service: TrainingService;
  readonly staleReviews: StaleReviewService;
  readonly refreshers: RefresherService;
  readonly reports: ReportsService;
  readonly pdf: CertificatePdfRenderer;
  readonly guards: AccountGuards;
  /** The origin printed on certificates, from configuration (never the request's Host). */
  readonly verifyOrigin: () => string;
  /** The built site a visitor is served (their audience's build), for `/verify/<code>`. */
  readonly siteDirOf: (request: FastifyRequest) => string | Promise<string>;
}

/** Training bodies are a few ids and one answer; 16 KB is generous. */
export const TRAINING_BODY_LIMIT = 16 * 1024;

const supervising = { roles: SUPERVISING_ROLES } as const;
type ReportQuery = z.output<typeof reportQuerySchema>;

export async function registerTrainingRoutes(app: FastifyInstance, options: TrainingRoutesOptions): Promise<void> {
  const { service, reports, pdf, guards } = options;

  await registerApi(app, { authOf: guards.authOf }, ({ route }) => {
    const t = trainingRoutes;
    route(t.quizOverview, { access: 'signed-in', handler: ({ auth, params }) => service.quizOverview(auth!.user, params.course) });
    route(t.startAttempt, { access: 'signed-in', bodyLimit: TRAINING_BODY_LIMIT, handler: ({ auth, params }) => service.startAttempt(auth!.user, params.course) });
    route(t.attempt, { access: 'signed-in', handler: ({ auth, params }) => service.getAttempt(auth!.user, params.id) });
    // Saving an answer is the hot path (every click of every learner) and answers a few dozen
    // bytes of JSON that no browser renders: no compression hooks, and instead of helmet (whose
    // fastify plugin rebuilds its middleware on every request) the one header that matters here.
    route(t.saveAnswer, {
      access: 'signed-in',
      bodyLimit: TRAINING_BODY_LIMIT,
      fastify: { compress: false, decompress: false, config: { helmet: { skipRoute: true } } },
      handler: ({ auth, params, body, reply }) => {
        reply.header('x-content-type-options', 'nosniff');
        return service.saveAnswer(auth!.user, params.id, params.questionId, body);
      },
    });
    route(t.submit, { access: 'signed-in', bodyLimit: TRAINING_BODY_LIMIT, handler: ({ auth, params }) => service.submit(auth!.user, params.id) });
    route(t.openLesson, { access: 'signed-in', bodyLimit: TRAINING_BODY_LIMIT, handler: ({ auth, body }) => service.openLesson(auth!.user, body.course, body.lesson) });
    route(t.me, { access: 'signed-in', handler: ({ auth }) => service.myLearning(auth!.user) });
    route(t.staleFlags, { access: { roles: REVIEWING_ROLES }, handler: async () => ({ flags: await options.staleReviews.list() }) });
    route(t.reviewNotice, {
      access: 'signed-in',
      // A course the learner may not take is not found (the service's rule), not merely quiet.
      handler: async ({ auth, params }) => ({ underReview: await service.courseFor(auth!.user, params.course).then((c) => options.staleReviews.underReview(c.id)) }),
    });
    route(t.refresher, { access: 'signed-in', handler: async ({ auth, params }) => options.refreshers.refresher(auth!.user, await service.courseFor(auth!.user, params.course)) });
    route(t.submitRefresher, {
      access: 'signed-in',
      bodyLimit: TRAINING_BODY_LIMIT,
      handler: async ({ auth, params, body }) => options.refreshers.submit(auth!.user, await service.courseFor(auth!.user, params.course), body.answers),
    });
    route(t.reviewStale, { access: { roles: REVIEWING_ROLES }, bodyLimit: TRAINING_BODY_LIMIT, handler: ({ auth, body }) => options.staleReviews.markReviewed(auth!.user, body) });

    const c = certificateRoutes;
    route(c.certificate, { access: 'signed-in', handler: ({ auth, params }) => service.certificates.ownedBy(auth!.user.id, params.code) });
    route(c.pdf, {
      access: 'signed-in',
      async handler({ auth, params, reply }) {
        const certificate = await service.certificates.ownedBy(auth!.user.id, params.code);
        // The origin from configuration, never the request's Host (a forged one would be printed).
        const file = await pdf.render(certificate, `${options.verifyOrigin()}${certificate.verifyPath}`);
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="certificate-${certificate.code}.pdf"`)
          .send(file);
      },
    });
    // Public: anyone holding a certificate's code may check it (and learn only what it says).
    route(c.verify, { access: 'public', handler: ({ params }) => service.certificates.verify(params.code) });

    const report = <R extends (typeof reportRoutes)[ReportName]>(name: ReportName, r: R, build: (filter: ResolvedReportFilter) => Promise<readonly object[]>) =>
      route(r, {
        access: supervising,
        async handler(context) {
          const { reply } = context;
          const query = context.query as ReportQuery;
          // One resolved filter for the JSON, the CSV and the XLSX of the same request.
          const rows = await build(await reports.resolve(query));
          if (query.format === 'csv') {
            return reply
              .type('text/csv; charset=utf-8')
              .header('content-disposition', reportDisposition(reports.fileNames(name, query.course)))
              .send(reportCsv(name, rows));
          }
          if (query.format === 'xlsx') {
            return reply
              .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
              .header('content-disposition', reportDisposition(reports.fileNames(name, query.course, 'xlsx')))
              .send(await reportXlsx(name, rows));
          }
          return { rows } as ReplyOf<R>;
        },
      });
    report('courses', reportRoutes.courses, (filter) => reports.courses(filter));
    report('learners', reportRoutes.learners, (filter) => reports.learners(filter));
    report('questions', reportRoutes.questions, (filter) => reports.questions(filter));
    route(reportOverviewRoute, { access: supervising, handler: async ({ query }) => reports.overview(await reports.resolve(query)) });
  });

  // The page reads the code from its path; every code gets the same page of the visitor's build.
  app.get('/verify/:code', async (request, reply) => {
    const siteDir = await options.siteDirOf(request);
    // Each audience's build has its own page: no shared cache may hand one reader's to another.
    reply.header('vary', 'cookie');
    return existsSync(path.join(siteDir, 'verify.html')) ? sendSitePage(reply, siteDir, 'verify.html') : sendSitePage(reply.code(404), siteDir, '404.html');
  });
}
