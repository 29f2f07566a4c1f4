/**
 * The seminars' rules, apart from HTTP: which seminar a reader may see (one they may not does
 * not exist for them), registration only before it starts and within capacity, cancelling only
 * before it starts, attendance only of registrants. The store keeps the rows; the routes
 * only translate.
 */
import type { Kysely } from 'kysely';
import type { Registrant, SeminarStatus } from '../../src/api/seminars';
import { ROLE_LABELS, SUPERVISING_ROLES, isRole } from '../../src/api/roles';
import { SEMINAR_ID } from '../../src/content/schemas/seminar';
import { seminarTiming, type SeminarTiming } from '../../src/domain/seminar-time';
import { ApiError } from '../accounts/api-errors';
import type { Role } from '../accounts/roles';
import type { Database } from '../db/schema';
import type { SeminarCatalog, ServedSeminar as SeminarEntry } from './catalog';
import * as store from './store';

export const SEMINAR_MANAGERS: readonly Role[] = SUPERVISING_ROLES;

export const SEMINAR_MESSAGES = {
  notFound: 'این نشست پیدا نشد.',
  full: 'ظرفیت این نشست تکمیل شده است.',
  started: 'این نشست آغاز شده یا برگزار شده است؛ ثبت‌نام در آن دیگر ممکن نیست.',
  cancelStarted: 'این نشست آغاز شده یا برگزار شده است؛ ثبت‌نام را دیگر نمی‌توان لغو کرد.',
  notRegistered: 'شما در این نشست ثبت‌نام نکرده‌اید.',
  registrantNotFound: 'این کاربر در این نشست ثبت‌نام نکرده است.',
} as const;

/** Who is asking: a signed-in user, or a visitor (null). */
export interface SeminarReader {
  readonly id: string;
  readonly role: Role;
}

export interface SeminarServiceOptions {
  readonly db: Kysely<Database>;
  /** The seminars of the build in force, and who may see each (the audience policy). */
  readonly seminars: SeminarCatalog;
  /** The clock, for tests. */
  readonly now?: () => number;
}

export interface SeminarService {
  /** The seminar, if the reader may see it; 404 otherwise (also for an id that names none). */
  find(id: string, reader: SeminarReader | null): SeminarEntry;
  status(entry: SeminarEntry, reader: SeminarReader | null): Promise<SeminarStatus>;
  /** `created` is false when the reader was already registered. */
  register(entry: SeminarEntry, reader: SeminarReader): Promise<{ created: boolean; status: SeminarStatus }>;
  cancel(entry: SeminarEntry, reader: SeminarReader): Promise<SeminarStatus>;
  registrants(entry: SeminarEntry): Promise<Registrant[]>;
  markAttendance(entry: SeminarEntry, mark: { userId: string; attended: boolean }, by: SeminarReader): Promise<Registrant>;
}

export function createSeminarService(options: SeminarServiceOptions): SeminarService {
  const { db } = options;
  const now = options.now ?? Date.now;
  const timingOf = (entry: SeminarEntry): SeminarTiming => seminarTiming(entry.startsAt, entry.seminar.durationMinutes, now());
  const withLabel = (r: store.Registrant): Registrant => {
    if (!isRole(r.role)) throw new Error(`user ${r.userId} has an unknown role "${r.role}"`);
    return { ...r, role: r.role, roleLabel: ROLE_LABELS[r.role] };
  };

  async function status(entry: SeminarEntry, reader: SeminarReader | null): Promise<SeminarStatus> {
    const [taken, registration] = await Promise.all([
      store.seatsTaken(db, entry.id),
      reader ? store.findRegistration(db, entry.id, reader.id) : Promise.resolve(null),
    ]);
    return {
      seminar: { id: entry.id, capacity: entry.seminar.capacity, seatsLeft: Math.max(0, entry.seminar.capacity - taken), timing: timingOf(entry) },
      registration,
      canManage: Boolean(reader && SEMINAR_MANAGERS.includes(reader.role)),
    };
  }

  return {
    find(id, reader) {
      const entry = SEMINAR_ID.test(id) ? options.seminars.readable(id, reader && { role: reader.role }) : undefined;
      if (!entry) throw new ApiError(404, 'seminar_not_found', SEMINAR_MESSAGES.notFound);
      return entry;
    },

    status,

    async register(entry, reader) {
      if (timingOf(entry) !== 'upcoming') throw new ApiError(409, 'seminar_started', SEMINAR_MESSAGES.started);
      const outcome = await store.register(db, { seminarId: entry.id, userId: reader.id, capacity: entry.seminar.capacity, now: now() });
      if (outcome === 'full') throw new ApiError(409, 'seminar_full', SEMINAR_MESSAGES.full);
      return { created: outcome === 'registered', status: await status(entry, reader) };
    },

    async cancel(entry, reader) {
      if (timingOf(entry) !== 'upcoming') throw new ApiError(409, 'seminar_started', SEMINAR_MESSAGES.cancelStarted);
      const cancelled = await store.cancelRegistration(db, { seminarId: entry.id, userId: reader.id });
      if (!cancelled) throw new ApiError(404, 'not_registered', SEMINAR_MESSAGES.notRegistered);
      return status(entry, reader);
    },

    async registrants(entry) {
      return (await store.listRegistrants(db, entry.id)).map(withLabel);
    },

    async markAttendance(entry, { userId, attended }, by) {
      const marked = await store.markAttendance(db, { seminarId: entry.id, userId, attended, markedBy: by.id, now: now() });
      if (!marked) throw new ApiError(404, 'registrant_not_found', SEMINAR_MESSAGES.registrantNotFound);
      const registration = (await store.listRegistrants(db, entry.id)).find((r) => r.userId === userId)!;
      return withLabel(registration);
    },
  };
}
