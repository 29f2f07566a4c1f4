/**
 * Writes a set of files and folders into a site all or nothing. Everything is first written
 * into a staging folder inside the site (same file system, so moves are renames), checked
 * there, then moved into place one path at a time; the replaced originals are kept in the
 * staging folder until the end, so any failure — while moving or in the final check — puts
 * every path back as it was.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmdirSync, rmSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface StagedWrite {
  /** Relative path → content: files created or replaced. */
  readonly files: ReadonlyMap<string, string>;
  /** Paths (folders or files) that `fill` writes into the staged site, e.g. a new snapshot folder. */
  readonly generated: readonly string[];
}

export interface StagedWriteOptions {
  /** Site folders and files copied into the staging area, so `check` sees the whole site as it will be. */
  readonly mirror: readonly string[];
  /** Writes the `generated` paths into the staged site. */
  readonly fill?: (stagedSite: string) => void;
  /** Throws when the staged site is not fit to publish; nothing in the site has changed yet. */
  readonly check: (stagedSite: string) => void;
  /** Throws when the site, after the move, is not as it should be; everything is put back. */
  readonly verify: (siteDir: string) => void;
  /** Called before each path is moved into place (progress). */
  readonly onMove?: (relPath: string) => void;
}

/** Every path moved into place, for the caller to report. */
export function stagedWrite(siteDir: string, write: StagedWrite, options: StagedWriteOptions): string[] {
  const staging = mkdtempSync(path.join(siteDir, '.edition-publish-'));
  const stagedSite = path.join(staging, 'site');
  const backup = path.join(staging, 'backup');
  try {
    mkdirSync(stagedSite);
    for (const name of options.mirror) {
      const from = path.join(siteDir, name);
      if (existsSync(from)) cpSync(from, path.join(stagedSite, name), { recursive: true });
    }
    // Read-only assets the checks may look at (seminar handouts) are linked, not copied.
    if (existsSync(path.join(siteDir, 'static'))) symlinkSync(path.join(siteDir, 'static'), path.join(stagedSite, 'static'));
    for (const [rel, content] of write.files) {
      mkdirSync(path.dirname(path.join(stagedSite, rel)), { recursive: true });
      writeFileSync(path.join(stagedSite, rel), content);
    }
    options.fill?.(stagedSite);
    options.check(stagedSite);

    const targets = [...write.generated, ...write.files.keys()];
    const moved: { rel: string; replaced: boolean; createdDirs: string[] }[] = [];
    try {
      for (const rel of targets) {
        options.onMove?.(rel);
        const target = path.join(siteDir, rel);
        const createdDirs = missingParents(siteDir, rel);
        mkdirSync(path.dirname(target), { recursive: true });
        const replaced = existsSync(target);
        if (replaced) {
          mkdirSync(path.dirname(path.join(backup, rel)), { recursive: true });
          renameSync(target, path.join(backup, rel));
        }
        moved.push({ rel, replaced, createdDirs });
        renameSync(path.join(stagedSite, rel), target);
      }
      options.verify(siteDir);
    } catch (error) {
      for (const { rel, replaced, createdDirs } of moved.reverse()) {
        const target = path.join(siteDir, rel);
        rmSync(target, { recursive: true, force: true });
        if (replaced) renameSync(path.join(backup, rel), target);
        for (const dir of createdDirs) if (existsSync(dir) && readdirSync(dir).length === 0) rmdirSync(dir);
      }
      throw error;
    }
    return targets;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Parent folders of `rel` that do not exist yet, deepest first (removed again on rollback). */
function missingParents(siteDir: string, rel: string): string[] {
  const missing: string[] = [];
  for (let dir = path.dirname(path.join(siteDir, rel)); dir.startsWith(siteDir) && dir !== siteDir && !existsSync(dir); dir = path.dirname(dir)) {
    missing.push(dir);
  }
  return missing;
}
