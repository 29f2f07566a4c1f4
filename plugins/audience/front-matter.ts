/**
 * Keeps a build to its audience. Docusaurus leaves `draft` documents and posts out of a
 * production build entirely (no page, no route, no chunk, no feed entry, no global data), so
 * marking every text its readers may not see as a draft, as its front matter is read, is what
 * makes a contractor's build hold no staff-only text at all.
 */
import path from 'node:path';
import type { MarkdownConfig } from '@docusaurus/types';
import { inBuild, type BuildAudience } from '../../src/content/build-audience';
import { getCorpus } from '../../src/content/index';
import { CONTENT_DIRS } from '../../src/content/corpus';

type ParseFrontMatter = NonNullable<MarkdownConfig['parseFrontMatter']>;

/** The audiences a content file is written for, or undefined for files with none (pages). */
export function audienceOfFile(siteDir: string, filePath: string, frontMatter: Record<string, unknown>): readonly string[] | undefined {
  const relative = path.relative(siteDir, filePath).split(path.sep);
  const own = Array.isArray(frontMatter.audience) ? (frontMatter.audience as string[]) : undefined;
  if (relative[0] === CONTENT_DIRS.courses && relative.length > 2) {
    // Lessons inherit their course's audience.
    return getCorpus(siteDir).courses.find((c) => c.id === relative[1])?.course.audience ?? own;
  }
  return own;
}

export function keepToAudience(siteDir: string, audience: BuildAudience): ParseFrontMatter {
  return async (params) => {
    const result = await params.defaultParseFrontMatter(params);
    const audiences = audienceOfFile(siteDir, params.filePath, result.frontMatter);
    if (audiences && !inBuild(audience, audiences)) result.frontMatter = { ...result.frontMatter, draft: true };
    return result;
  };
}
