/**
 * A site folder of its own for each audience's Docusaurus build, so that audiences can be
 * built at the same time. Docusaurus writes its generated files to `<siteDir>/.docusaurus/` and
 * the bundler keeps its persistent cache in `<siteDir>/node_modules/.cache/`; two builds of one
 * folder would overwrite each other's. `outDir/.sites/<audience>/` holds a copy of the site's
 * sources (about 850 small files, timestamps kept so the bundler cache stays valid) and a
 * `node_modules` of per-package symlinks, so each audience has private generated files and a
 * private bundler cache (kept between builds: the next build of that audience starts warm).
 *
 * Copied, not linked: the bundler resolves symlinks to real paths, and Docusaurus's MDX loader
 * finds a page's metadata by its path inside the site folder — through links, every MDX page
 * lost its metadata. A copy is also a snapshot: an edit saved while a build runs waits for
 * the next one instead of landing half-way.
 */
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import type { BuildAudience } from '../../../src/content/build-audience';

/** What each audience folder keeps of its own between builds. */
const PRIVATE = new Set(['.docusaurus', 'node_modules']);
/** Not sources of the site: never copied (build output, VCS, data, secrets, test reports, scratch). */
const NOT_SOURCE = new Set(['.git', '.docusaurus', 'node_modules', 'data', '.env', 'test-results', 'playwright-report', 'bench-results', '.scratch', '.cache-loader']);
const isBuildOutput = (name: string) => /^build($|[-_.])/.test(name) || name.startsWith('.edition-publish-');

export const AUDIENCE_SITES_DIR = '.sites';

export function audienceSiteDir(outDir: string, audience: BuildAudience): string {
  return path.join(outDir, AUDIENCE_SITES_DIR, audience);
}

/**
 * Makes (or refreshes) `outDir/.sites/<audience>` from `siteDir` and returns it. The copy is
 * made afresh each time: the editors' rebuild may build from another folder (the editorial
 * clone) into the same `outDir`, and a deleted file must not linger.
 */
export function prepareAudienceSite({ siteDir, outDir, audience }: { siteDir: string; outDir: string; audience: BuildAudience }): string {
  const dir = audienceSiteDir(outDir, audience);
  mkdirSync(dir, { recursive: true });
  for (const entry of readdirSync(dir)) {
    if (!PRIVATE.has(entry)) rmSync(path.join(dir, entry), { recursive: true, force: true });
  }
  const resolvedOut = path.resolve(outDir);
  for (const entry of readdirSync(siteDir)) {
    const source = path.join(siteDir, entry);
    if (NOT_SOURCE.has(entry) || isBuildOutput(entry) || path.resolve(source) === resolvedOut) continue;
    cpSync(source, path.join(dir, entry), { recursive: true, preserveTimestamps: true, dereference: true });
  }
  linkNodeModules(path.join(siteDir, 'node_modules'), dir);
  return dir;
}

/**
 * A real `node_modules` directory in `siteDir` holding one symlink per installed package of
 * `source`, so Node resolves the same packages while `node_modules/.cache` stays private.
 * Links left from an earlier call are replaced (packages may have changed since).
 */
export function linkNodeModules(source: string, siteDir: string) {
  const target = path.join(siteDir, 'node_modules');
  if (existsSync(target) && lstatSync(target).isSymbolicLink()) rmSync(target);
  mkdirSync(target, { recursive: true });
  for (const entry of readdirSync(target)) {
    if (entry !== '.cache') rmSync(path.join(target, entry), { recursive: true, force: true });
  }
  for (const entry of readdirSync(source)) {
    if (entry === '.cache') continue;
    symlinkSync(path.join(source, entry), path.join(target, entry));
  }
}
