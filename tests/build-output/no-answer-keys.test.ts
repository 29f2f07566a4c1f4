/**
 * No answer key in any file of any build (issue 5): the site carries a quiz's meta only; the
 * server reads `content/quizzes/` itself. The first block shows the checker catches what it
 * is meant to catch; the second runs it on every `build/<audience>/`, and a missing one fails.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_AUDIENCES } from '../../src/content/build-audience';
import type { Problem } from '../../src/content/problems';
import { loadQuizzes, type QuizEntry } from '../../src/content/quizzes';
import { builtFiles, findAnswerKeyLeaks, readable } from './answer-keys';

const root = path.resolve(__dirname, '../..');
const problems: Problem[] = [];
const quizzes: QuizEntry[] = loadQuizzes(root, problems);

describe('the answer-key checker', () => {
  let dir: string;
  const write = (file: string, text: string | Buffer) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };
  const leaksIn = (file: string) => findAnswerKeyLeaks(dir, quizzes, [file]);
  const [first] = quizzes;
  const single = first!.quiz.questions.find((q) => q.type === 'single')!;
  const trueFalse = first!.quiz.questions.find((q) => q.type === 'true-false')!;

  beforeAll(() => {
    expect(problems).toEqual([]);
    expect(quizzes.length).toBeGreaterThanOrEqual(3);
    dir = mkdtempSync(path.join(tmpdir(), 'ayin-answer-keys-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('passes a page that carries only the quiz meta and the public form of a question', () => {
    const meta = { title: first!.quiz.title, draw: first!.quiz.draw, passMark: first!.quiz.passMark, questionCount: first!.quiz.questions.length };
    write('courses/page.html', `<html><body><h2>${first!.quiz.title}</h2><script>window.d=${JSON.stringify(meta)}</script></body></html>`);
    expect(leaksIn('courses/page.html')).toEqual([]);
  });

  it('catches an answer serialised next to a question id, in JSON or a minified object', () => {
    write('assets/js/chunk.js', `var q=${JSON.stringify({ id: single.id, type: 'single', prompt: single.prompt, answer: 'c' })};`);
    write('assets/js/min.js', `const x=[{id:"${trueFalse.id}",correct:!1}]`);
    expect(leaksIn('assets/js/chunk.js')).toMatchObject([{ kind: 'answer-key', file: 'assets/js/chunk.js' }]);
    expect(leaksIn('assets/js/min.js')).toMatchObject([{ kind: 'answer-key' }]);
  });

  it('catches an explanation, whole or one sentence of it, even escaped for JS or HTML', () => {
    const escaped = [...single.explanation].map((c) => (c.charCodeAt(0) > 127 ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c)).join('');
    write('assets/js/escaped.js', `var s="${escaped}";`);
    const sentence = trueFalse.explanation.split(/(?<=[.؛])\s+/).find((s) => s.length >= 30)!;
    write('page.html', `<p>${sentence.replace(/«/g, '&#xab;')}</p>`);
    expect(leaksIn('assets/js/escaped.js').map((l) => l.kind)).toContain('explanation');
    expect(leaksIn('page.html').map((l) => l.kind)).toEqual(['explanation']);
  });

  it('catches the raw quiz file copied into the build', () => {
    copyFileSync(path.join(root, 'content/quizzes', `${first!.courseId}.yml`), path.join(dir, 'quiz.yml'));
    expect(leaksIn('quiz.yml').map((l) => l.kind)).toContain('raw-yaml');
  });

  it('skips precompressed copies (their plain file is checked) and lists every other file', () => {
    write('assets/js/chunk.js.br', brotliCompressSync(readFileSync(path.join(dir, 'assets/js/chunk.js'))));
    const files = builtFiles(dir);
    expect(files).toContain('assets/js/chunk.js');
    expect(files).not.toContain('assets/js/chunk.js.br');
    expect([...new Set(findAnswerKeyLeaks(dir, quizzes).map((l) => l.file))].sort()).toEqual(
      ['assets/js/chunk.js', 'assets/js/escaped.js', 'assets/js/min.js', 'page.html', 'quiz.yml'],
    );
  });
});

describe('the built site', () => {
  // AYIN_BUILD_ROOT: check builds made elsewhere (`docusaurus build --out-dir <root>/<audience>`).
  const buildDir = path.resolve(root, process.env.AYIN_BUILD_ROOT ?? 'build');
  const audiences = BUILD_AUDIENCES;

  // Every audience's build must be there: a check of the builds that happen to exist would
  // pass on a half-built site (as in audience-leaks.test.ts).
  beforeAll(() => {
    const missing = audiences.filter((a) => !existsSync(path.join(buildDir, a, 'index.html')));
    if (missing.length) throw new Error(`No built site for ${missing.join(', ')} in ${buildDir}/: run "npm run build" before these tests.`);
  });

  for (const audience of audiences) {
    it(`build/${audience}/ has no explanation, answer key or quiz file in any of its files`, () => {
      const dir = path.join(buildDir, audience);
      const files = builtFiles(dir);
      expect(files.length).toBeGreaterThan(50);
      expect(findAnswerKeyLeaks(dir, quizzes, files).slice(0, 20)).toEqual([]);
    });
  }

  it('carries the quiz meta where the course is published (the check looks where quiz data would go)', () => {
    for (const audience of ['contractor', 'staff', 'editor'] as const) {
      const dir = path.join(buildDir, audience);
      const text = builtFiles(dir).filter((f) => /\.(js|json|html)$/.test(f)).map((f) => readable(readFileSync(path.join(dir, f), 'utf8'))).join('\n');
      const missing = quizzes.filter(({ quiz }) => !text.includes(quiz.title)).map(({ courseId }) => courseId);
      expect(missing, `build/${audience}/ has no meta of these quizzes (build older than the quizzes?)`).toEqual([]);
    }
  });
});
