/**
 * Training that stays current, on the database: each certificate's status and the edition it
 * rests on (src/domain/training/currency.ts decides), and refreshers — drawn when first shown,
 * graded once on the server with the quiz engine, renewing the completion when passed.
 *
 * A completion rests on the edition in force when it was earned (`certificates.edition`) or,
 * after a refresher, when that was passed (`renewed_edition`, `renewed_at`).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { gregorianToJalali, formatJalaliIso, formatJalaliNumeric, parseJalali, compareJalali } from '../../src/domain/jalali';
import { todayInTehran } from '../../src/domain/editions';
import { gradeAttempt, planAttempt, publicQuestion, type AttemptResult, type PublicQuestion, type Question } from '../../src/domain/quiz';
import {
  CERTIFICATE_STATUS_LABELS,
  certificateStatus,
  expiresOn,
  refresherNeed,
  type CertificateStatus,
  type RefresherClause,
  type RefresherNeed,
} from '../../src/domain/training/currency';
import { ApiError } from '../accounts/api-errors';
import type { User } from '../accounts/users';
import { isUniqueViolation } from '../db/errors';
import type { CertificateRow, Database, RefresherAttemptRow } from '../db/schema';
import { formatCertificateCode } from '../certificates/code';
import type { LearningRecorder } from '../xapi/outbox';
import { CURRENT_TEXT, editionLabel, type CitedClause, type TrainingCatalog, type TrainingCourse } from './catalog';

export interface CertificateCurrency {
  readonly status: CertificateStatus;
  /** «معتبر», «نیازمند بازآموزی», «منقضی», «جایگزین‌شده». */
  readonly statusLabel: string;
  /** The edition the completion rests on, as a label («ویرایش ۱۴۰۳/۰۷»). */
  readonly restsOn: string;
  /** «۱۴۰۶/۰۹/۰۱»: the first day it no longer holds, when the course has a validity period. */
  readonly validUntil: string | null;
}

const dayOf = (ms: number) => gregorianToJalali(new Date(ms), 'Asia/Tehran');

/** What a certificate's status is read from: the build's flags and editions, and the row. */
export function currencyOf(row: CertificateRow, catalog: TrainingCatalog, nowMs: number): CertificateCurrency & { need: RefresherNeed | null } {
  const course = catalog.course(row.course);
  const completedAt = Number(row.renewed_at ?? row.issued_at);
  const today = todayInTehran(new Date(nowMs));
  const need = course
    ? refresherNeed({ course: course.id, flags: catalog.staleFlags, editions: catalog.editions, restsOnDay: dayOf(completedAt), today, retired: new Set(course.retiredQuestions ?? []) })
    : null;
  const status = certificateStatus({
    withdrawn: !course,
    completedOn: dayOf(completedAt),
    ...(course?.validForMonths ? { validForMonths: course.validForMonths } : {}),
    refresherDue: need !== null,
    today,
  });
  return {
    status,
    statusLabel: CERTIFICATE_STATUS_LABELS[status],
    restsOn: editionLabel(row.renewed_edition ?? row.edition),
    validUntil: course?.validForMonths ? formatJalaliNumeric(expiresOn(dayOf(completedAt), course.validForMonths)) : null,
    need,
  };
}

export const REFRESHER_ERRORS = {
  notCompleted: () => new ApiError(404, 'refresher_not_found', 'این دوره را به پایان نرسانده‌اید؛ بازآموزی فقط برای دوره‌های گذرانده‌شده است.'),
  notDue: () => new ApiError(409, 'refresher_not_due', 'بازآموزی این دوره لازم نیست: گواهی شما بر متن لازم‌الاجرا استوار است.'),
};

export interface RefresherView extends CertificateCurrency {
  readonly course: string;
  readonly courseTitle: string;
  readonly certificateCode: string;
  readonly due: boolean;
  /** «۱۴۰۴/۱۰/۰۱»; null when none is due. */
  readonly dueOn: string | null;
  readonly overdue: boolean;
  /** Labels of the editions whose changes made it due. */
  readonly editions: readonly string[];
  readonly clauses: readonly (RefresherClause & { readonly link: CitedClause; readonly editionLabel: string })[];
  readonly questions: readonly PublicQuestion[];
  readonly attemptId: string | null;
}

export interface RefresherResult {
  readonly result: { score: number; correct: number; total: number; passed: boolean; perQuestion: readonly { id: string; correct: boolean; explanation: string; cites: readonly CitedClause[] }[] };
  readonly certificate: CertificateCurrency & { readonly code: string };
}

export interface RefresherService {
  /** The learner's refresher for a course (drawn now if due and not yet drawn); 404 for a course never completed. */
  refresher(user: User, course: TrainingCourse): Promise<RefresherView>;
  submit(user: User, course: TrainingCourse, answers: Readonly<Record<string, unknown>>): Promise<RefresherResult>;
  /** Refreshers due for a learner's certificates, by course id. */
  dueFor(userId: string): Promise<Map<string, { dueOn: string }>>;
}

interface StoredQuestion {
  readonly id: string;
  readonly options: readonly string[] | null;
}

