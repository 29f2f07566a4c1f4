/**
 * The server manifest from validated content, as the build writes it. Only what the server
 * uses is copied: a seminar's capacity and audience but not its slides, a course's lessons by
 * page and length but not their text. Quizzes with problems are left out (the build refuses
 * problems anyway; the server must never grade against a key the validator refused).
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Corpus, Regulation } from '../../src/content/corpus';
import { splitMarkdown } from '../../src/content/front-matter';
import { citersOf, editionHistory, NEXT_EDITION } from '../../src/content/citers';
import { questionsOnRepealedClauses, staleFlags } from '../../src/domain/training/stale';
import { isMaterialChange } from '../../src/domain/training/currency';
import { textChanged } from '../../src/domain/edition-history';
import { editionChanges } from '../../src/domain/inbox/reacknowledge';
import { MANIFEST_VERSION, SERVER_MANIFEST, serverManifestSchema, type ManifestAnnouncement, type ManifestRegulation, type ServerManifest } from './schema';

/** `courses/meter-reading/01-schedule-routes.mdx` → `meter-reading/01-schedule-routes`. */
export const lessonIdOfFile = (file: string) => file.replace(/^courses\//, '').replace(/\.mdx?$/, '');

/** Words a reader reads: the body without front matter, imports, tags and Markdown marks. */
export function countWords(markdown: string): number {
  const text = markdown
    .replace(/^(import|export)\s.*$/gm, ' ')
    .replace(/\]\([^)]*\)/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[#*_`>|[\]()!-]/g, ' ');
  return text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export function manifestFromCorpus(corpus: Corpus, builtAt = new Date()): ServerManifest {
  const broken = new Set(corpus.problems.filter((p) => p.file.startsWith('content/quizzes/')).map((p) => p.file));
  type Text = NonNullable<ManifestRegulation['texts']>[string];
  const regulations = new Map<string, { current: string | null; editions: Record<string, string>; texts: Record<string, Text> }>();
  const entry = (code: string) => {
    let found = regulations.get(code);
    if (!found) regulations.set(code, (found = { current: null, editions: {}, texts: {} }));
    return found;
  };
  const textOf = (reg: Regulation): Text => ({
    title: reg.frontMatter.title,
    audience: [...reg.frontMatter.audience],
    clauses: reg.clauses.map((c) => ({ anchor: c.anchor, label: c.label })),
  });
  for (const [code, reg] of corpus.regulations) {
    entry(code).current = reg.permalink;
    entry(code).texts.current = textOf(reg);
  }
  for (const edition of corpus.editions) {
    for (const [code, reg] of edition.regulations) {
      entry(code).editions[edition.name] = reg.permalink;
      entry(code).texts[edition.name] = textOf(reg);
    }
  }

  const history = editionHistory(corpus);
  const citers = citersOf(corpus);
  const newestPublished = history.filter((e) => e.name !== NEXT_EDITION).at(-1);
  const retiredIn = (course: string) =>
    newestPublished ? [...questionsOnRepealedClauses(newestPublished, citers.filter((c) => c.course === course))].sort() : [];

  // In which published edition each regulation's text changed (or it went): what an announcement
  // about it may need acknowledging again for.
  const published = editionHistory(corpus, { withNext: false });
  const changes = new Map<string, string[]>();
  published.forEach((e, i) => {
    const before = published[i - 1];
    if (!before) return;
    for (const code of new Set([...before.texts.keys(), ...e.texts.keys()])) {
      const [was, now] = [before.texts.get(code), e.texts.get(code)];
      if (!was || !now || textChanged(was, now)) changes.set(code, [...(changes.get(code) ?? []), e.name]);
    }
  });
  const changedIn = (code: string) => changes.get(code) ?? [];
  const manifestEditions = corpus.editions.map((e) => ({ name: e.entry.name, effective: { ...e.entry.effective } }));

  const manifest: ServerManifest = {
    version: MANIFEST_VERSION,
    builtAt: builtAt.toISOString(),
    courses: corpus.courses.map((c) => {
      const quiz = corpus.quizzes.find((q) => q.courseId === c.id && !broken.has(q.file));
      return {
        id: c.id,
        title: c.course.title,
        audience: [...c.course.audience],
        lessons: c.lessons.map((l) => {
          const source = readFileSync(path.join(corpus.siteDir, l.file), 'utf8');
          return { id: lessonIdOfFile(l.file), permalink: l.permalink, words: countWords(splitMarkdown(l.file, source).body) };
        }),
        ...(quiz ? { quiz: quiz.quiz } : {}),
        retiredQuestions: quiz ? retiredIn(c.id) : [],
        ...(c.course.validForMonths ? { validForMonths: c.course.validForMonths } : {}),
      };
    }),
    seminars: corpus.seminars.map((s) => ({
      id: s.id,
      permalink: s.permalink,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      seminar: { title: s.seminar.title, audience: [...s.seminar.audience], capacity: s.seminar.capacity, durationMinutes: s.seminar.durationMinutes, presenter: s.seminar.presenter.name },
    })),
    editions: manifestEditions,
    regulations: [...regulations].map(([code, r]): ManifestRegulation => ({ code, ...r })),
    announcements: corpus.announcements.map((a): ManifestAnnouncement => {
      const ack = a.announcement.acknowledge;
      return {
        id: a.id,
        title: a.announcement.title,
        permalink: a.permalink,
        published: { ...a.announcement.published },
        audience: [...a.announcement.audience],
        textSha256: a.textSha256,
        acknowledge: ack
          ? { everyone: ack.everyone, roles: [...ack.roles], companies: [...ack.companies], units: [...ack.units], due: ack.due ? { ...ack.due } : null, dueDays: ack.dueDays ?? null }
          : null,
        regulations: [...a.announcement.regulations],
        changedBy: ack ? editionChanges(a.announcement, manifestEditions, changedIn).map((c) => ({ edition: c.edition, regulations: [...c.regulations] })) : [],
      };
    }),
    organisations: {
      companies: corpus.organisations.companies.map((c) => ({ id: c.id, title: c.title })),
      units: corpus.organisations.units.map((u) => ({ id: u.id, title: u.title })),
    },
    surveys: corpus.surveys,
    stale: staleFlags(history, citers).map((f) => {
      const mark = corpus.editions.find((e) => e.name === f.edition)?.entry.editorial;
      return { ...f, cites: f.cites.map((c) => ({ ...c, material: isMaterialChange(c, mark), redline: [...c.redline] })) };
    }),
  };
  // What is written is what the server will accept: check it here, where a problem is the build's.
  return serverManifestSchema.parse(manifest);
}

/** Writes the manifest into `siteDir/.server/` atomically (a reloading server never reads half a file). */
export function writeServerManifest(siteDir: string, manifest: ServerManifest): string {
  const file = path.join(siteDir, SERVER_MANIFEST);
  mkdirSync(path.dirname(file), { recursive: true });
  const staged = `${file}.${process.pid}.tmp`;
  writeFileSync(staged, JSON.stringify(manifest));
  renameSync(staged, file);
  return file;
}
