/** The content repository's git: the blob hash Keystatic compares, and one commit per accepted save. */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Git's blob id of the bytes (what Keystatic's tree calls `sha`). */
export function blobSha(contents: Uint8Array): string {
  return createHash('sha1').update(`blob ${contents.byteLength}\0`).update(contents).digest('hex');
}

/** The blob id of the file as it is on disk now, or null when there is none. */
export async function currentSha(root: string, filepath: string): Promise<string | null> {
  try {
    return blobSha(await readFile(path.join(root, filepath)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export interface CommitAuthor {
  readonly name: string;
  readonly email: string;
}

/** Commits exactly these paths (added, changed or deleted) with the editor as author. */
export async function commitPaths(root: string, paths: readonly string[], author: CommitAuthor, message: string): Promise<string> {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    // The server makes the commit on the editor's behalf; the committer says so.
    GIT_COMMITTER_NAME: 'Ayin editorial server',
    GIT_COMMITTER_EMAIL: 'editorial@ayin.invalid',
  };
  await run('git', ['add', '--all', '--', ...paths], { cwd: root, env });
  await run('git', ['commit', '--quiet', '--no-verify', '-m', message, '--', ...paths], { cwd: root, env });
  const { stdout } = await run('git', ['rev-parse', 'HEAD'], { cwd: root, env });
  return stdout.trim();
}

export interface CommitSummary {
  readonly sha: string;
  readonly author: string;
  /** Milliseconds since the epoch. */
  readonly at: number;
  readonly subject: string;
}

/** The commits that touched one file, newest first (the history view's "what changed, by whom"). */
export async function commitsOf(root: string, filepath: string, limit = 50): Promise<CommitSummary[]> {
  const { stdout } = await run('git', ['log', `-${limit}`, '--format=%H%x1f%an%x1f%at%x1f%s', '--', filepath], { cwd: root });
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [sha = '', author = '', at = '0', subject = ''] = line.split('\x1f');
      return { sha, author, at: Number(at) * 1000, subject };
    });
}
