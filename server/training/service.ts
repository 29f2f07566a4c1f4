/**
 * Quiz attempts, lessons opened and completion, on the database. Everything random about an
 * attempt is fixed when it starts (questions and option orders, from the attempt id as seed) and
 * stored, so a reload or a restarted server shows the same attempt; every answer is stored as it
 * is given; grading happens once, on the server's clock.
 *
 * Concurrency is settled by the database, not by this process: attempt numbers are unique per
 * learner and course (two racing starts cannot overrun the limit), an answer is saved by one
 * statement that only inserts while the attempt is open, and grading locks the attempt row
 * (PostgreSQL `for update`; SQLite runs one transaction at a time) and closes it with
 * `… where submitted_at is null`, so two submits grade once.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import {
  gradeAttempt,
  parseAnswer,
  planAttempt,
  publicQuestion,
  type AttemptResult,
  type LearnerAnswer,
  type PublicQuestion,
  type Question,
  type QuizDefinition,
} from '../../src/domain/quiz';
import { createAudiencePolicy, type AudiencePolicy } from '../../src/policy/audience';
import type { User } from '../accounts/users';
import { isUniqueViolation } from '../db/errors';
import type { DialectName } from '../db/open';
import type { Database, QuizAttemptRow } from '../db/schema';
import { createCertificateStore, type CertificateStore, type CertificateView } from '../certificates/store';
import { CURRENT_TEXT, type CitedClause, type TrainingCatalog, type TrainingCourse } from './catalog';
import { missingField, TRAINING_ERRORS } from './errors';
import { courseStudied, DEFAULT_STUDY_RULE, type StudyRule } from './study';
import type { LearningRecorder } from '../xapi/outbox';

export interface TrainingServiceOptions {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  readonly catalog: TrainingCatalog;
  /** The server's clock (epoch ms); tests pass their own to cross deadlines without waiting. */
  readonly now?: () => number;
  /** Who may take which course (default: the policy with a public visitor audience). */
  readonly policy?: AudiencePolicy;
  /** What proves a lesson was studied (`study.ts`); injected by tests, never set by a request. */
  readonly studyRule?: StudyRule;
  /** xAPI: statements queued in the event's own transaction (server/xapi/); none when not configured. */
  readonly xapi?: LearningRecorder;
}

/** What one question of an attempt stores: its id and the option order shown. */
interface StoredQuestion {
  readonly id: string;
  readonly options: readonly string[] | null;
}

export interface ResultView {
  readonly score: number;
  readonly correct: number;
  readonly total: number;
  readonly passed: boolean;
  readonly perQuestion: readonly { id: string; correct: boolean; explanation: string; cites: readonly CitedClause[] }[];
}

export interface AttemptView {
  readonly id: string;
  readonly course: string;
  readonly number: number;
  readonly startedAt: string;
  readonly deadline: string | null;
  readonly submittedAt: string | null;
  /** The server's time when answering, so the UI's countdown does not trust the device clock. */
  readonly now: string;
  readonly questions: readonly PublicQuestion[];
  readonly answers: Readonly<Record<string, LearnerAnswer>>;
  readonly result: ResultView | null;
}

export interface AttemptSummary {
  readonly id: string;
  readonly number: number;
  readonly startedAt: string;
  readonly deadline: string | null;
  readonly submittedAt: string | null;
  readonly score: number | null;
  readonly passed: boolean | null;
}

export interface CourseProgress {
  readonly course: string;
  readonly title: string;
  readonly lessonsOpened: readonly string[];
  readonly lessonsRequired: number;
  readonly hasQuiz: boolean;
  readonly attempts: readonly AttemptSummary[];
  readonly attemptsLeft: number;
  readonly bestScore: number | null;
  readonly passed: boolean;
  readonly completed: boolean;
  readonly certificateCode: string | null;
  /** «بازآموزی لازم» by this day, when a cited clause changed materially since completion. */
  readonly refresherDueOn: string | null;
}

export interface QuizOverview {
  readonly quiz: { title: string; draw: number; passMark: number; maxAttempts: number; timeLimitMinutes: number | null };
  readonly attempts: readonly AttemptSummary[];
  readonly openAttemptId: string | null;
  readonly attemptsLeft: number;
  readonly passed: boolean;
}

