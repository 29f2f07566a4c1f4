/** `npm run validate`: checks all content and prints `path:line: field: message` per problem. */
import path from 'node:path';
import { loadCorpus } from '../src/content/corpus';
import { formatProblem } from '../src/content/problems';

const siteDir = path.resolve(process.argv[2] ?? '.');
const started = performance.now();
process.stdout.write(`Validating content in ${siteDir} …\n`);
const corpus = loadCorpus(siteDir);
const lessons = corpus.courses.reduce((n, c) => n + c.lessons.length, 0);
const clauses = [...corpus.regulations.values()].reduce((n, r) => n + r.clauses.length, 0);
process.stdout.write(
  `Read ${corpus.regulations.size} regulations (${clauses} clauses), ${corpus.courses.length} courses (${lessons} lessons), ` +
    `${corpus.quizzes.length} quizzes (${corpus.quizzes.reduce((n, q) => n + q.quiz.questions.length, 0)} questions), ` +
    `${corpus.announcements.length} announcements, ${corpus.glossary.length} glossary terms in ${Math.round(performance.now() - started)} ms.\n`,
);
if (corpus.problems.length) {
  for (const problem of corpus.problems) process.stderr.write(`${formatProblem(problem)}\n`);
  process.stderr.write(`\n${corpus.problems.length} problem(s) found.\n`);
  process.exit(1);
}
process.stdout.write('All content is valid.\n');
