/**
 * A temporary content repository for the editorial browser tests and the publish bench: the
 * project's content in a fresh git repository (one seed commit). `buildable` also puts the
 * site's code beside it (linked or copied, kept out of its git) so Docusaurus can build it, and
 * approves every draft of docs/ (with a notification) so the publication plan is clean.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const CONTENT = ['docs', 'courses', 'announcements', 'content', 'static', 'versioned_docs', 'versions.json'];
const CODE_LINKS = ['plugins', 'node_modules'];
// src is copied: the pages plugin matches pages by path, and a symlink changes it.
const CODE_COPIES = ['src', 'docusaurus.config.ts', 'sidebars.ts', 'sidebars-courses.ts', 'package.json', 'tsconfig.json', 'keystatic.config.ts'];

/** Every draft or text under review of docs/ approved, with a notification. */
export function approveDrafts(dir: string): string[] {
  const walk = (folder: string): string[] => readdirSync(folder, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(folder, e.name)) : [path.join(folder, e.name)]));
  const approved: string[] = [];
  for (const file of walk(path.join(dir, 'docs')).filter((f) => f.endsWith('.mdx'))) {
    const text = readFileSync(file, 'utf8');
    const next = text.replace(/^status: (draft|review)$/m, 'status: approved\nnotification:\n  number: "۱۴۰۶/ت/۱۲"\n  date: 1406/02/01');
    if (next !== text) {
      writeFileSync(file, next);
      approved.push(path.relative(dir, file));
    }
  }
  return approved;
}

export function contentClone(projectRoot: string, { buildable = false }: { buildable?: boolean } = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ayin-e2e-content-'));
  for (const part of [...CONTENT, ...(buildable ? ['versioned_sidebars'] : [])]) cpSync(path.join(projectRoot, part), path.join(dir, part), { recursive: true });
  if (buildable) {
    for (const name of CODE_LINKS) symlinkSync(path.join(projectRoot, name), path.join(dir, name));
    for (const name of CODE_COPIES) cpSync(path.join(projectRoot, name), path.join(dir, name), { recursive: true });
    approveDrafts(dir);
  }
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=seed', '-c', 'user.email=seed@ayin.invalid', ...args], { cwd: dir });
  git('init', '--quiet', '--initial-branch=main');
  // The site's code is beside the content, not part of the content repository.
  if (buildable) appendFileSync(path.join(dir, '.git/info/exclude'), [...CODE_LINKS, ...CODE_COPIES, '.docusaurus', 'build'].map((n) => `/${n}\n`).join(''));
  git('add', '.');
  git('commit', '--quiet', '-m', 'محتوای نمونه');
  return dir;
}
