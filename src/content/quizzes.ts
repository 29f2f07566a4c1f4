/**
 * Loads `content/quizzes/<course-id>.yml`: each file validated by the quiz schema, then its
 * references checked: the course must exist, every cited clause must exist, and every
 * learner of the course must be able to open the cited regulation (a contractor's result
 * links to the clause). Used by the corpus (validation, build) and by the server, which reads
 * the answer keys itself: they never go into the site build.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { canSee, isAudience } from '../search/audience';
import { parseCite } from '../domain/quiz/cites';
import { parseLocatedYaml } from './front-matter';
import type { Problem } from './problems';
import { validateLocated } from './schema-problems';
import { quizSchema, type Quiz } from './schemas/quiz';

export const QUIZZES_DIR = 'content/quizzes';

export interface QuizEntry {
  /** The course the quiz belongs to: the file name without `.yml`. */
  readonly courseId: string;
  readonly file: string;
  readonly quiz: Quiz;
  readonly lineOf: (path: readonly PropertyKey[]) => number;
}

/** Every quiz file that passes its schema; the others' problems go to `problems`. */
export function loadQuizzes(siteDir: string, problems: Problem[]): QuizEntry[] {
  const dir = path.join(siteDir, QUIZZES_DIR);
  if (!existsSync(dir)) return [];
  const entries: QuizEntry[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isFile() || !/\.ya?ml$/.test(entry.name)) continue;
    const file = `${QUIZZES_DIR}/${entry.name}`;
    const yaml = parseLocatedYaml(file, readFileSync(path.join(dir, entry.name), 'utf8'));
    const { value, problems: found } = validateLocated(file, yaml, quizSchema);
    problems.push(...found);
    const courseId = entry.name.replace(/\.ya?ml$/, '');
    if (!existsSync(path.join(siteDir, 'content/courses', `${courseId}.yml`))) {
      problems.push({ file, line: 1, field: '(file)', message: `no course "${courseId}": a quiz is named after its course (content/courses/${courseId}.yml)` });
    }
    if (value) entries.push({ courseId, file, quiz: value, lineOf: yaml.lineOf });
  }
  return entries.sort((a, b) => a.courseId.localeCompare(b.courseId));
}

/** What the reference check needs to know about the rest of the corpus. */
export interface QuizReferenceTargets {
  /** Course id → the audiences it is for. */
  readonly courses: ReadonlyMap<string, readonly string[]>;
  /** Regulation code → its file, clause anchors and audience (undefined when the file is invalid). */
  readonly regulations: ReadonlyMap<string, { readonly file: string; readonly anchors: ReadonlySet<string>; readonly audience?: readonly string[] }>;
}

export function checkQuizReferences(quizzes: readonly QuizEntry[], targets: QuizReferenceTargets, problems: Problem[]): void {
  for (const entry of quizzes) {
    // A missing course is reported by `loadQuizzes`; an invalid one by its own file.
    const audiences = targets.courses.get(entry.courseId);
    entry.quiz.questions.forEach((question, i) => {
      question.cites.forEach((cite, j) => {
        const at = { file: entry.file, line: entry.lineOf(['questions', i, 'cites', j]), field: `questions.${i}.cites.${j}` };
        const { code, anchor } = parseCite(cite)!;
        const regulation = targets.regulations.get(code);
        if (!regulation) {
          problems.push({ ...at, message: `no regulation with code ${code}` });
        } else if (!regulation.anchors.has(anchor)) {
          problems.push({ ...at, message: `${code} (${regulation.file}) has no clause #${anchor}` });
        } else if (audiences && regulation.audience) {
          const blind = audiences.filter((a) => isAudience(a) && !canSee(a, regulation.audience!));
          if (blind.length) {
            problems.push({ ...at, message: `${code} is not published for ${blind.join(', ')}, who take this course: cite a regulation they can read` });
          }
        }
      });
    });
  }
}

/**
 * The reference targets: every regulation file in `docs/` with a code, valid or not (a file
 * with a bad date is still the regulation its code names: its own problem is reported once,
 * not again by each quiz citing it), the audience of the valid ones, and the courses.
 */
export function quizReferenceTargets(
  targets: ReadonlyMap<string, { readonly file: string; readonly clauses: readonly { readonly anchor: string }[] }>,
  regulations: ReadonlyMap<string, { readonly frontMatter: { readonly audience: readonly string[] } }>,
  courses: readonly { readonly id: string; readonly course: { readonly audience: readonly string[] } }[],
): QuizReferenceTargets {
  return {
    courses: new Map(courses.map((c) => [c.id, c.course.audience])),
    regulations: new Map(
      [...targets].map(([code, t]) => [code, { file: t.file, anchors: new Set(t.clauses.map((c) => c.anchor)), audience: regulations.get(code)?.frontMatter.audience }]),
    ),
  };
}
