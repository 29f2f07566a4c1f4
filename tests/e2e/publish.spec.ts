/**
 * Publishing an edition from the approvers' form rebuilds the site behind the running server,
 * in Debian's Chromium against its own Ayin server (tests/support/keystatic-e2e-server.ts with
 * E2E_REBUILD_AUDIENCES=staff): the content root is a temporary git repository whose drafts
 * are approved, so the plan is clean. Before: a staff reader of SV-008 (in force 1406-01) sees
 * no upcoming change. The approver plans and publishes 1406-07 from /editorial, watches the
 * staff build go from «در حال ساخت» to served, and the publish commit has them as author; the
 * staff reader then sees the upcoming change's banner and its redline, from the new build, and
 * finds the new edition's clause through the re-indexed Meilisearch.
 * Only the staff audience is rebuilt in this server: the four take several minutes here.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { jalaliToGregorianUTC, parseJalali } from '../../src/domain/jalali';
import { signInAs } from './auth';
import { gotoHydrated } from './hydrated';
import { readmeShot } from './readme-shots';
import { editionLabel } from '../../src/lib/edition-paths';

const PORT = Number(process.env.E2E_PORT ?? 3210) + 6;
const BASE = `http://127.0.0.1:${PORT}`;
const ROOT = path.resolve(__dirname, '../..');
const IN_FORCE = '/regulations/1406-01/supervision/sv-008';

function dayOf(jalali: string): Date {
  const parsed = parseJalali(jalali);
  if (!parsed.ok) throw new Error(parsed.error);
  return jalaliToGregorianUTC(parsed.date);
}
const AFTER_1406 = dayOf('1406/01/02');

let server: ChildProcess;
let contentRoot: string;
const git = (...args: string[]) => execFileSync('git', args, { cwd: contentRoot, encoding: 'utf8' }).trim();

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'tests/support/keystatic-e2e-server.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', LOG_LEVEL: 'warn', E2E_REBUILD_AUDIENCES: 'staff' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  contentRoot = await new Promise<string>((resolve, reject) => {
    let out = '';
    // Kept reading to the end: the rebuild's output goes through this pipe too.
    server.stdout!.on('data', (chunk: Buffer) => {
      out = (out + chunk.toString()).slice(-20_000);
      const match = /content root: (.+)\n/.exec(out);
      if (match) resolve(match[1]!.trim());
    });
    server.once('exit', (code) => reject(new Error(`publish e2e server exited (${code}) before listening`)));
  });
});

test.afterAll(async () => {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
});

async function pageAs(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: BASE });
  const page = await context.newPage();
  await signInAs(page, username);
  return page;
}

test('the approver publishes from the form; once the staff build is served, a staff reader sees the upcoming change and its redline', async ({ browser }) => {
  test.setTimeout(6 * 60_000);
  const reader = await pageAs(browser, 'demo.staff');
  await reader.clock.setFixedTime(AFTER_1406);
  await gotoHydrated(reader, IN_FORCE);
  await expect(reader.getByTestId('edition-banner')).toHaveAttribute('data-kind', 'in-force');
  await expect(reader.getByTestId('edition-banner')).not.toContainText('متن جدید');

  const approver = await pageAs(browser, 'demo.approver');
  await gotoHydrated(approver, '/editorial');
  await approver.getByLabel('تاریخ اجرا').fill('1406/07/01');
  await approver.getByLabel('شماره ابلاغیه').fill('۱۴۰۶/ت/۱۸');
  await approver.getByLabel('تاریخ ابلاغیه').fill('1406/06/10');
  await approver.getByLabel('خلاصه').fill('اصلاح ماده ۵ مقرره SV-008 و افزوده شدن چهار مقرره تازه.');
  await approver.getByRole('button', { name: 'بررسی پیش از انتشار' }).click();
  const plan = approver.getByTestId('publish-plan');
  // The dry run reads every text of the site: seconds on a loaded machine.
  await expect(plan).toContainText('اصلاح‌شده: SV-008', { timeout: 60_000 });
  await plan.scrollIntoViewIfNeeded();
  await readmeShot(approver, 'editorial-publish-plan');
  const head = git('rev-parse', 'HEAD');
  const submitted = Date.now();
  await plan.getByRole('button', { name: 'انتشار' }).click();
  await expect(approver.getByText(`ویرایش ${editionLabel('1406-07')} منتشر شد`, { exact: false })).toBeVisible({ timeout: 60_000 });

  // The commit: one, with the approver as author, on top of what was there.
  expect(git('rev-parse', 'HEAD~1')).toBe(head);
  expect(git('log', '-1', '--format=%an|%s')).toBe('حسین رحیمی|انتشار ویرایش 1406-07');

  const progress = approver.getByTestId('rebuild-progress');
  await expect(progress.locator('li[data-audience="staff"]')).toHaveAttribute('data-state', /queued|building/);
  // Meanwhile the reader keeps the old build.
  await reader.reload();
  await expect(reader.getByTestId('edition-banner')).toHaveAttribute('data-kind', 'in-force');
  await expect(progress.locator('li[data-audience="staff"]')).toHaveAttribute('data-state', 'served', { timeout: 5 * 60_000 });
  console.log(`publish → new staff build served: ${((Date.now() - submitted) / 1000).toFixed(1)} s`);

  await gotoHydrated(reader, IN_FORCE);
  const banner = reader.getByTestId('edition-banner');
  await expect(banner).toContainText('از ۱۴۰۶/۰۷/۰۱ متن جدید لازم‌الاجرا می‌شود');
  await expect(banner.getByRole('link', { name: /متن جدید/ })).toHaveAttribute('href', '/regulations/1406-07/supervision/sv-008');
  await readmeShot(reader, 'reader-upcoming-banner');
  await banner.getByRole('link', { name: 'تغییرات' }).click();
  await expect(reader).toHaveURL(/\/redline\/SV-008\/1406-01\/1406-07$/);
  const redline = reader.getByTestId('redline');
  // ماده ۵ بند ۳ now cites ES-012 (added in this edition) instead of naming the system.
  await expect(redline.locator('del', { hasText: 'و ثبت تغییرات آن در سامانه جامع خدمات' }).first()).toBeVisible();
  await expect(redline.locator('ins', { hasText: 'دستورالعمل به‌روزرسانی پرونده' }).first()).toBeVisible();
  await expect(reader.getByTestId('redline-to')).toHaveAttribute('href', '/regulations/1406-07/supervision/sv-008');

  // Search follows: once the builds are served the queue re-indexes the real Meilisearch. The
  // offline index is kept out (its requests fail), so only Meilisearch can find the new
  // edition's clause; before the publication it had no 1406-07 record at all.
  await expect(progress.locator('li:not([data-audience])')).toHaveAttribute('data-state', 'done', { timeout: 3 * 60_000 });
  await reader.route('**/search-index/**', (route) => route.abort());
  await gotoHydrated(reader, `/search?q=${encodeURIComponent('به‌روز بودن پرونده و اطلاعات مشترکین')}&edition=1406-07`);
  await expect(reader.locator('section[aria-label="نتایج"] ol li a[href^="/regulations/1406-07/supervision/sv-008"]').first()).toBeVisible({ timeout: 30_000 });
  await readmeShot(reader, 'search-after-publish');
});