export interface SavedAnswer {
  readonly saved: true;
  readonly questionId: string;
  readonly answer: LearnerAnswer;
  readonly answeredAt: string;
}

export interface TrainingService {
  quizOverview(user: User, courseId: string): Promise<QuizOverview>;
  startAttempt(user: User, courseId: string): Promise<AttemptView>;
  getAttempt(user: User, attemptId: string): Promise<AttemptView>;
  saveAnswer(user: User, attemptId: string, questionId: string, body: Readonly<Record<string, unknown>>): Promise<SavedAnswer>;
  submit(user: User, attemptId: string): Promise<AttemptView>;
  openLesson(user: User, courseId: unknown, lessonId: unknown): Promise<CourseProgress>;
  /**
   * Records that the server served the page at `urlPath` to `user`, when it is a lesson of a
   * course they may take: the only thing that makes a lesson count as opened. True if it was one.
   */
  recordLessonServed(user: User, urlPath: string): Promise<boolean>;
  /** The course if `user` may take it; 404 course_not_found otherwise (whoever asks, however). */
  courseFor(user: User, courseId: string): Promise<TrainingCourse>;
  myLearning(user: User): Promise<{ courses: CourseProgress[]; certificates: CertificateView[] }>;
  readonly certificates: CertificateStore;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

/** The fixed part of an attempt, cached for the hot path (saving answers): it never changes. */
interface AttemptShape {
  readonly userId: string;
  readonly course: string;
  readonly deadline: number | null;
  readonly questions: ReadonlyMap<string, Question>;
}

const SHAPE_CACHE_LIMIT = 20_000;

export function createTrainingService(options: TrainingServiceOptions): TrainingService {
  const { db, dialect, catalog } = options;
  const now = options.now ?? Date.now;
  const policy = options.policy ?? createAudiencePolicy();
  const studyRule = options.studyRule ?? DEFAULT_STUDY_RULE;
  const certificates = createCertificateStore({ db, catalog, now, ...(options.xapi ? { xapi: options.xapi } : {}) });
  const shapes = new Map<string, AttemptShape>();
  /** The edition in force at `ms`, or null for the text not yet in one (xAPI context). */
  const editionOf = (ms: number): string | null => {
    const name = catalog.editionAt(ms);
    return name === CURRENT_TEXT ? null : name;
  };

  /** A course the learner may take; any other is "not found", whoever asks and however. */
  const readable = (user: User, course: TrainingCourse | undefined): course is TrainingCourse => Boolean(course && policy.mayRead({ role: user.role }, course.audience));
  const courseOr404 = (user: User, id: unknown): TrainingCourse => {
    const course = catalog.course(id);
    if (!readable(user, course)) throw TRAINING_ERRORS.courseNotFound();
    return course;
  };
  /** The attempt's course, if the learner may (still) take it: otherwise the attempt does not exist for them. */
  const attemptCourseOr404 = (user: User, courseId: string): TrainingCourse => {
    const course = catalog.course(courseId);
    if (!readable(user, course)) throw TRAINING_ERRORS.attemptNotFound();
    return course;
  };

  /**
   * Issues the certificate when the quiz is passed and every lesson was studied by the rule
   * (served by the server, and open long enough). The certificate store re-checks the rows.
   */
  async function issueIfStudied(user: User, course: TrainingCourse): Promise<void> {
    if (!course.quiz) return;
    const served = await db.selectFrom('lesson_views').select(['lesson', 'first_opened_at']).where('user_id', '=', user.id).where('course', '=', course.id).execute();
    const at = new Map(served.map((s) => [s.lesson, Number(s.first_opened_at)]));
    const verdict = courseStudied(
      course.lessons.map((lesson) => ({ lesson, words: catalog.lessonWords(course, lesson), servedAt: at.get(lesson) })),
      now(),
      studyRule,
    );
    if (verdict.studied) await certificates.issueIfComplete(user, course);
  }
  const quizOf = (course: TrainingCourse): QuizDefinition => {
    if (!course.quiz) throw TRAINING_ERRORS.quizNotFound();
    return course.quiz;
  };

  /**
   * The questions an attempt may draw: not those whose cited clause was repealed. When that
   * leaves fewer than `draw`, an attempt draws them all rather than refusing the learner.
   */
  const drawablePool = (course: TrainingCourse, quiz: QuizDefinition): Pick<QuizDefinition, 'questions' | 'draw'> => {
    const retired = new Set(course.retiredQuestions ?? []);
    const questions = quiz.questions.filter((q) => !retired.has(q.id));
    return { questions, draw: Math.min(quiz.draw, questions.length) };
  };

  const storedQuestions = (row: Pick<QuizAttemptRow, 'questions'>): StoredQuestion[] => JSON.parse(row.questions) as StoredQuestion[];

  /** The attempt's questions as defined now (ids are stable forever; one removed from the pool is skipped). */
  function drawnQuestions(row: Pick<QuizAttemptRow, 'questions' | 'course'>): { question: Question; options: readonly string[] | null }[] {
    const pool = catalog.course(row.course)?.quiz?.questions ?? [];
    return storedQuestions(row).flatMap((stored) => {
      const question = pool.find((q) => q.id === stored.id);
      return question ? [{ question, options: stored.options }] : [];
    });
  }

  function shapeOf(row: QuizAttemptRow): AttemptShape {
    let shape = shapes.get(row.id);
    if (!shape) {
      shape = {
        userId: row.user_id,
        course: row.course,
        deadline: row.deadline === null ? null : Number(row.deadline),
        questions: new Map(drawnQuestions(row).map((d) => [d.question.id, d.question])),
      };
      if (shapes.size >= SHAPE_CACHE_LIMIT) shapes.delete(shapes.keys().next().value!);
      shapes.set(row.id, shape);
    }
    return shape;
  }

  const ownAttempt = (userId: string, attemptId: string) =>
    UUID.test(attemptId)
      ? db.selectFrom('quiz_attempts').selectAll().where('id', '=', attemptId).where('user_id', '=', userId).executeTakeFirst()
      : Promise.resolve(undefined);

  function resultView(result: AttemptResult): ResultView {
    return {
      score: result.score,
      correct: result.correct,
      total: result.total,
      passed: result.passed,
      perQuestion: result.perQuestion.map((q) => ({ id: q.id, correct: q.correct, explanation: q.explanation, cites: q.cites.map((c) => catalog.citeLink(c)) })),
    };
  }

  async function attemptView(row: QuizAttemptRow): Promise<AttemptView> {
    const saved = await db.selectFrom('quiz_answers').select(['question_id', 'answer']).where('attempt_id', '=', row.id).execute();
    return {
      id: row.id,
      course: row.course,
      number: Number(row.number),
      startedAt: iso(row.started_at)!,
      deadline: iso(row.deadline),
      submittedAt: iso(row.submitted_at),
      now: iso(now())!,
      questions: drawnQuestions(row).map((d) => publicQuestion(d.question, d.options ?? undefined)),
      answers: Object.fromEntries(saved.map((a) => [a.question_id, JSON.parse(a.answer) as LearnerAnswer])),
      result: row.result ? resultView(JSON.parse(row.result) as AttemptResult) : null,
    };
  }

  const summary = (row: QuizAttemptRow): AttemptSummary => ({
    id: row.id,
    number: Number(row.number),
    startedAt: iso(row.started_at)!,
    deadline: iso(row.deadline),
    submittedAt: iso(row.submitted_at),
    score: row.score === null ? null : Number(row.score),
    passed: row.passed === null ? null : Number(row.passed) === 1,
  });

  /**
   * Grades an open attempt with the answers saved so far and closes it; returns the row as it
   * is afterwards (already closed: unchanged). Past the deadline the attempt counts as
   * submitted at the deadline.
   */
  async function gradeAndClose(user: User, attemptId: string): Promise<QuizAttemptRow | undefined> {
    const row = await db.transaction().execute(async (trx) => {
      let query = trx.selectFrom('quiz_attempts').selectAll().where('id', '=', attemptId).where('user_id', '=', user.id);
      if (dialect === 'postgres') query = query.forUpdate();
      const current = await query.executeTakeFirst();
      if (!current || current.submitted_at !== null) return current;
      const quiz = quizOf(attemptCourseOr404(user, current.course));
      const answers = await trx.selectFrom('quiz_answers').select(['question_id', 'answer']).where('attempt_id', '=', attemptId).execute();
      const given = Object.fromEntries(answers.map((a) => [a.question_id, JSON.parse(a.answer) as unknown]));
      const result = gradeAttempt(
        drawnQuestions(current).map((d) => d.question),
        given,
        quiz.passMark,
      );
      const at = now();
      const deadline = current.deadline === null ? null : Number(current.deadline);
      const closed = {
        submitted_at: deadline !== null && at > deadline ? deadline : at,
        score: result.score,
        passed: result.passed ? 1 : 0,
        result: JSON.stringify(result),
      };
      const updated = await trx.updateTable('quiz_attempts').set(closed).where('id', '=', attemptId).where('submitted_at', 'is', null).executeTakeFirst();
      // Under the row lock this always updates; if it did not, someone else graded: read theirs.
      if (Number(updated.numUpdatedRows) !== 1) return trx.selectFrom('quiz_attempts').selectAll().where('id', '=', attemptId).executeTakeFirst();
      await options.xapi?.record(trx, `attempt:${attemptId}:graded`, user.id, { verb: result.passed ? 'passed' : 'failed', learner: user, course: attemptCourseOr404(user, current.course), activity: 'quiz', edition: editionOf(at), score: result.score, at });
      return { ...current, ...closed };
    });
    return row;
  }

  /** An open attempt whose time is up is graded now, with what was saved before the deadline. */
  async function closeIfExpired(row: QuizAttemptRow, user: User): Promise<QuizAttemptRow> {
    if (row.submitted_at !== null || row.deadline === null || now() < Number(row.deadline)) return row;
    const closed = (await gradeAndClose(user, row.id)) ?? row;
    if (Number(closed.passed) === 1) await issueIfStudied(user, attemptCourseOr404(user, closed.course));
    return closed;
  }

  async function attemptsOf(user: User, course: TrainingCourse): Promise<QuizAttemptRow[]> {
    const rows = await db.selectFrom('quiz_attempts').selectAll().where('user_id', '=', user.id).where('course', '=', course.id).orderBy('number').execute();
    return Promise.all(rows.map((row) => closeIfExpired(row, user)));
  }

  async function progressOf(user: User, course: TrainingCourse): Promise<CourseProgress> {
    const [views, attempts, certificate] = await Promise.all([
      db.selectFrom('lesson_views').select('lesson').where('user_id', '=', user.id).where('course', '=', course.id).execute(),
      course.quiz ? attemptsOf(user, course) : Promise.resolve([]),
      certificates.findFor(user.id, course.id),
    ]);
    return progressFrom(course, new Set(views.map((v) => v.lesson)), attempts, certificate);
  }

  function progressFrom(course: TrainingCourse, opened: ReadonlySet<string>, attempts: readonly QuizAttemptRow[], certificate: CertificateView | undefined): CourseProgress {
    const certificateCode = certificate?.code ?? null;
    const scores = attempts.filter((a) => a.score !== null).map((a) => Number(a.score));
    const passed = attempts.some((a) => Number(a.passed) === 1);
    const lessonsOpened = course.lessons.filter((l) => opened.has(l));
    return {
      course: course.id,
      title: course.title,
      lessonsOpened,
      lessonsRequired: course.lessons.length,
      hasQuiz: Boolean(course.quiz),
      attempts: attempts.map(summary),
      attemptsLeft: course.quiz ? Math.max(0, course.quiz.maxAttempts - attempts.length) : 0,
      bestScore: scores.length ? Math.max(...scores) : null,
      passed,
      completed: certificateCode !== null,
      certificateCode,
      refresherDueOn: certificate?.refresherDueOn ?? null,
    };
  }

  async function classifyRefusedAnswer(user: User, attemptId: string): Promise<never> {
    const row = await ownAttempt(user.id, attemptId);
    if (!row) throw TRAINING_ERRORS.attemptNotFound();
    if (row.submitted_at !== null) throw TRAINING_ERRORS.attemptClosed();
    throw TRAINING_ERRORS.timeUp();
  }

  // PostgreSQL: `for share` makes the insert wait for a submit holding the attempt row and then
  // re-check it (closed: nothing inserted). SQLite runs one statement or transaction at a time.
  const lockForShare = dialect === 'postgres' ? sql` for share` : sql``;

  return {
    certificates,

    courseFor: async (user, courseId) => courseOr404(user, courseId),

    async quizOverview(user, courseId) {
      const course = courseOr404(user, courseId);
      const quiz = quizOf(course);
      const attempts = await attemptsOf(user, course);
      return {
        quiz: { title: quiz.title, draw: quiz.draw, passMark: quiz.passMark, maxAttempts: quiz.maxAttempts, timeLimitMinutes: quiz.timeLimitMinutes ?? null },
        attempts: attempts.map(summary),
        openAttemptId: attempts.find((a) => a.submitted_at === null)?.id ?? null,
        attemptsLeft: Math.max(0, quiz.maxAttempts - attempts.length),
        passed: attempts.some((a) => Number(a.passed) === 1),
      };
    },

    async startAttempt(user, courseId) {
      const course = courseOr404(user, courseId);
      const quiz = quizOf(course);
      for (let tries = 0; ; tries++) {
        const attempts = await attemptsOf(user, course);
        const open = attempts.find((a) => a.submitted_at === null);
        if (open) return attemptView(open);
        if (attempts.some((a) => Number(a.passed) === 1)) throw TRAINING_ERRORS.alreadyPassed();
        if (attempts.length >= quiz.maxAttempts) throw TRAINING_ERRORS.noAttemptsLeft();
        const id = randomUUID();
        const startedAt = now();
        const row: QuizAttemptRow = {
          id,
          user_id: user.id,
          course: course.id,
          number: attempts.length + 1,
          seed: id,
          questions: JSON.stringify(planAttempt(drawablePool(course, quiz), id).map((d): StoredQuestion => ({ id: d.question.id, options: d.optionOrder ?? null }))),
          started_at: startedAt,
          deadline: quiz.timeLimitMinutes ? startedAt + quiz.timeLimitMinutes * 60_000 : null,
          submitted_at: null,
          score: null,
          passed: null,
          result: null,
        };
        try {
          if (options.xapi) {
            const xapi = options.xapi;
            await db.transaction().execute(async (trx) => {
              await trx.insertInto('quiz_attempts').values(row).execute();
              await xapi.record(trx, `attempt:${id}:started`, user.id, { verb: 'attempted', learner: user, course, activity: 'quiz', edition: editionOf(startedAt), at: startedAt });
            });
          } else await db.insertInto('quiz_attempts').values(row).execute();
          return attemptView(row);
        } catch (error) {
          // Another request started attempt N first: resume that one (or refuse) on the next turn.
          if (!isUniqueViolation(error) || tries >= 3) throw error;
        }
      }
    },

    async getAttempt(user, attemptId) {
      const row = await ownAttempt(user.id, attemptId);
      if (!row) throw TRAINING_ERRORS.attemptNotFound();
      attemptCourseOr404(user, row.course);
      return attemptView(await closeIfExpired(row, user));
    },

    async saveAnswer(user, attemptId, questionId, body) {
      if (!UUID.test(attemptId)) throw TRAINING_ERRORS.attemptNotFound();
      let shape = shapes.get(attemptId);
      if (!shape) {
        const row = await db.selectFrom('quiz_attempts').selectAll().where('id', '=', attemptId).executeTakeFirst();
        if (!row) throw TRAINING_ERRORS.attemptNotFound();
        shape = shapeOf(row);
      }
      // Someone else's attempt is "not found": its existence is not the caller's business.
      if (shape.userId !== user.id) throw TRAINING_ERRORS.attemptNotFound();
      attemptCourseOr404(user, shape.course);
      const question = shape.questions.get(questionId);
      if (!question) throw TRAINING_ERRORS.unknownQuestion();
      if (!Object.hasOwn(body, 'answer')) throw missingField('answer');
      const parsed = parseAnswer(question, body.answer);
      if (!parsed.ok) throw TRAINING_ERRORS.invalidAnswer(parsed.error);
      const at = now();
      if (shape.deadline !== null && at >= shape.deadline) return classifyRefusedAnswer(user, attemptId);
      const answer = JSON.stringify(parsed.answer);
      const inserted = await sql`
        insert into quiz_answers (attempt_id, question_id, answer, answered_at)
        select id, ${questionId}, ${answer}, ${at} from quiz_attempts
        where id = ${attemptId} and user_id = ${user.id} and submitted_at is null and (deadline is null or deadline > ${at})${lockForShare}
        on conflict (attempt_id, question_id) do update set answer = excluded.answer, answered_at = excluded.answered_at`.execute(db);
      if (Number(inserted.numAffectedRows ?? 0) === 0) return classifyRefusedAnswer(user, attemptId);
      return { saved: true, questionId, answer: parsed.answer, answeredAt: iso(at)! };
    },

    async submit(user, attemptId) {
      const seen = await ownAttempt(user.id, attemptId);
      if (!seen) throw TRAINING_ERRORS.attemptNotFound();
      attemptCourseOr404(user, seen.course);
      // A replayed submit reads the stored grading; only an open attempt takes the lock.
      const row = seen.submitted_at !== null ? seen : await gradeAndClose(user, attemptId);
      if (!row) throw TRAINING_ERRORS.attemptNotFound();
      if (Number(row.passed) === 1) await issueIfStudied(user, attemptCourseOr404(user, row.course));
      return attemptView(row);
    },

    async openLesson(user, courseId, lessonId) {
      if (courseId === undefined || courseId === '') throw missingField('course');
      if (lessonId === undefined || lessonId === '') throw missingField('lesson');
      const course = courseOr404(user, courseId);
      const lesson = catalog.lessonId(course, lessonId);
      if (!lesson) throw TRAINING_ERRORS.lessonNotFound();
      // The browser's word that it opened the lesson proves nothing: only the server having
      // served the page to this learner does (recordLessonServed). This call confirms it.
      const served = await db.selectFrom('lesson_views').select('lesson').where('user_id', '=', user.id).where('lesson', '=', lesson).executeTakeFirst();
      if (!served) throw TRAINING_ERRORS.lessonNotServed();
      await issueIfStudied(user, course);
      return progressOf(user, course);
    },

    async recordLessonServed(user, urlPath) {
      const found = catalog.lessonAtPath(urlPath);
      if (!found || !readable(user, found.course)) return false;
      await db
        .insertInto('lesson_views')
        .values({ user_id: user.id, course: found.course.id, lesson: found.lesson, first_opened_at: now() })
        .onConflict((oc) => oc.columns(['user_id', 'lesson']).doNothing())
        .execute();
      return true;
    },

    async myLearning(user) {
      const courses = catalog.courses.filter((course) => readable(user, course));
      const readableIds = new Set(courses.map((c) => c.id));
      const [views, attemptRows, issued] = await Promise.all([
        db.selectFrom('lesson_views').select(['course', 'lesson']).where('user_id', '=', user.id).execute(),
        db.selectFrom('quiz_attempts').selectAll().where('user_id', '=', user.id).orderBy('number').execute(),
        certificates.listFor(user.id),
      ]);
      const ownRows = attemptRows.filter((row) => readableIds.has(row.course));
      const attempts = await Promise.all(ownRows.map((row) => closeIfExpired(row, user)));
      // A passed course whose reading time has run out since is completed now; an attempt graded
      // just now (its time was up) may have completed one too.
      const pending = courses.filter((c) => c.quiz && !issued.some((i) => i.course === c.id) && attempts.some((a) => a.course === c.id && Number(a.passed) === 1));
      for (const course of pending) await issueIfStudied(user, course);
      const certs = pending.length || attempts.some((a, i) => a !== ownRows[i]) ? await certificates.listFor(user.id) : issued;
      return {
        courses: courses.map((course) =>
          progressFrom(
            course,
            new Set(views.filter((v) => v.course === course.id).map((v) => v.lesson)),
            attempts.filter((a) => a.course === course.id),
            certs.find((c) => c.course === course.id),
          ),
        ),
        certificates: certs,
      };
    },
  };
}
