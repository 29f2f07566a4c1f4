/**
 * Satisfaction surveys (نظرسنجی رضایت) after a course or a seminar: Likert ratings
 * (1 = کاملاً مخالفم … 5 = کاملاً موافقم) and a free comment. Results reach supervisors only in
 * groups of at least `minimum` answers, so no one's answer can be singled out.
 */
export type SurveyKind = 'course' | 'seminar';

export interface SurveyQuestion {
  readonly id: string;
  readonly text: string;
}

export const LIKERT_MIN = 1;
export const LIKERT_MAX = 5;
export const COMMENT_MAX = 2000;

export type RatingsCheck = { ok: true; ratings: Record<string, number> } | { ok: false; field: string; message: string };

const PERSIAN_DIGITS = (n: number) => n.toLocaleString('fa-IR');

/** Every question answered with a whole number 1–5, nothing else; the first problem names its field. */
export function checkRatings(questions: readonly SurveyQuestion[], given: Readonly<Record<string, unknown>>): RatingsCheck {
  const ratings: Record<string, number> = {};
  const extra = Object.keys(given).find((k) => !questions.some((q) => q.id === k));
  if (extra !== undefined) return { ok: false, field: `ratings.${extra}`, message: 'این پرسش در نظرسنجی نیست.' };
  for (const q of questions) {
    const value = given[q.id];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < LIKERT_MIN || value > LIKERT_MAX) {
      return { ok: false, field: `ratings.${q.id}`, message: `پاسخ پرسش «${q.text}» باید عددی درست از ${PERSIAN_DIGITS(LIKERT_MIN)} تا ${PERSIAN_DIGITS(LIKERT_MAX)} باشد.` };
    }
    ratings[q.id] = value;
  }
  return { ok: true, ratings };
}

export interface SurveyAnswer {
  readonly ratings: Readonly<Record<string, number>>;
  readonly comment: string | null;
}

export interface SurveyGroup {
  readonly key: string;
  readonly answers: number;
  /** True below the minimum: means, overall and comments are withheld. */
  readonly hidden: boolean;
  readonly means: Readonly<Record<string, number>> | null;
  /** The mean of every rating in the group (one decimal), for charts. */
  readonly overall: number | null;
  readonly comments: readonly string[] | null;
}

const oneDecimal = (x: number) => Math.round(x * 10) / 10;

/** One group's summary: the count always; means and comments only from `minimum` answers up. */
export function summariseGroup(questions: readonly SurveyQuestion[], minimum: number, key: string, answers: readonly SurveyAnswer[]): SurveyGroup {
  if (answers.length < minimum) return { key, answers: answers.length, hidden: true, means: null, overall: null, comments: null };
  const means: Record<string, number> = {};
  let sum = 0;
  let count = 0;
  for (const q of questions) {
    const given = answers.map((a) => a.ratings[q.id]).filter((v): v is number => typeof v === 'number');
    if (given.length === 0) continue;
    const total = given.reduce((s, v) => s + v, 0);
    means[q.id] = oneDecimal(total / given.length);
    sum += total;
    count += given.length;
  }
  return { key, answers: answers.length, hidden: false, means, overall: count ? oneDecimal(sum / count) : null, comments: answers.flatMap((a) => (a.comment ? [a.comment] : [])) };
}

/** Groups answers by a key (null: left out), each summarised, in Persian alphabetical order. */
export function groupAnswers<T extends SurveyAnswer>(rows: readonly T[], keyOf: (row: T) => string | null, questions: readonly SurveyQuestion[], minimum: number): SurveyGroup[] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    if (key === null) continue;
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  return [...groups].sort(([a], [b]) => a.localeCompare(b, 'fa')).map(([key, answers]) => summariseGroup(questions, minimum, key, answers));
}