export function createRefresherService({ db, catalog, now, xapi }: { db: Kysely<Database>; catalog: TrainingCatalog; now: () => number; xapi?: LearningRecorder }): RefresherService {
  const certificateOf = async (userId: string, course: string) => {
    const row = await db.selectFrom('certificates').selectAll().where('user_id', '=', userId).where('course', '=', course).executeTakeFirst();
    if (!row) throw REFRESHER_ERRORS.notCompleted();
    return row;
  };
  const openAttempt = (userId: string, course: string) =>
    db.selectFrom('refresher_attempts').selectAll().where('user_id', '=', userId).where('course', '=', course).where('submitted_at', 'is', null).executeTakeFirst();

  const poolOf = (course: TrainingCourse, need: RefresherNeed): Question[] => {
    const wanted = new Set(need.questions);
    return (course.quiz?.questions ?? []).filter((q) => wanted.has(q.id));
  };

  /** The open refresher, or a new one drawn from the questions the change affects. */
  async function drawn(user: User, course: TrainingCourse, certificate: CertificateRow, need: RefresherNeed): Promise<RefresherAttemptRow> {
    for (let tries = 0; ; tries++) {
      const open = await openAttempt(user.id, course.id);
      if (open) return open;
      const id = randomUUID();
      const pool = poolOf(course, need);
      const row: RefresherAttemptRow = {
        id,
        user_id: user.id,
        course: course.id,
        certificate_code: certificate.code,
        editions: JSON.stringify(need.editions),
        questions: JSON.stringify(planAttempt({ questions: pool, draw: pool.length }, id).map((d): StoredQuestion => ({ id: d.question.id, options: d.optionOrder ?? null }))),
        due_on: formatJalaliIso(need.dueBy),
        started_at: now(),
        submitted_at: null,
        score: null,
        passed: null,
        result: null,
      };
      try {
        await db.insertInto('refresher_attempts').values(row).execute();
        return row;
      } catch (error) {
        // Two first views raced: the partial unique index kept one; read it on the next turn.
        if (!isUniqueViolation(error) || tries >= 3) throw error;
      }
    }
  }

  const questionsOf = (course: TrainingCourse, row: RefresherAttemptRow) =>
    (JSON.parse(row.questions) as StoredQuestion[]).flatMap((s) => {
      const question = course.quiz?.questions.find((q) => q.id === s.id);
      return question ? [{ question, options: s.options }] : [];
    });

  const dueOnLabel = (iso: string) => {
    const parsed = parseJalali(iso);
    return parsed.ok ? formatJalaliNumeric(parsed.date) : iso;
  };

  return {
    async refresher(user, course) {
      const certificate = await certificateOf(user.id, course.id);
      const currency = currencyOf(certificate, catalog, now());
      const { need, ...status } = currency;
      const base = { ...status, course: course.id, courseTitle: course.title, certificateCode: formatCertificateCode(certificate.code) };
      if (!need) return { ...base, due: false, dueOn: null, overdue: false, editions: [], clauses: [], questions: [], attemptId: null };
      const row = await drawn(user, course, certificate, need);
      return {
        ...base,
        due: true,
        dueOn: dueOnLabel(row.due_on),
        overdue: compareJalali(todayInTehran(new Date(now())), need.dueBy) > 0,
        editions: need.editions.map(editionLabel),
        clauses: need.clauses.map((c) => ({ ...c, editionLabel: editionLabel(c.edition), link: catalog.citeLink(`reg:${c.code}#${c.unit.anchor}`) })),
        questions: questionsOf(course, row).map((d) => publicQuestion(d.question, d.options ?? undefined)),
        attemptId: row.id,
      };
    },

    async submit(user, course, answers) {
      const certificate = await certificateOf(user.id, course.id);
      const { need } = currencyOf(certificate, catalog, now());
      if (!need) throw REFRESHER_ERRORS.notDue();
      const row = await drawn(user, course, certificate, need);
      const questions = questionsOf(course, row).map((d) => d.question);
      const graded: AttemptResult = gradeAttempt(questions, answers, course.quiz?.passMark ?? 100);
      // A change that touched only lessons leaves no question: reading the redline is the refresher.
      const passed = questions.length === 0 || graded.passed;
      const at = now();
      const score = questions.length ? graded.score : 100;
      // With xAPI, the refresher's statement is queued in the same transaction as its grading.
      await db.transaction().execute(async (trx) => {
        const closed = await trx
          .updateTable('refresher_attempts')
          .set({ submitted_at: at, score, passed: passed ? 1 : 0, result: JSON.stringify(graded) })
          .where('id', '=', row.id)
          .where('submitted_at', 'is', null)
          .executeTakeFirst();
        // Another submit graded it first: that one's result stands; this one changes nothing.
        if (Number(closed.numUpdatedRows) !== 1) return;
        const edition = catalog.editionAt(at);
        if (passed) await trx.updateTable('certificates').set({ renewed_at: at, renewed_edition: edition }).where('code', '=', certificate.code).execute();
        await xapi?.record(trx, `refresher:${row.id}`, user.id, { verb: passed ? 'passed' : 'failed', learner: user, course, activity: 'refresher', edition: edition === CURRENT_TEXT ? null : edition, score, at });
      });
      const after = await db.selectFrom('certificates').selectAll().where('code', '=', certificate.code).executeTakeFirstOrThrow();
      const { need: _left, ...status } = currencyOf(after, catalog, now());
      return {
        result: {
          score: questions.length ? graded.score : 100,
          correct: graded.correct,
          total: graded.total,
          passed,
          perQuestion: graded.perQuestion.map((q) => ({ id: q.id, correct: q.correct, explanation: q.explanation, cites: q.cites.map((c) => catalog.citeLink(c)) })),
        },
        certificate: { ...status, code: formatCertificateCode(certificate.code) },
      };
    },

    async dueFor(userId) {
      const rows = await db.selectFrom('certificates').selectAll().where('user_id', '=', userId).execute();
      const out = new Map<string, { dueOn: string }>();
      for (const row of rows) {
        const { need } = currencyOf(row, catalog, now());
        if (need) out.set(row.course, { dueOn: formatJalaliNumeric(need.dueBy) });
      }
      return out;
    },
  };
}
