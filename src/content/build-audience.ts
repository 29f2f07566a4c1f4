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
import { canSee, type Audience } from '../search/audience';

export const BUILD_AUDIENCES = ['public', 'contractor', 'staff', 'editor'] as const;
export type BuildAudience = (typeof BUILD_AUDIENCES)[number];

export function isBuildAudience(value: unknown): value is BuildAudience {
  return typeof value === 'string' && (BUILD_AUDIENCES as readonly string[]).includes(value);
}

/** The build being made, from `AYIN_BUILD_AUDIENCE` (default `staff`, as `docusaurus start` shows). */
export function buildAudience(env: NodeJS.ProcessEnv = process.env): BuildAudience {
  const value = env.AYIN_BUILD_AUDIENCE ?? 'staff';
  if (!isBuildAudience(value)) {
    throw new Error(`AYIN_BUILD_AUDIENCE must be one of ${BUILD_AUDIENCES.join(', ')}; got "${value}"`);
  }
  return value;
}

/** The reading audience of a build: editors read what staff read (plus drafts). */
export function readingAudience(build: BuildAudience): Audience {
  return build === 'editor' ? 'staff' : build;
}

/** Whether a text for `audiences` (front matter `audience`) belongs in the build. */
export function inBuild(build: BuildAudience, audiences: readonly string[]): boolean {
  return canSee(readingAudience(build), audiences);
}
