/**
 * Looks through a built site for anything that would let a learner read a quiz's answers:
 * an explanation (whole, or any sentence of it), a question id serialised next to an
 * `answer`/`correct`/`explanation` key (the JSON a careless plugin would ship), or the raw
 * YAML of a quiz file. Prompts and option texts are not secrets and are not looked for.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { QuizDefinition } from '../../src/domain/quiz';

export interface AnswerKeyLeak {
  readonly file: string;
  readonly kind: 'explanation' | 'answer-key' | 'raw-yaml';
  readonly detail: string;
}

interface QuizLike {
  readonly courseId: string;
  readonly quiz: Pick<QuizDefinition, 'questions'>;
}

/** Every file of a build, relative paths; precompressed copies are the same bytes compressed. */
export function builtFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return builtFiles(full, base);
    return /\.(br|gz)$/.test(name) ? [] : [path.relative(base, full).split(path.sep).join('/')];
  });
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Text as a reader of the file would see it: JS `\uXXXX` escapes and HTML entities undone. */
export function readable(raw: string): string {
  return collapse(
    raw
      .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
      .replace(/&#x([0-9a-fA-F]+);/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&'),
  );
}

/** An explanation and each of its sentences long enough not to occur by chance. */
function explanationNeedles(quizzes: readonly QuizLike[]): { text: string; source: string }[] {
  return quizzes.flatMap(({ courseId, quiz }) =>
    quiz.questions.flatMap((q) => {
      const whole = collapse(q.explanation);
      const sentences = whole.split(/(?<=[.؛!؟])\s+/).map((s) => s.trim()).filter((s) => s.length >= 30);
      return [...new Set([whole, ...sentences])].map((text) => ({ text, source: `${courseId}/${q.id}` }));
    }),
  );
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SECRET_KEY = /["']?\b(answer|explanation|correct|isCorrect)\b["']?\s*:/;
const YAML_ANSWER = /(^|\s)-?\s*answer:\s*\S/;
const YAML_EXPLANATION = /(^|\s)explanation:\s*\S/;
const YAML_QUESTIONS = /(^|\s)questions:\s/;

export function findAnswerKeyLeaks(dir: string, quizzes: readonly QuizLike[], files = builtFiles(dir)): AnswerKeyLeak[] {
  const needles = explanationNeedles(quizzes);
  const ids = quizzes.flatMap(({ quiz }) => quiz.questions.map((q) => q.id));
  const idPattern = ids.length ? new RegExp(`(?<![\\w-])(${ids.map(escapeRegExp).join('|')})(?![\\w-])`, 'g') : undefined;
  const leaks: AnswerKeyLeak[] = [];
  for (const file of files) {
    const raw = readFileSync(path.join(dir, file), 'utf8');
    const text = readable(raw);
    for (const needle of needles) {
      if (text.includes(needle.text)) leaks.push({ file, kind: 'explanation', detail: `${needle.source}: «${needle.text.slice(0, 60)}»` });
    }
    for (const match of idPattern ? text.matchAll(idPattern) : []) {
      const window = text.slice(Math.max(0, match.index - 300), match.index + match[0].length + 300);
      if (SECRET_KEY.test(window)) {
        leaks.push({ file, kind: 'answer-key', detail: `question ${match[0]} next to «${SECRET_KEY.exec(window)![0]}»` });
        break;
      }
    }
    if (YAML_QUESTIONS.test(raw) && YAML_ANSWER.test(raw) && YAML_EXPLANATION.test(raw)) {
      leaks.push({ file, kind: 'raw-yaml', detail: 'a quiz definition in YAML (questions:, answer:, explanation:)' });
    }
  }
  return leaks;
}
