/**
 * Ayin's API contract: every `/api` route's request and answer as zod schemas, shared by the
 * server (which validates input with them) and the browser (which parses answers with them).
 * zod and plain types only: the browser bundles this module.
 */
export * from './admin';
export * from './auth';
export * from './certificates';
export * from './errors';
export * from './feedback';
export * from './fields';
export * from './inbox';
export * from './reports';
export * from './roles';
export * from './route';
export * from './search';
export * from './seminars';
export * from './training';
export * from './xapi';

import { adminRoutes } from './admin';
import { authRoutes } from './auth';
import { certificateRoutes } from './certificates';
import { feedbackRoutes } from './feedback';
import { acknowledgmentReportRoutes, inboxRoutes } from './inbox';
import { reportRoutes } from './reports';
import { searchRoutes } from './search';
import { seminarRoutes } from './seminars';
import { trainingRoutes } from './training';
import { xapiRoutes } from './xapi';

/** Every route of the contract, by area (the route-listing test checks the server has each). */
export const API_ROUTES = { auth: authRoutes, admin: adminRoutes, training: trainingRoutes, certificates: certificateRoutes, reports: reportRoutes, seminars: seminarRoutes, search: searchRoutes, inbox: inboxRoutes, acknowledgments: acknowledgmentReportRoutes, feedback: feedbackRoutes, xapi: xapiRoutes };
