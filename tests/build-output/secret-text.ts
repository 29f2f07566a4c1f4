/**
 * Sentences only some readers may see: runs of Persian words from the bodies of texts whose
 * audience excludes the reader, minus any run that also appears in a text the reader may see
 * (a shared boilerplate sentence is not a secret).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BUILD_AUDIENCES, inBuild, type BuildAudience } from '../../src/content/build-audience';
import type { Corpus } from '../../src/content/corpus';
import { splitMarkdown } from '../../src/content/front-matter';

export interface Secret {
  readonly text: string;
  readonly source: string;
  /** The builds that may hold it: the check's control finds each secret in one of them. */
  readonly builds: readonly BuildAudience[];
}

/** Persian letters, digits, spaces and ZWNJ; 40 characters are a sentence nobody repeats by chance. */
const RUN = /[\u0600-\u06FF\u200c ]{60,}/g;

function runsOf(siteDir: string, file: string): string[] {
  const { body } = splitMarkdown(file, readFileSync(path.join(siteDir, file), 'utf8'));
  return [...body.matchAll(RUN)].map((m) => m[0].trim().slice(0, 40).trim()).filter((r) => r.length >= 30);
}

interface Text {
  readonly file: string;
  readonly audience: readonly string[];
  /** In `docs/`, the next edition being prepared: only the editors' build has it. */
  readonly next?: boolean;
}

function textsOf(corpus: Corpus): Text[] {
  const texts: Text[] = [];
  for (const reg of corpus.regulations.values()) texts.push({ file: reg.file, audience: reg.frontMatter.audience, next: true });
  for (const edition of corpus.editions) {
    for (const reg of edition.regulations.values()) texts.push({ file: reg.file, audience: reg.frontMatter.audience });
  }
  for (const entry of corpus.announcements) texts.push({ file: entry.file, audience: entry.announcement.audience });
  for (const course of corpus.courses) for (const lesson of course.lessons) texts.push({ file: lesson.file, audience: course.course.audience });
  return texts;
}

export function secretSentences(corpus: Corpus, visible: (audience: readonly string[]) => boolean): Secret[] {
  const texts = textsOf(corpus);
  // Everything the reader may read, in one piece: a sentence quoted there is no secret.
  const readable = [
    ...texts.filter((t) => visible(t.audience)).map((t) => readFileSync(path.join(corpus.siteDir, t.file), 'utf8')),
    // The glossary is vocabulary for everyone; its definitions may quote a rule.
    ...corpus.glossary.map((entry) => `${entry.term} ${entry.definition}`),
    // Each edition's record (name, notification, summary) is shown to every reader.
    ...corpus.editions.map((e) => e.entry.summary),
    // The site's own words (its tagline, its pages' fixed text) are everyone's too.
    readFileSync(path.join(corpus.siteDir, 'docusaurus.config.ts'), 'utf8'),
    readFileSync(path.join(corpus.siteDir, 'src/pages/index.tsx'), 'utf8'),
  ].join('\n');
  const secrets = new Map<string, Secret>();
  for (const text of texts) {
    if (visible(text.audience)) continue;
    const builds = BUILD_AUDIENCES.filter((b) => inBuild(b, text.audience) && (!text.next || b === 'editor'));
    for (const run of runsOf(corpus.siteDir, text.file)) {
      const known = secrets.get(run);
      if (readable.includes(run)) continue;
      if (!known) secrets.set(run, { text: run, source: text.file, builds });
      else secrets.set(run, { ...known, builds: [...new Set([...known.builds, ...builds])] });
    }
  }
  return [...secrets.values()];
}

/** JS bundles may carry Persian as `\u06A9` escapes; read them as the browser would. */
export function unescapeJs(text: string): string {
  return text.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
