/**
 * The corpus as the stale flags read it: every published edition's texts (all audiences:
 * a flag is for editors), plus `docs/` as the upcoming text when it differs from the newest
 * edition, and every question and lesson with the clauses it cites.
 */
import { regulationText } from '../../plugins/editions/history-data';
import type { EditionTexts, RegulationText } from '../domain/edition-history';
import type { Citer } from '../domain/training/stale';
import type { Corpus } from './corpus';

/** The id of the upcoming text in flags and reviews: what `docs/` will publish. */
export const NEXT_EDITION = 'next';

/** `courses/meter-reading/01-schedule-routes.mdx` → `meter-reading/01-schedule-routes` (the manifest's lesson id). */
const lessonId = (file: string) => file.replace(/^courses\//, '').replace(/\.mdx?$/, '');

export function editionHistory(corpus: Corpus, { withNext = true } = {}): EditionTexts[] {
  // A text `docs/` marks repealed is gone from the upcoming edition, as if its file were removed.
  const texts = (regs: Corpus['regulations']) =>
    new Map<string, RegulationText>([...regs].filter(([, reg]) => reg.frontMatter.status !== 'repealed').map(([code, reg]) => [code, regulationText(corpus, reg)]));
  const editions: EditionTexts[] = corpus.editions.map((e) => ({ name: e.name, texts: texts(e.regulations) }));
  // Without published editions docs/ is the only text: nothing to compare it with.
  if (withNext && editions.length) editions.push({ name: NEXT_EDITION, texts: texts(corpus.regulations) });
  return editions;
}

export function citersOf(corpus: Corpus): Citer[] {
  const questions = corpus.quizzes.flatMap((q) => q.quiz.questions.map((question): Citer => ({ kind: 'question', id: question.id, course: q.courseId, cites: question.cites })));
  const lessons = corpus.courses.flatMap((c) => c.lessons.map((l): Citer => ({ kind: 'lesson', id: lessonId(l.file), course: c.id, cites: l.lesson.cites })));
  return [...questions, ...lessons];
}
