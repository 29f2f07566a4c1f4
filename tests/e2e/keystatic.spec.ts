/**
 * The editors' Keystatic in Debian's Chromium, against its own Ayin server
 * (tests/support/keystatic-e2e-server.ts) whose content root is a temporary git repository:
 * an editor amends a clause of CS-002 in the real form and saves, and the commit is in that
 * repository's log with the editor as author; a second editor who opened the same text before
 * that save is refused in Persian and nothing of theirs is written; a contractor gets 403 and
 * a visitor who has not signed in is sent to the sign-in page. The page is right to left, in
 * Vazirmatn, and asks for nothing outside the server.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { signInAs } from './auth';
import { gotoHydrated } from './hydrated';
import { readmeShot } from './readme-shots';
import { editionLabel } from '../../src/lib/edition-paths';

const PORT = Number(process.env.E2E_PORT ?? 3210) + 5;
const BASE = `http://127.0.0.1:${PORT}`;
const ROOT = path.resolve(__dirname, '../..');
const ENTRY = '/keystatic/collection/regulations-connection-sales/item/cs-002';
const FILE = 'docs/connection-sales/cs-002.mdx';
const CLAUSE = 'ثبت درخواست به صورت برخط یا در دفاتر پیشخوان و دریافت کد رهگیری.';
const ADDED = ' کد رهگیری باید همان روز برای متقاضی پیامک شود.';

let server: ChildProcess;
let contentRoot: string;

const git = (...args: string[]) => execFileSync('git', args, { cwd: contentRoot, encoding: 'utf8' }).trim();

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'tests/support/keystatic-e2e-server.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  contentRoot = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /content root: (.+)\n/.exec(out);
      if (match) resolve(match[1]!.trim());
    });
    server.once('exit', (code) => reject(new Error(`editorial e2e server exited (${code}) before listening`)));
  });
});

test.afterAll(async () => {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
});

async function editorPage(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: BASE });
  const page = await context.newPage();
  await signInAs(page, username);
  return page;
}

/** The entry's form, loaded: the rich-text body shows the clause. */
async function openEntry(page: Page) {
  await page.goto(ENTRY);
  const body = page.locator('[contenteditable="true"]').first();
  await expect(body).toContainText(CLAUSE, { timeout: 20_000 });
  return body;
}

