/**
 * Which audience a site build is for. The site is built once per audience (`build/<audience>/`)
 * and the server hands each visitor the build of their role, so text a reader may not see is
 * not in any file they can fetch: not a page, a JS chunk, a feed or a search index.
 *
 * - `public`: visitors who have not signed in;
 * - `contractor`: contractors' staff;
 * - `staff`: company staff, supervisors and admins (every published text);
 * - `editor`: editors and approvers: the staff build plus the next edition being prepared.
 */
import { BUILD_AUDIENCES, inBuild, isBuildAudience, readingAudience, type BuildAudience } from '../policy/audience';
import type { JalaliDate } from '../domain/jalali';

export { BUILD_AUDIENCES, inBuild, isBuildAudience, readingAudience, type BuildAudience };

/** The build being made, from `AYIN_BUILD_AUDIENCE` (default `staff`, as `docusaurus start` shows). */
export function buildAudience(env: NodeJS.ProcessEnv = process.env): BuildAudience {
  const value = env.AYIN_BUILD_AUDIENCE ?? 'staff';
  if (!isBuildAudience(value)) {
    throw new Error(`AYIN_BUILD_AUDIENCE must be one of ${BUILD_AUDIENCES.join(', ')}; got "${value}"`);
  }
  return value;
}

/**
 * What every Ayin plugin of one build is told by docusaurus.config.ts, which reads the
 * environment once: the audience the build is for and the day it is built for (`AYIN_TODAY`).
 * Plugins take it as their options rather than reading the environment themselves.
 */
export type BuildOptions = {
  readonly audience: BuildAudience;
  readonly today: JalaliDate;
};
