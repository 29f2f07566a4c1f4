/** What the theme needs to know about the corpus, as plain JSON (no file paths, no bodies). */
import type { Corpus } from '../../src/content/corpus';
import type { GlossaryEntry } from '../../src/content/schemas/glossary';
import { formatJalaliIso } from '../../src/domain/jalali';

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
}

export interface AyinSiteData {
  readonly taxonomy: Corpus['taxonomy'];
  readonly regulations: Readonly<Record<string, RegulationSummary>>;
  readonly courses: readonly CourseSummary[];
  readonly glossary: readonly GlossaryEntry[];
}

export function toSiteData(corpus: Corpus): AyinSiteData {
  const regulations = Object.fromEntries(
    [...corpus.regulations.values()]
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
  const courses = corpus.courses.map(({ id, course, lessons }) => ({
    id,
    title: course.title,
    summary: course.summary,
    level: course.level,
    durationHours: course.durationHours,
    lessons: lessons.length,
    permalink: `/courses/${id}`,
  }));
  return { taxonomy: corpus.taxonomy, regulations, courses, glossary: corpus.glossary };
}
