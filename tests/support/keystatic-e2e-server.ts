/**
 * The Ayin server for the editors' browser tests (tests/e2e/keystatic.spec.ts): the real build
 * and Keystatic bundle, SQLite with the demo accounts plus a second editor, and a temporary
 * git repository of the content as the content root — saves commit there, never into the
 * project. Prints `content root: <dir>` so the spec can read its git log. SIGTERM stops it and
 * removes both folders.
 *
 * With `E2E_REBUILD_AUDIENCES=staff` (tests/e2e/publish.spec.ts) a publication is rebuilt for
 * real: the content root is also a buildable site (the project's code linked or copied beside
 * the content, kept out of its git), its drafts are approved so the plan is clean, the server
 * serves a hard-linked copy of build/ (a rebuild renames folders, never writes into a file, so
 * the project's build is untouched), and the rebuild queue builds the listed audiences only —
 * all four would take several minutes on this machine. That server also has a real search
 * engine: the bundled Meilisearch on a free port, indexed from the content root at start and
 * re-indexed by the queue once the rebuilt audiences are served, as `npm start` does.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildServer } from '../../server/app';
import { readConfig } from '../../server/config';
import { openServerDatabase } from '../../server/database';
import { createUser } from '../../server/accounts/users';
import { DEMO_PASSWORD } from '../../server/accounts/demo-users';
import { createSiteBuildTracker } from '../../server/site-builds';
import { createRebuildQueue } from '../../server/editorial/rebuild-queue';
import { childProcessBuild, rebuildScriptCommand } from '../../server/editorial/rebuild-child';
import { isBuildAudience } from '../../src/content/build-audience';
import { contentClone } from '../../scripts/lib/editorial-clone';
import { startLocalMeili, type LocalMeili } from '../../server/search/local-meili';
import { indexSite } from '../../server/search/local-search';

const root = path.resolve(__dirname, '../..');
export const SECOND_EDITOR = { username: 'demo.editor2', displayName: 'حمید نوری' } as const;

async function main() {
  const port = Number(process.env.PORT);
  const dataDir = mkdtempSync(path.join(tmpdir(), `ayin-e2e-editorial-${port}-`));
  const rebuilt = (process.env.E2E_REBUILD_AUDIENCES ?? '').split(',').filter(isBuildAudience);
  const contentRoot = contentClone(root, { buildable: rebuilt.length > 0 });
  const siteDir = rebuilt.length ? mkdtempSync(path.join(tmpdir(), `ayin-e2e-build-${port}-`)) : undefined;
  if (siteDir) execFileSync('cp', ['-al', `${path.join(root, 'build')}/.`, siteDir]);
  const config = readConfig({ ...process.env, AYIN_DATA_DIR: dataDir, AYIN_CONTENT_ROOT: contentRoot, MEILI_HOST: '', ...(siteDir ? { AYIN_SITE_DIR: siteDir } : {}) }, root);
  let meili: LocalMeili | undefined;
  if (siteDir) {
    meili = await startLocalMeili({ dataDir: path.join(dataDir, 'meili') });
    await indexSite(contentRoot, { host: meili.host, apiKey: meili.masterKey }, console.log);
  }
  const search = meili && { host: meili.host, apiKey: meili.masterKey };
  const database = await openServerDatabase({ ...config, sampleAccounts: true }, { AYIN_DATA_DIR: dataDir }, () => {});
  await createUser(database.db, { username: SECOND_EDITOR.username, displayName: SECOND_EDITOR.displayName, role: 'editor', company: null, password: DEMO_PASSWORD });
  const builds = createSiteBuildTracker();
  const rebuilds = siteDir
    ? createRebuildQueue({ audiences: rebuilt, tracker: builds, buildAudience: childProcessBuild(rebuildScriptCommand({ siteDir: contentRoot, outDir: siteDir })), reindex: async () => void (await indexSite(contentRoot, search!, console.log, { fresh: true })), log: console.log })
    : undefined;
  const app = await buildServer({ ...config, ...(search ? { meili: search } : {}), logLevel: 'warn' }, { database, builds, ...(rebuilds ? { rebuilds } : {}) });
  await app.listen({ host: '127.0.0.1', port });
  console.log(`content root: ${contentRoot}`);

  const stop = async () => {
    // Meilisearch first: it is a process of its own, and must not outlive a stop that hangs.
    await meili?.stop();
    await app.close();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(contentRoot, { recursive: true, force: true });
    if (siteDir) rmSync(siteDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
