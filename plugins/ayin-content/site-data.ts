/** What the theme needs to know about the corpus, as plain JSON (no file paths, no bodies). */
import { inBuild, type BuildAudience } from '../../src/content/build-audience';
import type { Corpus } from '../../src/content/corpus';
import { ROUTES } from '../../src/content/corpus';
import { editionForDate, listedRegulations } from '../../src/content/editions';
import type { GlossaryEntry } from '../../src/content/schemas/glossary';
import { formatJalaliIso, type JalaliDate } from '../../src/domain/jalali';
import { quizMeta, type QuizMeta } from '../../src/domain/quiz';

export interface RegulationSummary {
  readonly title: string;
  readonly permalink: string;
  readonly area: string;
  readonly type: string;
  readonly status: string;
  /** Jalali, `1404/09/01`. */
  readonly inForceFrom: string;
  readonly description?: string;
  readonly supersedes: readonly string[];
}

export interface CourseSummary {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly level: string;
  readonly durationHours: number;
  readonly lessons: number;
  readonly permalink: string;
  /** The course quiz's meta only: its questions, answers and explanations stay on the server. */
  readonly quiz?: QuizMeta;
}

export interface EditionSummary {
  readonly name: string;
  /** Jalali, `1404/09/01`. */
  readonly effective: string;
  readonly notification: { readonly number: string; readonly date: string };
  readonly summary: string;
}

export interface AyinSiteData {
  readonly taxonomy: Corpus['taxonomy'];
  /** Where the listed edition's regulations live: `/regulations/1404-09`, or `/regulations` without editions. */
  readonly regulationsBase: string;
  /** Published editions, oldest first (empty without editions); which is in force is decided when viewed. */
  readonly editions: readonly EditionSummary[];
  readonly regulations: Readonly<Record<string, RegulationSummary>>;
  readonly courses: readonly CourseSummary[];
  readonly glossary: readonly GlossaryEntry[];
}

/**
 * Only what this build's readers may see goes in: global data is in every page's bundle.
 * The regulations listed are the edition in force when the site was built (pages recheck
 * at viewing time); the build decides which audience (src/content/build-audience.ts).
 */
export function toSiteData(corpus: Corpus, audience: BuildAudience, today: JalaliDate): AyinSiteData {
  const regulations = Object.fromEntries(
    [...listedRegulations(corpus, today).values()]
      .filter((reg) => inBuild(audience, reg.frontMatter.audience))
      .sort((a, b) => a.frontMatter.code.localeCompare(b.frontMatter.code))
      .map(({ frontMatter: fm, permalink, area }): [string, RegulationSummary] => [
        fm.code,
        {
          title: fm.title,
          permalink,
          area,
          type: fm.type,
          status: fm.status,
          inForceFrom: formatJalaliIso(fm.inForceFrom),
          description: fm.description,
          supersedes: fm.supersedes,
        },
      ]),
  );
  const courses = corpus.courses.filter(({ course }) => inBuild(audience, course.audience)).map(({ id, course, lessons }) => ({
    id,
    title: course.title,
    summary: course.summary,
    level: course.level,
    durationHours: course.durationHours,
    lessons: lessons.length,
    permalink: `/courses/${id}`,
    ...quizOf(corpus, id),
  }));
  // Glossary terms are general vocabulary, written for everyone.
  const listed = editionForDate(corpus, today);
  const editions = corpus.editions.map(({ entry }) => ({
    name: entry.name,
    effective: formatJalaliIso(entry.effective),
    notification: { number: entry.notification.number, date: formatJalaliIso(entry.notification.date) },
    summary: entry.summary,
  }));
  const regulationsBase = listed ? `${ROUTES.regulations}/${listed.name}` : ROUTES.regulations;
  return { taxonomy: corpus.taxonomy, regulationsBase, editions, regulations, courses, glossary: corpus.glossary };
}

function quizOf(corpus: Corpus, courseId: string): { quiz?: QuizMeta } {
  const entry = corpus.quizzes.find((q) => q.courseId === courseId);
  return entry ? { quiz: quizMeta(entry.quiz) } : {};
}
