/**
 * What the training server knows about courses: titles, lessons, quizzes (with their answer
 * keys: this never leaves the server), where cited clauses live, and which edition of the
 * regulations is in force. Built once at start from the validated content (`fromCorpus`), or
 * from plain data in tests.
 */
import { resolveEditionAt, todayInTehran, type DatedEdition } from '../../src/domain/editions';
import { toPersianDigits } from '../../src/domain/digits';
import { parseCite, type QuizDefinition } from '../../src/domain/quiz';

export interface TrainingCourse {
  readonly id: string;
  readonly title: string;
  /** Lesson ids (`meter-reading/01-schedule-routes`), in order; all required for completion. */
  readonly lessons: readonly string[];
  readonly quiz?: QuizDefinition;
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
}

export interface TrainingCatalog {
  readonly courses: readonly TrainingCourse[];
  course(id: unknown): TrainingCourse | undefined;
  /** The canonical id of a lesson of `course`, accepting the doc id with or without its `NN-` prefix. */
  lessonId(course: TrainingCourse, given: unknown): string | undefined;
  citeLink(cite: string): CitedClause;
  /** The name of the edition in force at `ms` (`1404-09`), or «متن جاری» without editions. */
  editionAt(ms: number): string;
}

export const CURRENT_TEXT = 'متن جاری';

/** `1404-09` → «ویرایش ۱۴۰۴/۰۹»; anything else as it is. */
export function editionLabel(name: string): string {
  return /^\d{4}-\d{2}$/.test(name) ? `ویرایش ${toPersianDigits(name.replace('-', '/'))}` : name;
}

const stripNumberPrefix = (id: string) => id.replace(/(^|\/)\d+[-_.]/g, '$1');

export function createCatalog(input: CatalogInput): TrainingCatalog {
  const byId = new Map(input.courses.map((c) => [c.id, c]));
  return {
    courses: input.courses,
    course: (id) => (typeof id === 'string' ? byId.get(id) : undefined),
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
