/** The content library's public face: one corpus per site directory and process. */
import { loadCorpus, type Corpus } from './corpus';

const cache = new Map<string, Corpus>();

/**
 * The build reads the corpus in several places (config, sidebars, plugins, remark); reading
 * the files once keeps them consistent. `fresh` re-reads (for `docusaurus start` reloads).
 */
export function getCorpus(siteDir: string, { fresh = false } = {}): Corpus {
  if (fresh || !cache.has(siteDir)) cache.set(siteDir, loadCorpus(siteDir));
  return cache.get(siteDir)!;
}

export { loadCorpus, ROUTES, CONTENT_DIRS } from './corpus';
export type { Corpus, Regulation, CourseEntry, LessonEntry, AnnouncementEntry } from './corpus';
export { ContentError, formatProblem, type Problem } from './problems';
