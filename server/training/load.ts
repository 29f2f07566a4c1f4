/**
 * The training catalog from the site's content, read and validated by the same corpus loader
 * as the build (`src/content/corpus.ts`): courses and lessons, the quizzes with their answer
 * keys (`content/quizzes/`, which the build never ships), links to cited clauses in the text in
 * force, and the editions. A quiz file with any problem is left out (and reported), so a
 * learner is never graded against a key the validator refused.
 */
import type { Corpus } from '../../src/content/corpus';
import { getCorpus } from '../../src/content/index';
import { linkTarget } from '../../src/content/editions';
import type { Problem } from '../../src/content/problems';
import { asQuizDefinition } from '../../src/content/schemas/quiz';
import { todayInTehran } from '../../src/domain/editions';
import { createCatalog, type TrainingCatalog } from './catalog';

/** `courses/meter-reading/01-schedule-routes.mdx` → `meter-reading/01-schedule-routes`. */
export const lessonIdOfFile = (file: string) => file.replace(/^courses\//, '').replace(/\.mdx?$/, '');

export function catalogFromCorpus(corpus: Corpus): { catalog: TrainingCatalog; problems: Problem[] } {
  const quizProblems = corpus.problems.filter((p) => p.file.startsWith('content/quizzes/'));
  const broken = new Set(quizProblems.map((p) => p.file));
  const catalog = createCatalog({
    courses: corpus.courses.map((entry) => {
      const quiz = corpus.quizzes.find((q) => q.courseId === entry.id && !broken.has(q.file));
      return {
        id: entry.id,
        title: entry.course.title,
        lessons: entry.lessons.map((l) => lessonIdOfFile(l.file)),
        ...(quiz ? { quiz: asQuizDefinition(quiz.quiz) } : {}),
      };
    }),
    regulationPath: regulationPathsByDay(corpus),
    editions: corpus.editions.map((e) => e.entry),
  });
  return { catalog, problems: quizProblems };
}

/**
 * A regulation's page (the text in force today) by code. Today's Jalali date is cheap to read
 * but not free (Intl), and a graded attempt asks for a dozen links: both are remembered, the
 * date for a minute and the links for the day.
 */
function regulationPathsByDay(corpus: Corpus): (code: string) => string | undefined {
  let checkedAt = 0;
  let day = '';
  let paths = new Map<string, string | undefined>();
  return (code) => {
    const now = Date.now();
    if (now - checkedAt > 60_000) {
      const today = todayInTehran(new Date(now));
      const key = `${today.year}/${today.month}/${today.day}`;
      if (key !== day) paths = new Map();
      day = key;
      checkedAt = now;
    }
    if (!paths.has(code)) {
      const [year, month, dayOfMonth] = day.split('/').map(Number) as [number, number, number];
      paths.set(code, linkTarget(corpus, code, { year, month, day: dayOfMonth })?.permalink);
    }
    return paths.get(code);
  };
}

/** The process's one reading of the content (shared with seminars and search): about a second saved per reader. */
export function loadTrainingCatalog(contentRoot: string): { catalog: TrainingCatalog; problems: Problem[] } {
  return catalogFromCorpus(getCorpus(contentRoot));
}
