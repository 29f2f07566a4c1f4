/** Training: quizzes, attempts, progress, certificates, verification and reports (issue 5). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccountGuards } from '../accounts/guards';
import { createCertificatePdfRenderer, type CertificatePdfRenderer } from '../certificates/pdf';
import type { DatabaseHandle } from '../db/open';
import { createReportsService } from '../reports/service';
import type { TrainingCatalog } from './catalog';
import { loadTrainingCatalog } from './load';
import { registerTrainingRoutes } from './routes';
import { createTrainingService, type TrainingService } from './service';

export { createCatalog, CURRENT_TEXT, editionLabel, type TrainingCatalog, type TrainingCourse } from './catalog';
export { catalogFromCorpus, loadTrainingCatalog, lessonIdOfFile } from './load';
export { createTrainingService, type TrainingService } from './service';

export interface TrainingOptions {
  readonly database: DatabaseHandle;
  readonly guards: AccountGuards;
  /** The repository root holding `content/`, `docs/`, `courses/` (the catalog is loaded from it)… */
  readonly contentRoot?: string;
  /** …or a catalog already built (tests). */
  readonly catalog?: TrainingCatalog;
  readonly siteDirOf: (request: FastifyRequest) => string | Promise<string>;
  /** The origin printed on certificates (`server/certificates/origin.ts`). */
  readonly verifyOrigin: () => string;
  readonly now?: () => number;
  readonly pdf?: CertificatePdfRenderer;
}

export async function registerTraining(app: FastifyInstance, options: TrainingOptions): Promise<TrainingService> {
  let catalog = options.catalog;
  if (!catalog) {
    if (!options.contentRoot) throw new Error('registerTraining needs a catalog or a contentRoot');
    const loaded = loadTrainingCatalog(options.contentRoot);
    for (const p of loaded.problems) app.log.warn(`quiz left out: ${p.file}:${p.line}: ${p.field}: ${p.message}`);
    catalog = loaded.catalog;
  }
  const { db, dialect } = options.database;
  const service = createTrainingService({ db, dialect, catalog, now: options.now });
  const reports = createReportsService({ db, catalog });
  const pdf = options.pdf ?? createCertificatePdfRenderer();
  app.addHook('onClose', () => pdf.close());
  await registerTrainingRoutes(app, { service, reports, pdf, guards: options.guards, verifyOrigin: options.verifyOrigin, siteDirOf: options.siteDirOf });
  return service;
}
