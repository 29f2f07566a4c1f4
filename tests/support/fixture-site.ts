/**
 * A fixture mini-site: the fixture's content folders plus the real site's code (config,
 * plugins, theme), in a temporary folder, so builds and validation run exactly as in
 * production against a handful of files.
 */
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../..');
export const fixturesDir = path.join(repoRoot, 'tests/fixtures/sites');

// src and static are copied: the pages plugin matches pages by path, and a symlink changes it.
const CODE_LINKS = ['plugins', 'node_modules'];
const CODE_COPIES = ['src', 'static', 'docusaurus.config.ts', 'sidebars.ts', 'sidebars-courses.ts', 'package.json', 'tsconfig.json'];
// A fixture's `static/` (a seminar's handout) is laid over the copied real one.
const CONTENT = ['docs', 'courses', 'announcements', 'content', 'static'];

export interface FixtureSite {
  readonly dir: string;
  remove(): void;
}

/** `base` content first, then `overlay`'s files on top (a bad fixture changes a few files). */
export function makeFixtureSite(overlay: string, base = 'minimal'): FixtureSite {
  const dir = mkdtempSync(path.join(tmpdir(), `ayin-${overlay}-`));
  for (const name of CODE_LINKS) symlinkSync(path.join(repoRoot, name), path.join(dir, name));
  for (const name of CODE_COPIES) cpSync(path.join(repoRoot, name), path.join(dir, name), { recursive: true });
  for (const source of base === overlay ? [base] : [base, overlay]) {
    for (const name of CONTENT) {
      const from = path.join(fixturesDir, source, name);
      if (existsSync(from)) cpSync(from, path.join(dir, name), { recursive: true });
    }
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
