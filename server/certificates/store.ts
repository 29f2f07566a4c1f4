/**
 * Certificates: issued once per learner and course when the course is complete (every lesson
 * opened and an attempt passed), with the names and the edition as they are printed. The
 * unique key (user, course) makes issuing idempotent even when two requests race.
 */
import type { Kysely } from 'kysely';
import { gregorianToJalali, formatJalaliNumeric, formatJalaliLong } from '../../src/domain/jalali';
import type { User } from '../accounts/users';
import { isUniqueViolation } from '../db/errors';
import type { CertificateRow, Database } from '../db/schema';
import { CURRENT_TEXT, editionLabel, type TrainingCatalog, type TrainingCourse } from '../training/catalog';
import type { LearningRecorder } from '../xapi/outbox';
import { TRAINING_ERRORS } from '../training/errors';
import type { CertificateStatus, RefresherNeed } from '../../src/domain/training/currency';
import { currencyOf, type CertificateCurrency } from '../training/currency';
import { formatCertificateCode, newCertificateCode, normalizeCertificateCode } from './code';

export interface CertificateView {
  /** `ABCDE-FGHJK`. */
  readonly code: string;
  readonly course: string;
  readonly courseTitle: string;
  readonly learner: string;
  readonly company: string | null;
  readonly issuedAt: string;
  /** «۱۴۰۴/۰۹/۰۱». */
  readonly issuedAtJalali: string;
  /** «۱ آذر ۱۴۰۴». */
  readonly issuedAtJalaliLong: string;
  /** «ویرایش ۱۴۰۴/۰۹» or «متن جاری». */
  readonly edition: string;
  readonly verifyPath: string;
  /** Whether it still stands, and on which edition (server/training/currency.ts). */
  readonly status: CertificateStatus;
  readonly statusLabel: string;
  readonly restsOn: string;
  readonly validUntil: string | null;
  /** «۱۴۰۴/۱۰/۰۱» when a refresher is due (the owner's view only; verification does not say it). */
  readonly refresherDueOn: string | null;
}

/** All that `/verify/<code>` tells anyone: enough to confirm a certificate, nothing more. */
export interface VerifiedCertificate {
  readonly valid: true;
  readonly code: string;
  readonly learner: string;
  readonly course: string;
  readonly issuedAt: string;
  readonly edition: string;
  readonly status: CertificateStatus;
  readonly statusLabel: string;
  /** The edition the completion rests on now (a refresher renews it onto the edition then in force). */
  readonly restsOn: string;
  readonly validUntil: string | null;
}

export interface CertificateStore {
  issueIfComplete(user: User, course: TrainingCourse): Promise<CertificateView | undefined>;
  findFor(userId: string, course: string): Promise<CertificateView | undefined>;
  listFor(userId: string): Promise<CertificateView[]>;
  /** The owner's certificate by code; 400 for a malformed code, 404 for another's or none. */
  ownedBy(userId: string, code: string): Promise<CertificateView>;
  verify(code: string): Promise<VerifiedCertificate>;
}

export function certificateView(row: CertificateRow, currency: CertificateCurrency & { need: RefresherNeed | null }): CertificateView {
  const date = gregorianToJalali(new Date(Number(row.issued_at)), 'Asia/Tehran');
  const code = formatCertificateCode(row.code);
  return {
    code,
    course: row.course,
    courseTitle: row.course_title,
    learner: row.learner_name,
    company: row.company,
    issuedAt: new Date(Number(row.issued_at)).toISOString(),
    issuedAtJalali: formatJalaliNumeric(date),
    issuedAtJalaliLong: formatJalaliLong(date),
    edition: editionLabel(row.edition),
    verifyPath: `/verify/${code}`,
    status: currency.status,
    statusLabel: currency.statusLabel,
    restsOn: currency.restsOn,
    validUntil: currency.validUntil,
    refresherDueOn: currency.need ? formatJalaliNumeric(currency.need.dueBy) : null,
  };
}

export function createCertificateStore({ db, catalog, now, xapi }: { db: Kysely<Database>; catalog: TrainingCatalog; now: () => number; xapi?: LearningRecorder }): CertificateStore {
  const view = (row: CertificateRow) => certificateView(row, currencyOf(row, catalog, now()));
  const byUserCourse = (userId: string, course: string) =>
    db.selectFrom('certificates').selectAll().where('user_id', '=', userId).where('course', '=', course).executeTakeFirst();

  const parseCode = (input: string) => {
    const code = normalizeCertificateCode(input);
    if (!code) throw TRAINING_ERRORS.invalidCode();
    return code;
  };

  return {
    async issueIfComplete(user, course) {
      const existing = await byUserCourse(user.id, course.id);
      if (existing) return view(existing);
      if (!course.quiz) return undefined;
      const [views, passed] = await Promise.all([
        db.selectFrom('lesson_views').select('lesson').where('user_id', '=', user.id).where('course', '=', course.id).execute(),
        db.selectFrom('quiz_attempts').select('id').where('user_id', '=', user.id).where('course', '=', course.id).where('passed', '=', 1).orderBy('number').executeTakeFirst(),
      ]);
      const opened = new Set(views.map((v) => v.lesson));
      if (!passed || !course.lessons.every((l) => opened.has(l))) return undefined;
      const issuedAt = now();
      for (let tries = 0; ; tries++) {
        try {
          const code = newCertificateCode();
          const edition = catalog.editionAt(issuedAt);
          // With xAPI, the completion's statement is queued in the same transaction as the certificate.
          await db.transaction().execute(async (trx) => {
          const inserted = await trx
            .insertInto('certificates')
            .values({
              code,
              user_id: user.id,
              course: course.id,
              attempt_id: passed.id,
              issued_at: issuedAt,
              edition,
              learner_name: user.displayName,
              company: user.company,
              course_title: course.title,
            })
            .onConflict((oc) => oc.columns(['user_id', 'course']).doNothing())
            .executeTakeFirst();
          if (xapi && Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0) {
            await xapi.record(trx, `completion:${code}`, user.id, { verb: 'completed', learner: user, course, activity: 'course', edition: edition === CURRENT_TEXT ? null : edition, at: issuedAt });
          }
          });
          break;
        } catch (error) {
          // A code already taken (one chance in 10¹³): draw another.
          if (!isUniqueViolation(error) || tries >= 3) throw error;
        }
      }
      const issued = await byUserCourse(user.id, course.id);
      return issued && view(issued);
    },

    async findFor(userId, course) {
      const row = await byUserCourse(userId, course);
      return row && view(row);
    },

    async listFor(userId) {
      const rows = await db.selectFrom('certificates').selectAll().where('user_id', '=', userId).orderBy('issued_at').execute();
      return rows.map(view);
    },

    async ownedBy(userId, input) {
      const row = await db.selectFrom('certificates').selectAll().where('code', '=', parseCode(input)).where('user_id', '=', userId).executeTakeFirst();
      if (!row) throw TRAINING_ERRORS.certificateNotFound();
      return view(row);
    },

    async verify(input) {
      const row = await db.selectFrom('certificates').selectAll().where('code', '=', parseCode(input)).executeTakeFirst();
      if (!row) throw TRAINING_ERRORS.certificateNotFound();
      const v = view(row);
      return { valid: true, code: v.code, learner: v.learner, course: v.courseTitle, issuedAt: v.issuedAtJalali, edition: v.edition, status: v.status, statusLabel: v.statusLabel, restsOn: v.restsOn, validUntil: v.validUntil };
    },
  };
}
