/**
 * The Ayin server for the editors' browser tests (tests/e2e/keystatic.spec.ts): the real build
 * and Keystatic bundle, SQLite with the demo accounts plus a second editor, and a temporary
 * git repository of the content as the content root — saves commit there, never into the
 * project. Prints `content root: <dir>` so the spec can read its git log. SIGTERM stops it and
 * removes both folders.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildServer } from '../../server/app';
import { readConfig } from '../../server/config';
import { openServerDatabase } from '../../server/database';
import { createUser } from '../../server/accounts/users';
import { DEMO_PASSWORD } from '../../server/accounts/demo-users';

const root = path.resolve(__dirname, '../..');
export const SECOND_EDITOR = { username: 'demo.editor2', displayName: 'حمید نوری' } as const;

function contentClone(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ayin-e2e-content-'));
  for (const part of ['docs', 'courses', 'announcements', 'content', 'static', 'versioned_docs', 'versions.json']) cpSync(path.join(root, part), path.join(dir, part), { recursive: true });
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=seed', '-c', 'user.email=seed@ayin.invalid', ...args], { cwd: dir });
  git('init', '--quiet', '--initial-branch=main');
  git('add', '.');
  git('commit', '--quiet', '-m', 'محتوای نمونه');
  return dir;
}

async function main() {
  const port = Number(process.env.PORT);
  const dataDir = mkdtempSync(path.join(tmpdir(), `ayin-e2e-editorial-${port}-`));
  const contentRoot = contentClone();
  const config = readConfig({ ...process.env, AYIN_DATA_DIR: dataDir, AYIN_CONTENT_ROOT: contentRoot, MEILI_HOST: '' }, root);
  const database = await openServerDatabase({ ...config, sampleAccounts: true }, { AYIN_DATA_DIR: dataDir }, () => {});
  await createUser(database.db, { username: SECOND_EDITOR.username, displayName: SECOND_EDITOR.displayName, role: 'editor', company: null, password: DEMO_PASSWORD });
  const app = await buildServer({ ...config, logLevel: 'warn' }, { database });
  await app.listen({ host: '127.0.0.1', port });
  console.log(`content root: ${contentRoot}`);

  const stop = async () => {
    await app.close();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(contentRoot, { recursive: true, force: true });
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
