/**
 * What proves a lesson was studied (the rule is stated in README.md, "Proof of study"). Pure:
 * the service passes in when the server served each lesson page and the time now.
 *
 * - A lesson counts as opened only once the server has served its page to the signed-in
 *   learner (the static server records it; the browser's own report is not believed).
 * - The course can complete only when every lesson has been open at least its minimum reading
 *   time, and the time since the first lesson was served is at least the sum of them (opening
 *   every page at once and waiting for the longest is not reading them all).
 */

export interface StudyRule {
  /** A fast reader's pace; the minimum of a lesson is its words at this pace. */
  readonly wordsPerMinute: number;
  /** No lesson takes less than this, however short. */
  readonly floorMs: number;
}

export const DEFAULT_STUDY_RULE: StudyRule = { wordsPerMinute: 300, floorMs: 20_000 };

export function minimumReadingMs(words: number, rule: StudyRule = DEFAULT_STUDY_RULE): number {
  const reading = rule.wordsPerMinute > 0 && Number.isFinite(rule.wordsPerMinute) ? Math.ceil((Math.max(0, words) / rule.wordsPerMinute) * 60_000) : 0;
  return Math.max(rule.floorMs, reading);
}

export interface LessonStudy {
  readonly lesson: string;
  readonly words: number;
  /** When the server first served its page to the learner (epoch ms); undefined: never. */
  readonly servedAt: number | undefined;
}

export type StudyVerdict = { readonly studied: true } | { readonly studied: false; readonly reason: 'not-served'; readonly lessons: readonly string[] } | { readonly studied: false; readonly reason: 'too-soon'; readonly msLeft: number };

export function courseStudied(lessons: readonly LessonStudy[], now: number, rule: StudyRule = DEFAULT_STUDY_RULE): StudyVerdict {
  const unserved = lessons.filter((l) => l.servedAt === undefined).map((l) => l.lesson);
  if (unserved.length) return { studied: false, reason: 'not-served', lessons: unserved };
  if (!lessons.length) return { studied: true };
  let msLeft = 0;
  let total = 0;
  let first = Infinity;
  for (const l of lessons) {
    const minimum = minimumReadingMs(l.words, rule);
    total += minimum;
    first = Math.min(first, l.servedAt!);
    msLeft = Math.max(msLeft, l.servedAt! + minimum - now);
  }
  msLeft = Math.max(msLeft, first + total - now);
  return msLeft > 0 ? { studied: false, reason: 'too-soon', msLeft } : { studied: true };
}
