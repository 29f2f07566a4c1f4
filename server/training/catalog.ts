/**
 * What the training server knows about courses: titles, audiences, lessons (their pages and
 * lengths), quizzes (with their answer keys: this never leaves the server), where cited clauses
 * live, and which edition of the regulations is in force. Built from the build's private
 * manifest (`load.ts`), or from plain data in tests.
 */
import { resolveEditionAt, todayInTehran, type DatedEdition } from '../../src/domain/editions';
import { toPersianDigits } from '../../src/domain/digits';
import { parseCite, type QuizDefinition } from '../../src/domain/quiz';
import type { StaleCite, StaleFlag } from '../../src/domain/training/stale';

/** A stale flag as the manifest holds it: each cite says whether its change is material (absent: material). */
export type CatalogStaleFlag = Omit<StaleFlag, 'cites'> & { readonly cites: readonly (StaleCite & { readonly material?: boolean })[] };

export interface TrainingLesson {
  readonly id: string;
  /** The lesson's page (`/courses/meter-reading/schedule-routes`). */
  readonly permalink: string;
  /** Words of its text: the minimum reading time follows from it. */
  readonly words: number;
}

export interface TrainingCourse {
  readonly id: string;
  readonly title: string;
  /** Who may take it (front matter `audience`); a reader outside it finds no such course. */
  readonly audience: readonly string[];
  /** Lesson ids (`meter-reading/01-schedule-routes`), in order; all required for completion. */
  readonly lessons: readonly string[];
  /** The lessons' pages and lengths (a lesson missing here has no page and a zero length). */
  readonly lessonPages?: readonly TrainingLesson[];
  readonly quiz?: QuizDefinition;
  /** Question ids no longer drawn (their cited clause was repealed); still graded in attempts that drew them. */
  readonly retiredQuestions?: readonly string[];
  /** Months a completion holds (recertification); absent: no limit. */
  readonly validForMonths?: number;
}

export interface CitedClause {
  readonly code: string;
  readonly anchor: string;
  /** «ماده ۴، تبصره ۱». */
  readonly label: string;
  /** Site path of the clause, e.g. `/regulations/energy-sales/es-003#ماده-۴`; null if unknown. */
  readonly url: string | null;
}

export interface CatalogInput {
  readonly courses: readonly TrainingCourse[];
  /** A regulation's page path by code (the text in force), for links from results. */
  readonly regulationPath: (code: string) => string | undefined;
  /** Published editions; empty when the site keeps none. */
  readonly editions: readonly DatedEdition[];
  /** «نیازمند بازبینی»: what the build found citing a changed clause (reviews are the database's). */
  readonly staleFlags?: readonly CatalogStaleFlag[];
}

export interface TrainingCatalog {
  readonly courses: readonly TrainingCourse[];
  course(id: unknown): TrainingCourse | undefined;
  /** The canonical id of a lesson of `course`, accepting the doc id with or without its `NN-` prefix. */
  lessonId(course: TrainingCourse, given: unknown): string | undefined;
  /** The course and lesson whose page is at `urlPath` (as requested, percent-encoded or not). */
  lessonAtPath(urlPath: string): { course: TrainingCourse; lesson: string } | undefined;
  /** Words of a lesson's text (0 when unknown). */
  lessonWords(course: TrainingCourse, lesson: string): number;
  citeLink(cite: string): CitedClause;
  /** The name of the edition in force at `ms` (`1404-09`), or «متن جاری» without editions. */
  editionAt(ms: number): string;
  readonly staleFlags: readonly CatalogStaleFlag[];
  /** Published editions, oldest first. */
  readonly editions: readonly DatedEdition[];
}

export const CURRENT_TEXT = 'متن جاری';

/** `1404-09` → «ویرایش ۱۴۰۴/۰۹»; anything else as it is. */
export function editionLabel(name: string): string {
  return /^\d{4}-\d{2}$/.test(name) ? `ویرایش ${toPersianDigits(name.replace('-', '/'))}` : name;
}

const stripNumberPrefix = (id: string) => id.replace(/(^|\/)\d+[-_.]/g, '$1');

const decodePath = (urlPath: string) => {
  try {
    return decodeURIComponent(urlPath).replace(/\/+$/, '');
  } catch {
    return undefined;
  }
};

export function createCatalog(input: CatalogInput): TrainingCatalog {
  const byId = new Map(input.courses.map((c) => [c.id, c]));
  const byPage = new Map(input.courses.flatMap((course) => (course.lessonPages ?? []).map((l) => [l.permalink, { course, lesson: l.id }] as const)));
  const words = new Map(input.courses.flatMap((course) => (course.lessonPages ?? []).map((l) => [`${course.id}\n${l.id}`, l.words] as const)));
  return {
    courses: input.courses,
    staleFlags: input.staleFlags ?? [],
    editions: input.editions,
    course: (id) => (typeof id === 'string' ? byId.get(id) : undefined),
    lessonAtPath(urlPath) {
      const decoded = decodePath(urlPath.split('?')[0]!);
      return decoded === undefined ? undefined : byPage.get(decoded);
    },
    lessonWords: (course, lesson) => words.get(`${course.id}\n${lesson}`) ?? 0,
    lessonId(course, given) {
      if (typeof given !== 'string') return undefined;
      const wanted = stripNumberPrefix(given.replace(/^\/?courses\//, '').replace(/\/$/, ''));
      return course.lessons.find((l) => l === given || stripNumberPrefix(l) === wanted);
    },
    citeLink(cite) {
      const parsed = parseCite(cite);
      if (!parsed) return { code: cite, anchor: '', label: cite, url: null };
      const page = input.regulationPath(parsed.code);
      return { ...parsed, url: page ? `${page}#${parsed.anchor}` : null };
    },
    editionAt(ms) {
      const at = resolveEditionAt(input.editions, todayInTehran(new Date(ms)));
      return at.status === 'in-force' ? at.edition.name : CURRENT_TEXT;
    },
  };
}

/**
 * A catalog that always answers from `current()` (the manifest in force): a new build swapped
 * in is served without a restart. Built catalogs are remembered per manifest, so a request
 * costs one identity check.
 */
export function liveCatalog<M extends object>(current: () => M, build: (manifest: M) => TrainingCatalog): TrainingCatalog {
  let seen: M | undefined;
  let catalog: TrainingCatalog | undefined;
  const now = () => {
    const manifest = current();
    if (manifest !== seen || !catalog) {
      catalog = build(manifest);
      seen = manifest;
    }
    return catalog;
  };
  return {
    get courses() {
      return now().courses;
    },
    course: (id) => now().course(id),
    lessonId: (course, given) => now().lessonId(course, given),
    lessonAtPath: (urlPath) => now().lessonAtPath(urlPath),
    lessonWords: (course, lesson) => now().lessonWords(course, lesson),
    citeLink: (cite) => now().citeLink(cite),
    editionAt: (ms) => now().editionAt(ms),
    get staleFlags() {
      return now().staleFlags;
    },
    get editions() {
      return now().editions;
    },
  };
}