/** Clicks at the end of a clause and types after it, in the real ProseMirror editor. */
async function typeAfter(page: Page, clause: string, text: string) {
  await page.locator('[contenteditable="true"] li', { hasText: clause }).first().click();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

const saveButton = (page: Page) => page.getByRole('button', { name: 'يحفظ' });

test('a visitor is sent to sign in, a contractor is refused with 403', async ({ browser }) => {
  const visitor = await (await browser.newContext({ baseURL: BASE })).newPage();
  const first = await visitor.request.get(`${BASE}/keystatic`, { maxRedirects: 0 });
  expect(first.status()).toBe(401);
  await visitor.goto('/keystatic');
  await visitor.waitForURL((url) => url.pathname === '/sign-in' && url.searchParams.get('next') === '/keystatic');

  const contractor = await editorPage(browser, 'demo.contractor');
  const refused = await contractor.goto(ENTRY);
  expect(refused!.status()).toBe(403);
  await expect(contractor.locator('h1')).toHaveText('دسترسی ندارید');
  expect((await contractor.request.get(`${BASE}/keystatic-ui/taxonomy.json`)).status()).toBe(403);
  expect((await contractor.request.get(`${BASE}/api/keystatic/tree`)).status()).toBe(403);
});

test('an editor amends a clause and the commit names her; a second editor’s stale save is refused in Persian', async ({ browser }) => {
  test.setTimeout(90_000);
  const before = git('rev-parse', 'HEAD');
  const zahra = await editorPage(browser, 'demo.editor');
  const hamid = await editorPage(browser, 'demo.editor2');
  const external: string[] = [];
  for (const page of [zahra, hamid]) page.on('request', (r) => void (r.url().startsWith(BASE) || r.url().startsWith('data:') || external.push(r.url())));

  await openEntry(zahra);
  await openEntry(hamid); // Hamid has the text as it was before Zahra's save.

  await expect(zahra.locator('html')).toHaveAttribute('dir', 'rtl');
  const font = await zahra.locator('[contenteditable="true"]').first().evaluate((el) => getComputedStyle(el).fontFamily);
  expect(font).toContain('Vazirmatn');
  expect(await zahra.evaluate(() => document.fonts.check('16px Vazirmatn', 'ماده'))).toBe(true);

  await typeAfter(zahra, CLAUSE, ADDED);
  await readmeShot(zahra, 'keystatic-form');
  const saved = zahra.waitForResponse((r) => r.url().endsWith('/api/keystatic/update'));
  await saveButton(zahra).click();
  expect((await saved).status()).toBe(200);

  const after = git('rev-parse', 'HEAD');
  expect(after).not.toBe(before);
  expect(git('log', '-1', '--format=%an <%ae>', '--', FILE)).toBe('زهرا موسوی <demo.editor@ayin.invalid>');
  expect(git('show', '--name-only', '--format=', 'HEAD')).toBe(FILE);
  const written = readFileSync(path.join(contentRoot, FILE), 'utf8');
  expect(written).toContain(CLAUSE + ADDED);
  // The slug field keeps the code in the front matter (the file name is its slug).
  expect(written).toMatch(/^code: CS-002$/m);
  expect(git('status', '--porcelain')).toBe('');

  await typeAfter(hamid, 'بارگذاری یا استعلام الکترونیکی مدارک', ' (ویرایش حمید)');
  const refused = hamid.waitForResponse((r) => r.url().endsWith('/api/keystatic/update'));
  await saveButton(hamid).click();
  expect((await refused).status()).toBe(409);
  await expect(hamid.getByText('به دست ویراستار دیگری تغییر کرده است').first()).toBeVisible();
  // Nothing of Hamid's reached the disk or the log; Zahra's text stands.
  expect(git('rev-parse', 'HEAD')).toBe(after);
  expect(readFileSync(path.join(contentRoot, FILE), 'utf8')).toBe(written);
  expect(external).toEqual([]);
});

test('the dashboard: the author submits and sees no approve button, the API refuses her approval; another approver reads the redline and approves', async ({ browser }) => {
  test.setTimeout(90_000);
  const card = (page: Page, state: string) => page.locator(`section[aria-labelledby="state-${state}"] article[data-path="${FILE}"]`);
  const zahra = await editorPage(browser, 'demo.editor');
  await gotoHydrated(zahra, '/editorial');
  await expect(zahra.getByRole('heading', { level: 1 })).toHaveText('کارتابل ویرایش');
  await expect(card(zahra, 'draft')).toContainText('در دست نویسندگان');
  // The transition's own answer is awaited and checked: a refusal then fails here with the
  // server's status, not later as a card that never moved.
  const submitted = zahra.waitForResponse((r) => r.url().endsWith('/api/editorial/transition'));
  await card(zahra, 'draft').getByRole('button', { name: 'فرستادن برای بررسی' }).click();
  const submitAnswer = await submitted;
  expect(submitAnswer.status(), await submitAnswer.text()).toBe(200);
  await expect(card(zahra, 'in-review')).toBeVisible({ timeout: 15_000 });
  await expect(card(zahra, 'in-review').getByRole('button', { name: 'تأیید' })).toHaveCount(0);
  // The page only leaves the button out; the server refuses the author whatever she sends.
  const { csrfToken } = (await (await zahra.request.get(`${BASE}/api/auth/me`)).json()) as { csrfToken: string };
  const change = ((await (await zahra.request.get(`${BASE}/api/editorial/changes`)).json()) as { changes: { path: string; textHash: string }[] }).changes.find((c) => c.path === FILE)!;
  const refused = await zahra.request.post(`${BASE}/api/editorial/transition`, { headers: { 'x-csrf-token': csrfToken }, data: { path: FILE, action: 'approve', textHash: change.textHash } });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { message: string }).message).toMatch(/[\u0600-\u06FF]/);

  const approver = await editorPage(browser, 'demo.approver');
  await gotoHydrated(approver, '/editorial');
  const inReview = card(approver, 'in-review');
  await inReview.getByRole('button', { name: 'متن اصلاحی' }).click();
  // The redline reads the content root's editions: seconds on a loaded machine (it timed out at 5 s).
  await expect(inReview.getByTestId('redline').locator('ins')).toContainText(ADDED.trim().split(' ')[0]!, { timeout: 30_000 });
  await inReview.scrollIntoViewIfNeeded();
  await readmeShot(approver, 'editorial-review');
  await inReview.getByRole('button', { name: 'برگرداندن' }).click();
  await expect(inReview.getByRole('alert')).toHaveText('دلیل برگرداندن را بنویسید.');
  const approvedAnswer = approver.waitForResponse((r) => r.url().endsWith('/api/editorial/transition'));
  await inReview.getByRole('button', { name: 'تأیید' }).click();
  expect((await approvedAnswer).status()).toBe(200);
  const approved = card(approver, 'approved');
  await expect(approved).toBeVisible({ timeout: 15_000 });
  await approved.getByRole('button', { name: 'تاریخچه' }).click();
  const history = approved.getByTestId('history');
  await expect(history).toContainText('زهرا موسوی');
  await expect(history.locator('li')).toHaveCount(3 + 2); // edit, submit, approve; Zahra's commit and the seed
  await expect(history).toContainText(git('rev-parse', 'HEAD').slice(0, 8));
});

