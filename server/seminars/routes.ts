/**
 * `/api/seminars/*`: seats left and the reader's own registration, registering and cancelling
 * (signed in, CSRF, before the seminar starts, within capacity), and for supervisors the list of
 * registrants and attendance marking. Seminars come from the content (`content/seminars/`); a
 * seminar the reader's audience may not see does not exist for them (404).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import * as z from 'zod';
import { SEMINAR_ID } from '../../src/content/schemas/seminar';
import { seminarTiming, type SeminarTiming } from '../../src/domain/seminar-time';
import { ApiError, apiErrorHandler, MESSAGES } from '../accounts/api-errors';
import type { AccountGuards } from '../accounts/guards';
import { ROLE_LABELS, type Role } from '../accounts/roles';
import type { Database } from '../db/schema';
import type { SeminarCatalog, ServedSeminar as SeminarEntry } from './catalog';
import { cancelRegistration, findRegistration, listRegistrants, markAttendance, register, seatsTaken, type Registrant, type RegistrationRow } from './store';

export interface SeminarRoutesOptions {
  readonly db: Kysely<Database>;
  readonly guards: AccountGuards;
  /** The seminars, and who may see each (the audience policy, visitors included). */
  readonly seminars: SeminarCatalog;
  /** The clock, for tests. */
  readonly now?: () => number;
}

/** `GET /api/seminars/:id` and the answer of every registration change. */
export interface SeminarStatus {
  readonly seminar: { readonly id: string; readonly capacity: number; readonly seatsLeft: number; readonly timing: SeminarTiming };
  readonly registration: RegistrationRow | null;
  readonly canManage: boolean;
}

export const SEMINAR_MANAGERS: readonly Role[] = ['supervisor', 'admin'];
const BODY_LIMIT = 16 * 1024;

const SEMINAR_MESSAGES = {
  notFound: 'این نشست پیدا نشد.',
  full: 'ظرفیت این نشست تکمیل شده است.',
  started: 'این نشست آغاز شده یا برگزار شده است؛ ثبت‌نام در آن دیگر ممکن نیست.',
  cancelStarted: 'این نشست آغاز شده یا برگزار شده است؛ ثبت‌نام را دیگر نمی‌توان لغو کرد.',
  notRegistered: 'شما در این نشست ثبت‌نام نکرده‌اید.',
  registrantNotFound: 'این کاربر در این نشست ثبت‌نام نکرده است.',
  badAttendance: '«شناسهٔ کاربر» و «حضور» (درست یا نادرست) را بفرستید.',
} as const;

const attendanceBody = z.strictObject({ userId: z.string().min(1).max(64), attended: z.boolean() });

export async function registerSeminarRoutes(app: FastifyInstance, options: SeminarRoutesOptions): Promise<void> {
  const { db, guards } = options;
  const now = options.now ?? Date.now;

  /** The seminar, if the reader may see it; otherwise it does not exist for them. */
  async function seminarFor(request: FastifyRequest): Promise<SeminarEntry> {
    const id = (request.params as { id: string }).id;
    const auth = await guards.authOf(request);
    const entry = SEMINAR_ID.test(id) ? options.seminars.readable(id, auth && { role: auth.user.role }) : undefined;
    if (!entry) throw new ApiError(404, 'seminar_not_found', SEMINAR_MESSAGES.notFound);
    return entry;
  }

  const timingOf = (entry: SeminarEntry) => seminarTiming(entry.startsAt, entry.seminar.durationMinutes, now());

  async function statusOf(entry: SeminarEntry, request: FastifyRequest): Promise<SeminarStatus> {
    const auth = await guards.authOf(request);
    const [taken, registration] = await Promise.all([
      seatsTaken(db, entry.id),
      auth ? findRegistration(db, entry.id, auth.user.id) : Promise.resolve(null),
    ]);
    return {
      seminar: { id: entry.id, capacity: entry.seminar.capacity, seatsLeft: Math.max(0, entry.seminar.capacity - taken), timing: timingOf(entry) },
      registration,
      canManage: Boolean(auth && SEMINAR_MANAGERS.includes(auth.user.role)),
    };
  }

  const withLabel = (r: Registrant) => ({ ...r, roleLabel: ROLE_LABELS[r.role as Role] ?? r.role });

  await app.register(async (scope) => {
    scope.setErrorHandler(apiErrorHandler);
    scope.addHook('onSend', async (_request, reply) => {
      reply.header('cache-control', 'no-store');
    });
    const signedIn = { bodyLimit: BODY_LIMIT, preHandler: [guards.requireUser(), guards.requireCsrf] };
    const managers = guards.requireUser(SEMINAR_MANAGERS);

    scope.get('/api/seminars/:id', async (request) => statusOf(await seminarFor(request), request));

    scope.post('/api/seminars/:id/registration', signedIn, async (request, reply) => {
      const entry = await seminarFor(request);
      if (timingOf(entry) !== 'upcoming') throw new ApiError(409, 'seminar_started', SEMINAR_MESSAGES.started);
      const outcome = await register(db, { seminarId: entry.id, userId: request.auth!.user.id, capacity: entry.seminar.capacity, now: now() });
      if (outcome === 'full') throw new ApiError(409, 'seminar_full', SEMINAR_MESSAGES.full);
      reply.code(outcome === 'registered' ? 201 : 200);
      return statusOf(entry, request);
    });

    scope.delete('/api/seminars/:id/registration', signedIn, async (request) => {
      const entry = await seminarFor(request);
      if (timingOf(entry) !== 'upcoming') throw new ApiError(409, 'seminar_started', SEMINAR_MESSAGES.cancelStarted);
      const cancelled = await cancelRegistration(db, { seminarId: entry.id, userId: request.auth!.user.id });
      if (!cancelled) throw new ApiError(404, 'not_registered', SEMINAR_MESSAGES.notRegistered);
      return statusOf(entry, request);
    });

    scope.get('/api/seminars/:id/registrations', { preHandler: managers }, async (request) => {
      const entry = await seminarFor(request);
      return { registrations: (await listRegistrants(db, entry.id)).map(withLabel) };
    });

    scope.put('/api/seminars/:id/attendance', { bodyLimit: BODY_LIMIT, preHandler: [managers, guards.requireCsrf] }, async (request) => {
      const entry = await seminarFor(request);
      const body = request.body;
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ApiError(400, 'invalid_body', MESSAGES.notAnObject);
      const parsed = attendanceBody.safeParse(body);
      if (!parsed.success) {
        throw new ApiError(400, 'invalid_body', SEMINAR_MESSAGES.badAttendance, { fields: [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? '')))].filter(Boolean) });
      }
      const { userId, attended } = parsed.data;
      const marked = await markAttendance(db, { seminarId: entry.id, userId, attended, markedBy: request.auth!.user.id, now: now() });
      if (!marked) throw new ApiError(404, 'registrant_not_found', SEMINAR_MESSAGES.registrantNotFound);
      const registration = (await listRegistrants(db, entry.id)).find((r) => r.userId === userId)!;
      return { registration: withLabel(registration) };
    });
  });
}
