/**
 * `/api/training/*`, `/api/certificates/*`, `/api/verify/*`, `/api/reports/*` and the
 * `/verify/<code>` page, per the contract in `server/training/README.md`. Routes are thin:
 * they check who is asking and the shape of the request, and leave the rest to the services.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, apiErrorHandler, MESSAGES } from '../accounts/api-errors';
import type { AccountGuards } from '../accounts/guards';
import type { CertificatePdfRenderer } from '../certificates/pdf';
import { sendSitePage } from '../static-site';
import type { ReportsService } from '../reports/service';
import { reportCsv, reportDisposition, type ReportName } from '../reports/csv';
import type { TrainingService } from './service';
import { notTextField } from './errors';

export interface TrainingRoutesOptions {
  readonly service: TrainingService;
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

function objectBody(body: unknown): Record<string, unknown> {
  // No body at all (a submit) is an empty object; anything else must be a JSON object.
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw new ApiError(400, 'invalid_body', MESSAGES.notAnObject);
  return body as Record<string, unknown>;
}

const params = (request: FastifyRequest) => request.params as Record<string, string>;
const query = (request: FastifyRequest) => request.query as Record<string, string | undefined>;

export async function registerTrainingRoutes(app: FastifyInstance, options: TrainingRoutesOptions): Promise<void> {
  const { service, reports, pdf, guards } = options;
  const signedIn = { preHandler: guards.requireUser() };
  const changing = { preHandler: [guards.requireUser(), guards.requireCsrf], bodyLimit: TRAINING_BODY_LIMIT };
  // Saving an answer is the hot path (every click of every learner) and answers a few dozen
  // bytes of JSON that no browser renders: no compression hooks, and instead of helmet (whose
  // fastify plugin rebuilds its middleware on every request) the one header that matters here.
  const saving = { ...changing, compress: false as const, decompress: false as const, config: { helmet: { skipRoute: true } } };
  const supervising = { preHandler: guards.requireUser(['supervisor', 'admin']) };

  await app.register(async (scope) => {
    scope.setErrorHandler(apiErrorHandler);
    scope.addHook('onSend', async (_request, reply) => {
      reply.header('cache-control', 'no-store');
    });

    scope.get('/api/training/courses/:course/quiz', signedIn, (request) => service.quizOverview(request.auth!.user, params(request).course!));
    scope.post('/api/training/courses/:course/attempts', changing, (request) => {
      objectBody(request.body);
      return service.startAttempt(request.auth!.user, params(request).course!);
    });
    scope.get('/api/training/attempts/:id', signedIn, (request) => service.getAttempt(request.auth!.user, params(request).id!));
    scope.put('/api/training/attempts/:id/answers/:questionId', saving, (request, reply) => {
      reply.header('x-content-type-options', 'nosniff');
      return service.saveAnswer(request.auth!.user, params(request).id!, params(request).questionId!, objectBody(request.body));
    });
    scope.post('/api/training/attempts/:id/submit', changing, (request) => {
      objectBody(request.body);
      return service.submit(request.auth!.user, params(request).id!);
    });
    scope.post('/api/training/lessons/open', changing, (request) => {
      const { course, lesson } = objectBody(request.body);
      if (course !== undefined && typeof course !== 'string') throw notTextField('course');
      if (lesson !== undefined && typeof lesson !== 'string') throw notTextField('lesson');
      return service.openLesson(request.auth!.user, course, lesson);
    });
    scope.get('/api/training/me', signedIn, (request) => service.myLearning(request.auth!.user));

    scope.get('/api/certificates/:code', signedIn, (request) => service.certificates.ownedBy(request.auth!.user.id, params(request).code!));
    scope.get('/api/certificates/:code/pdf', signedIn, async (request, reply) => {
      const certificate = await service.certificates.ownedBy(request.auth!.user.id, params(request).code!);
      const file = await pdf.render(certificate, `${options.verifyOrigin()}${certificate.verifyPath}`);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="certificate-${certificate.code}.pdf"`)
        .send(file);
    });
    scope.get('/api/verify/:code', (request) => service.certificates.verify(params(request).code!));

    const report = (name: ReportName, build: (course: string | undefined) => Promise<readonly object[]>) =>
      scope.get(`/api/reports/${name}`, supervising, async (request, reply: FastifyReply) => {
        const { course, format } = query(request);
        const rows = await build(course);
        if (format === 'csv') {
          return reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', reportDisposition(reports.fileNames(name, course)))
            .send(reportCsv(name, rows));
        }
        return { rows };
      });
    report('courses', () => reports.courses());
    report('learners', (course) => reports.learners(course));
    report('questions', (course) => reports.questions(course));
  });

  // The page reads the code from its path; every code gets the same page of the visitor's build.
  app.get('/verify/:code', async (request, reply) => {
    const siteDir = await options.siteDirOf(request);
    // Each audience's build has its own page: no shared cache may hand one reader's to another.
    reply.header('vary', 'cookie');
    return existsSync(path.join(siteDir, 'verify.html')) ? sendSitePage(reply, siteDir, 'verify.html') : sendSitePage(reply.code(404), siteDir, '404.html');
  });
}
