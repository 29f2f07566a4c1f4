/**
 * Keeps a build to its audience. Docusaurus leaves `draft` documents and posts out of a
 * production build entirely (no page, no route, no chunk, no feed entry, no global data), so
 * marking every text its readers may not see as a draft, as its front matter is read, is what
 * makes a contractor's build hold no staff-only text at all. Who may read what is the audience
 * policy's decision (`src/policy/audience.ts`); a content file that names no audience stops the
 * build with its file and line instead of being published to everyone.
 */
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { MarkdownConfig } from '@docusaurus/types';
import { inBuild, type BuildAudience } from '../../src/content/build-audience';
import { getCorpus } from '../../src/content/index';
import { CONTENT_DIRS } from '../../src/content/corpus';
import { ContentError } from '../../src/content/problems';

type ParseFrontMatter = NonNullable<MarkdownConfig['parseFrontMatter']>;

/** Folders whose Markdown is content with readers (regulations, their editions, lessons, announcements). */
const CONTENT_ROOTS = [CONTENT_DIRS.regulations, 'versioned_docs', CONTENT_DIRS.courses, CONTENT_DIRS.announcements];

/**
 * The line of `audience:` in the front matter; without one, the front matter's first field
 * (line 2, after `---`), where the validator reports a missing field too.
 */
function audienceLine(fileContent: string | undefined): number {
  const lines = (fileContent ?? '').split('\n');
  const at = lines.findIndex((line) => /^audience\s*:/.test(line));
  if (at >= 0) return at + 1;
  return lines[0]?.trim() === '---' ? 2 : 1;
}

/**
 * The audiences a file is written for: its own front matter, or for a lesson its course's;
 * `'not-content'` for files outside the content folders (site pages, which every build has).
 * A content file without an audience is an error naming `file:line`, never "everyone".
 */
export function audienceOfFile(siteDir: string, filePath: string, frontMatter: Record<string, unknown>, fileContent?: string): readonly string[] | 'not-content' {
  const relative = siteRelative(siteDir, filePath);
  if (!CONTENT_ROOTS.includes(relative[0]!)) return 'not-content';
  const own = Array.isArray(frontMatter.audience) && frontMatter.audience.length ? (frontMatter.audience as string[]) : undefined;
  const inherited = relative[0] === CONTENT_DIRS.courses && relative.length > 2 ? getCorpus(siteDir).courses.find((c) => c.id === relative[1])?.course.audience : undefined;
  const audiences = inherited ?? own;
  if (!audiences) {
    const file = relative.join('/');
    const message =
      relative[0] === CONTENT_DIRS.courses && relative.length > 2
        ? `lesson of course "${relative[1]}", which has no valid content/courses/${relative[1]}.yml with an audience`
        : 'name at least one audience (e.g. audience: [staff]); a text without one is published to nobody';
    throw new ContentError([{ file, line: audienceLine(fileContent), field: 'audience', message }]);
  }
  return audiences;
}

/**
 * The file's path inside the site, folder by folder, with both sides resolved through
 * symlinks: an audience's build runs in a folder of links to the site
 * (scripts/lib/build/audience-site.ts), and a path compared across the two would fall outside
 * every content folder and be taken for a site page, which every build has.
 */
function siteRelative(siteDir: string, filePath: string): string[] {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : path.resolve(p));
  const file = real(filePath);
  for (const root of CONTENT_ROOTS) {
    const inside = path.relative(real(path.join(siteDir, root)), file);
    if (inside && !inside.startsWith('..') && !path.isAbsolute(inside)) return [root, ...inside.split(path.sep)];
  }
  return path.relative(siteDir, filePath).split(path.sep);
}

export function keepToAudience(siteDir: string, audience: BuildAudience): ParseFrontMatter {
  return async (params) => {
    const result = await params.defaultParseFrontMatter(params);
    const audiences = audienceOfFile(siteDir, params.filePath, result.frontMatter, params.fileContent);
    if (audiences !== 'not-content' && !inBuild(audience, audiences)) result.frontMatter = { ...result.frontMatter, draft: true };
    return result;
  };
}
