/**
 * The database's tables as TypeScript types: the one description of the schema that queries
 * are checked against. Migrations (`migrations/`) create the same shape on SQLite and
 * PostgreSQL.
 *
 * Times are epoch milliseconds (`bigint` columns, read back as JS numbers on both dialects):
 * integer comparisons behave the same everywhere, unlike text timestamps under a collation.
 */
import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';

import type { Role } from '../../src/api/roles';

// The role list lives in the API contract; the CHECK of migration 001 lists the same (a test says so).
export { ROLES, type Role } from '../../src/api/roles';

export interface UsersTable {
  /** A random UUID: ids appear in URLs and must not be guessable in sequence. */
  id: string;
  username: string;
  /** Persian, as shown in the UI and printed on certificates. */
  display_name: string;
  role: Role;
  /** The contractor company; required for contractors (a CHECK constraint), null otherwise. */
  company: string | null;
  /** The company (migration 005) this user works for; the free-text `company` migrated to it. */
  company_id: string | null;
  /** The service unit (امور) this user belongs to (migration 005). */
  unit_id: string | null;
  /** `scrypt$N$r$p$salt$hash` (see server/accounts/password.ts). */
  password_hash: string;
  created_at: number;
  /** When the account was disabled; null while it is active. */
  disabled_at: number | null;
  /** Where reminders are mailed (migration 011), lower-case, unique; null: in-app only. */
  email: ColumnType<string | null, string | null | undefined, string | null>;
  /** 1: mail me reminders (the default); 0: the inbox only. */
  email_opt_in: ColumnType<number, number | undefined, number>;
  /** For SMS reminders (migration 011), digits with an optional leading +; null: none. */
  phone: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SessionsTable {
  /** SHA-256 (hex) of the cookie token: a leaked table cannot be replayed as cookies. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: number;
  /** min(created_at + absolute lifetime, last_seen_at + idle lifetime). */
  expires_at: number;
  last_seen_at: number;
  /** When the user last re-entered their password in this session (migration 004); null: never. */
  confirmed_at: number | null;
}

/**
 * Sign-in attempts (server/accounts/rate-limit.ts): a failed one, or one whose password is being
 * checked, one row per key (`pair:10.0.0.7|ali`, `ip:10.0.0.7`, `user:ali`).
 */
export interface LoginAttemptsTable {
  key: string;
  attempted_at: number;
  /** The attempt's rows share it (migration 004), so they can be taken back together; null in older rows. */
  ticket: string | null;
}

/**
 * Admin actions (migration 004), append-only: no route or function changes or deletes a row,
 * and triggers refuse UPDATE and DELETE on both dialects.
 */
export interface AuditLogTable {
  /** A random UUID. */
  id: string;
  at: number;
  /** The admin's user id and username as they were; null actor_id for the command line. */
  actor_id: string | null;
  actor: string;
  /** `user.create`, `user.disable`, `user.role`, `contractors.import`. */
  action: string;
  /** The username acted on, or the number of imported users. */
  target: string;
  /** JSON with what else matters (the role given, the imported usernames). */
  detail: string;
  /** The client's address (a trusted proxy's X-Forwarded-For), or `cli`. */
  address: string;
}

/** One quiz attempt (server/training): the questions drawn for it are fixed when it starts. */
export interface QuizAttemptsTable {
  /** A random UUID: it is in URLs, and someone else's id must not be guessable. */
  id: string;
  user_id: string;
  course: string;
  /** 1, 2, …: unique per user and course, so the attempt limit holds under races. */
  number: number;
  seed: string;
  /** JSON `[{ id, options: string[] | null }]`: question ids and option order as shown. */
  questions: string;
  started_at: number;
  /** Started + time limit; null without a limit. The server's clock decides. */
  deadline: number | null;
  submitted_at: number | null;
  /** Percent, 0–100; set with `submitted_at`. */
  score: number | null;
  /** 0 or 1 (SQLite has no boolean). */
  passed: number | null;
  /** JSON of the graded result; set with `submitted_at`. */
  result: string | null;
}

/** The latest answer to one question of an attempt (upserted as the learner answers). */
export interface QuizAnswersTable {
  attempt_id: string;
  question_id: string;
  /** JSON of the answer as parsed by the quiz domain. */
  answer: string;
  answered_at: number;
}

/** A lesson a learner opened, once (the first time). `lesson` is the doc id `course/NN-slug`. */
export interface LessonViewsTable {
  user_id: string;
  course: string;
  lesson: string;
  first_opened_at: number;
}

/** An issued certificate, with the names as printed on it. */
export interface CertificatesTable {
  /** Verification code: 10 characters, the last a check character (server/certificates/code.ts). */
  code: string;
  user_id: string;
  course: string;
  /** The passed attempt it was issued for. */
  attempt_id: string;
  issued_at: number;
  /** The edition of the regulations in force at issue (`1404-09`), or «متن جاری». */
  edition: string;
  learner_name: string;
  company: string | null;
  course_title: string;
  /** The last refresher passed (migration 010); the completion then rests on `renewed_edition`. */
  renewed_at: ColumnType<number | null, number | null | undefined, number | null>;
  renewed_edition: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A refresher taken after a cited clause changed materially (migration 010). */
export interface RefresherAttemptsTable {
  id: string;
  user_id: string;
  course: string;
  certificate_code: string;
  /** JSON: edition names. */
  editions: string;
  /** JSON: [{ id, options }]. */
  questions: string;
  /** Jalali `1404/10/01`. */
  due_on: string;
  started_at: number;
  submitted_at: number | null;
  score: number | null;
  passed: number | null;
  result: string | null;
}

/** Taken seats per seminar (migration 003): the counter a registration takes a seat from. */
export interface SeminarSeatsTable {
  /** The seminar's content id (`content/seminars/<id>.yml`). */
  seminar_id: string;
  taken: number;
}

export interface SeminarRegistrationsTable {
  seminar_id: string;
  user_id: string;
  registered_at: number;
  /** null: not marked yet; 1 present; 0 absent. */
  attended: number | null;
  attendance_marked_by: string | null;
  attendance_marked_at: number | null;
}

/** A contractor company or a service unit (migration 005). */
export interface OrganisationsTable {
  id: string;
  /** The id front matter names (`content/organisations.yml`); null for a company migrated from free text. */
  code: string | null;
  /** Persian, unique. */
  name: string;
  created_at: number;
}

/** Editorial workflow (migration 006): the present state of each changed content file. */
export interface EditorialChangesTable {
  /** The content file, relative to the content root (`docs/connection-sales/cs-002.mdx`). */
  path: string;
  state: string;
  text_hash: string;
  /** JSON list of the user ids who edited it since its last approval. */
  authors: string;
  approved_hash: string | null;
  approved_by: string | null;
  since: number;
}

/** Its append-only trail (triggers refuse UPDATE and DELETE). */
export interface EditorialTransitionsTable {
  id: string;
  path: string;
  seq: number;
  action: string;
  from_state: string;
  to_state: string;
  by_user_id: string;
  at: number;
  text_hash: string;
  reason: string | null;
}

/** An editor's review of a stale flag (migration 007): the (question or lesson, edition) it clears. */
export interface StaleReviewsTable {
  kind: 'question' | 'lesson';
  course: string;
  item_id: string;
  edition: string;
  reviewed_by: string;
  reviewer_name: string;
  reviewed_at: number;
}

/** One user's acknowledgment of one text of an announcement (migration 008). */
export interface AcknowledgmentsTable {
  id: string;
  /** The announcement's file name without extension (the manifest's id). */
  announcement_id: string;
  user_id: string;
  /** sha256 (hex) of the text acknowledged, as the manifest had it. */
  text_sha256: string;
  /** The user's role, company and unit when they acknowledged. */
  role: string;
  company_id: string | null;
  company_name: string | null;
  unit_id: string | null;
  acknowledged_at: number;
  /** The client's address as the server sees it (a trusted proxy's X-Forwarded-For). */
  address: string;
}

/** The approver's decision on one edition that changed a regulation an announcement is about (migration 013). */
export interface ReacknowledgmentDecisionsTable {
  announcement_id: string;
  edition: string;
  /** 1: readers must acknowledge again; 0: existing acknowledgments stand. */
  required: number;
  decided_by: string | null;
  decided_by_name: string;
  decided_at: number;
}

/** A mail to send, or sent (migration 008); retried with backoff until it is. */
export interface OutboxTable {
  id: string;
  /** What it is about, unique: `reminder:<announcement>:<user>:<kind>:<step>`. */
  key: string;
  user_id: string | null;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  created_at: number;
  attempts: number;
  next_attempt_at: number;
  sent_at: number | null;
  last_error: string | null;
  /** `email` or `sms` (migration 011): which transport sends it. */
  channel: ColumnType<string, string | undefined, string>;
}

/** A reminder (or escalation) the runner decided, once per key (migration 011). */
export interface RemindersTable {
  key: string;
  announcement_id: string;
  /** Whom it is for: the reader reminded, or the supervisor an escalation went to. */
  user_id: string;
  kind: string;
  step: number;
  decided_at: number;
}

/** A reader's suggestion on a clause (migration 009), closed by an editor's answer. */
export interface ClauseFeedbackTable {
  id: string;
  author_id: string;
  regulation_code: string;
  /** '' for the regulation as a whole. */
  clause_anchor: string;
  /** The edition read, or `current` (docs/). */
  edition: string;
  text: string;
  created_at: number;
  answer: string | null;
  answered_by: string | null;
  answered_at: number | null;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  quiz_attempts: QuizAttemptsTable;
  quiz_answers: QuizAnswersTable;
  lesson_views: LessonViewsTable;
  certificates: CertificatesTable;
  seminar_seats: SeminarSeatsTable;
  seminar_registrations: SeminarRegistrationsTable;
  audit_log: AuditLogTable;
  companies: OrganisationsTable;
  units: OrganisationsTable;
  editorial_changes: EditorialChangesTable;
  editorial_transitions: EditorialTransitionsTable;
  stale_reviews: StaleReviewsTable;
  refresher_attempts: RefresherAttemptsTable;
  acknowledgments: AcknowledgmentsTable;
  reacknowledgment_decisions: ReacknowledgmentDecisionsTable;
  outbox: OutboxTable;
  reminders: RemindersTable;
  clause_feedback: ClauseFeedbackTable;
  survey_responses: SurveyResponsesTable;
  xapi_outbox: XapiOutboxTable;
}

/** An xAPI statement for the learning record store (migration 015), retried with backoff until sent. */
export interface XapiOutboxTable {
  /** The statement's id (UUID). */
  id: string;
  /** The event, unique: `attempt:<id>:graded`, `completion:<code>`, `refresher:<id>`. */
  key: string;
  user_id: string | null;
  verb: string;
  /** JSON of the statement. */
  statement: string;
  created_at: number;
  attempts: number;
  next_attempt_at: number;
  sent_at: number | null;
  last_error: string | null;
  last_failed_at: number | null;
}

/** One learner's satisfaction survey of a course or a seminar (migration 012). */
export interface SurveyResponsesTable {
  kind: 'course' | 'seminar';
  /** The course id or the seminar id. */
  subject: string;
  user_id: string;
  company: string | null;
  /** The learner's organisation at answering (migration 016); results group by it. */
  company_id: ColumnType<string | null, string | null | undefined, string | null>;
  unit: string | null;
  presenter: string | null;
  /** JSON: { question id: 1..5 }. */
  ratings: string;
  comment: string | null;
  answered_at: number;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type QuizAttemptRow = Selectable<QuizAttemptsTable>;
export type CertificateRow = Selectable<CertificatesTable>;
export type RefresherAttemptRow = Selectable<RefresherAttemptsTable>;
export type AuditRow = Selectable<AuditLogTable>;