test('the approver sees the reviews due and the publish plan’s refusals in Persian, with no publish button', async ({ browser }) => {
  const approver = await editorPage(browser, 'demo.approver');
  await gotoHydrated(approver, '/editorial');
  // CS-001 came into force on 1402/07/01 and is reviewed every 24 months: overdue since 1404/07/01.
  await expect(approver.getByTestId('reviews').locator('tr', { hasText: 'CS-001' })).toContainText('۱۴۰۴/۰۷/۰۱');
  await expect(approver.getByTestId('reviews').locator('tr', { hasText: 'CS-001' })).toHaveAttribute('data-status', 'overdue');

  await approver.getByLabel('تاریخ اجرا').fill('۱۴۰۶/۰۷/۰۱');
  await approver.getByLabel('شماره ابلاغیه').fill('۱۴۰۶/ه‌م/۱۰۰');
  await approver.getByLabel('تاریخ ابلاغیه').fill('1406/06/10');
  await approver.getByLabel('خلاصه').fill('اصلاح ماده ۲ دستورالعمل فروش انشعاب.');
  const head = git('rev-parse', 'HEAD');
  const check = approver.getByRole('button', { name: 'بررسی پیش از انتشار' });
  await check.click();
  // The dry run validates the whole would-be edition (seconds on a loaded machine): the button
  // is disabled while it runs; wait for it to come back, then read what the plan said.
  await expect(check).toBeEnabled({ timeout: 60_000 });
  const refusals = approver.getByText('انتشار ممکن نیست').locator('..');
  await expect(refusals).toContainText('docs/energy-sales/es-012.mdx');
  await expect(refusals).toContainText('متن تازه در وضعیت «پیش‌نویس» است');
  // The edition's name is isolated left to right, or the hyphen would show it as «۰۷-۱۴۰۶».
  await expect(refusals).toContainText(`پیوند به ES-012 در ویرایش ${editionLabel('1406-07')} شکسته می‌شود`);
  // A refused plan is no plan: nothing to publish from.
  await expect(approver.getByTestId('publish-plan')).toHaveCount(0);
  await refusals.scrollIntoViewIfNeeded();
  await readmeShot(approver, 'editorial-publish-refused');
  await expect(approver.getByRole('button', { name: 'انتشار', exact: true })).toHaveCount(0);
  expect(git('rev-parse', 'HEAD')).toBe(head);

  const zahra = await editorPage(browser, 'demo.editor');
  await gotoHydrated(zahra, '/editorial');
  await expect(zahra.getByTestId('reviews')).toBeVisible();
  await expect(zahra.getByRole('heading', { name: 'انتشار ویرایش بعدی' })).toHaveCount(0);
});
