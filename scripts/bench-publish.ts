/**
 * `npm run bench:publish [-- --keep]`: how long a publication from the approvers' form takes
 * until the new build is served, beside a plain build of the same content in the same run.
 *
 * In a buildable temporary clone of the content (drafts approved, so the plan is clean):
 * 1. the plain build: `buildSite` of the staff audience (what `npm run build -- --audience staff` does);
 * 2. the real server over that build with the rebuild queue (staff only, as in the publish e2e),
 *    the approver signed in over HTTP; the clock runs from the form's request
 *    (`POST /api/editorial/publish`) until `GET /api/editorial/publish/status` says the staff
 *    build is served, then the new edition's page is fetched as a staff reader to check it.
 * Progress goes to stderr, the table to stdout. Every audience would be four such rebuilds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildServer } from '../server/app';
import { readConfig } from '../server/config';
import { openServerDatabase } from '../server/database';
import { DEMO_PASSWORD } from '../server/accounts/demo-users';
import { createSiteBuildTracker } from '../server/site-builds';
import { createRebuildQueue } from '../server/editorial/rebuild-queue';
import { childProcessBuild, rebuildScriptCommand } from '../server/editorial/rebuild-child';
import { contentClone } from './lib/editorial-clone';
import { buildSite } from './lib/site-build';
import { describeMachine } from './lib/bench/machine';
import { markdownTable, textTable, type Column } from './lib/bench/table';

const repoDir = path.resolve(__dirname, '..');
const progress = (line: string) => console.error(line);
const { values } = parseArgs({ options: { keep: { type: 'boolean' } } });
const EDITION = { effective: '1406/07/01', notificationNumber: '۱۴۰۶/ت/۱۸', notificationDate: '1406/06/10', summary: 'اصلاح ماده ۵ مقرره SV-008 و افزوده شدن چهار مقرره تازه.' };
const NEW_PAGE = '/regulations/1406-07/supervision/sv-008';

async function signIn(base: string, username: string) {
  const res = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  if (res.status !== 200) throw new Error(`sign-in as ${username}: ${res.status} ${await res.text()}`);
  const cookie = /ayin_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}

async function main() {
  const clone = contentClone(repoDir, { buildable: true });
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'ayin-bench-publish-build-'));
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ayin-bench-publish-data-'));
  progress(`content clone: ${clone}`);
  try {
    progress('1/2 plain build of the staff audience …');
    let started = performance.now();
    await buildSite({ siteDir: clone, outDir, audiences: ['staff'], log: progress });
    const plainS = (performance.now() - started) / 1000;

    progress('2/2 publish from the form until the new staff build is served …');
    const port = Number(process.env.BENCH_PORT ?? 3462);
    const config = readConfig({ ...process.env, AYIN_DATA_DIR: dataDir, AYIN_CONTENT_ROOT: clone, AYIN_SITE_DIR: outDir, MEILI_HOST: '', PORT: String(port), HOST: '127.0.0.1' }, repoDir);
    const database = await openServerDatabase({ ...config, sampleAccounts: true }, { AYIN_DATA_DIR: dataDir }, () => {});
    const builds = createSiteBuildTracker();
    const rebuilds = createRebuildQueue({ audiences: ['staff'], tracker: builds, buildAudience: childProcessBuild(rebuildScriptCommand({ siteDir: clone, outDir }), progress) });
    const app = await buildServer({ ...config, logLevel: 'warn' }, { database, builds, rebuilds });
    const base = await app.listen({ host: '127.0.0.1', port });
    try {
      const approver = await signIn(base, 'demo.approver');
      const json = { ...approver, 'content-type': 'application/json' };
      const plan = (await (await fetch(`${base}/api/editorial/publish/plan`, { method: 'POST', headers: json, body: JSON.stringify(EDITION) })).json()) as { problems: { message: string }[] };
      if (plan.problems.length) throw new Error(`the plan is not clean: ${plan.problems.map((p) => p.message).join('; ')}`);
      started = performance.now();
      const published = await fetch(`${base}/api/editorial/publish`, { method: 'POST', headers: json, body: JSON.stringify(EDITION) });
      if (published.status !== 200) throw new Error(`publish: ${published.status} ${await published.text()}`);
      const answeredS = (performance.now() - started) / 1000;
      let state = '';
      while (state !== 'served') {
        await new Promise((r) => setTimeout(r, 250));
        const status = (await (await fetch(`${base}/api/editorial/publish/status`, { headers: approver })).json()) as { audiences: { audience: string; state: string; message?: string }[] };
        const staff = status.audiences.find((a) => a.audience === 'staff');
        state = staff?.state ?? '';
        if (state === 'failed') throw new Error(`the staff rebuild failed: ${staff?.message}`);
      }
      const servedS = (performance.now() - started) / 1000;
      const staff = await signIn(base, 'demo.staff');
      const page = await fetch(`${base}${NEW_PAGE}`, { headers: staff });
      if (page.status !== 200) throw new Error(`${NEW_PAGE} as staff after the rebuild: ${page.status}`);

      const rows = [
        { what: 'plain build, staff (buildSite)', s: plainS },
        { what: 'publish answered (written, committed)', s: answeredS },
        { what: 'publish → new staff build served', s: servedS },
      ];
      const columns: Column<(typeof rows)[number]>[] = [
        { title: 'step', value: (r) => r.what },
        { title: 'seconds', value: (r) => r.s, digits: 1 },
      ];
      console.log(`\n${describeMachine()}\n`);
      console.log(textTable(rows, columns));
      console.log(`\n${markdownTable(rows, columns)}`);
    } finally {
      await app.close();
      await database.close();
    }
  } finally {
    if (values.keep) progress(`kept: ${clone}, ${outDir}, ${dataDir}`);
    else for (const dir of [clone, outDir, dataDir]) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench:publish failed: ${(error as Error).message}`);
  process.exit(1);
});
