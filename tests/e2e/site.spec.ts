import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { formatJalaliLong } from '../../src/domain/jalali';
import { corpus, listed, regulation } from './corpus';
import { signInAs } from './auth';
import { gotoHydrated } from './hydrated';
import { seriousViolations } from './axe';

const cs002 = regulation('CS-002');

// Staff read every published text; visitors who have not signed in get the public build.
test.beforeEach(async ({ page }) => signInAs(page, 'demo.staff'));

test('every page is Persian and right-to-left', async ({ page }) => {
  for (const url of ['/', cs002.permalink, '/glossary', '/announcements', '/courses/meter-reading']) {
    await page.goto(url);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fa-IR');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  }
});

test('staff go from home to an area, a regulation and a clause', async ({ page }) => {
  await page.goto('/');
  const area = corpus.taxonomy.areas.find((a) => a.id === 'connection-sales')!;
  await page.getByRole('link', { name: new RegExp(area.title) }).first().click();
  await expect(page).toHaveURL(/\/regulations\/\d{4}-\d{2}\/connection-sales$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(area.title);

  await page.locator('main').getByRole('link', { name: new RegExp(cs002.frontMatter.title) }).first().click();
  await expect(page).toHaveURL(cs002.permalink);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(cs002.frontMatter.title);

  const article = cs002.clauses.find((c) => c.kind === 'article' && c.ref.article === 5)!;
  await page.locator('.theme-doc-toc-desktop').getByRole('link', { name: new RegExp(`^${article.label}`) }).click();
  await expect(page).toHaveURL(new RegExp(`#${encodeURIComponent(article.anchor)}$`));
  await expect(page.locator(`[id="${article.anchor}"]`)).toBeInViewport();
});

test('a deep link to a note opens it, highlighted', async ({ page }) => {
  const note = cs002.clauses.find((c) => c.kind === 'note')!;
  await page.goto(`${cs002.permalink}#${note.anchor}`);
  const target = page.locator(`[id="${note.anchor}"]`);
  await expect(target).toBeInViewport();
  await expect(target).toHaveCSS('background-color', 'rgb(255, 243, 196)');
  // Not hidden under the sticky navbar.
  const box = await target.boundingBox();
  expect(box!.y).toBeGreaterThanOrEqual(60);
});

test('the metadata card shows the regulation in Jalali and Persian digits', async ({ page }) => {
  await page.goto(cs002.permalink);
  const card = page.getByRole('region', { name: 'شناسنامه مقرره' });
  const fm = cs002.frontMatter;
  await expect(card).toContainText(fm.code);
  await expect(card).toContainText(formatJalaliLong(fm.inForceFrom));
  await expect(card).toContainText(formatJalaliLong(fm.notification!.date));
  await expect(card).toContainText(corpus.taxonomy.authorities.find((a) => a.id === fm.authority)!.title);
  await expect(card).toContainText('مصوب');
  // Dates and numbers in Persian digits; only the Latin code keeps ASCII digits.
  const text = (await card.innerText()).replace(fm.code, '');
  expect(text).not.toMatch(/[0-9]/);
  // The code is an isolated left-to-right run inside the right-to-left card.
  await expect(card.locator('.ayin-code').first()).toHaveCSS('direction', 'ltr');
});

test('copy citation copies the code, the clause and its link', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  const note = cs002.clauses.find((c) => c.kind === 'note')!;
  await gotoHydrated(page, cs002.permalink);
  const button = page.getByRole('button', { name: `رونوشت ارجاع به ${note.label}` });
  await button.click();
  await expect(button).toContainText('ارجاع رونوشت شد');
  await expect(page.getByRole('status').filter({ hasText: 'ارجاع رونوشت شد' })).toHaveCount(1);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const [head, link] = copied.split('\n');
  expect(head).toContain(`${note.label} ${cs002.frontMatter.title}`);
  expect(head).toContain('CS-002');
  expect(decodeURIComponent(link!)).toBe(`${baseURL}${cs002.permalink}#${note.anchor}`);
  // The link really opens that clause.
  await page.goto(link!);
  await expect(page.locator(`[id="${note.anchor}"]`)).toBeInViewport();
});

test('links between regulations by code lead to the cited clause', async ({ page }) => {
  const source = [...listed.values()].find((r) => r.links.some((l) => l.anchor))!;
  const link = source.links.find((l) => l.anchor)!;
  await page.goto(source.permalink);
  await page.locator(`a[data-reg-code="${link.code}"][href*="${encodeURIComponent(link.anchor!)}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`${regulation(link.code).permalink}#`));
  await expect(page.locator(`[id="${link.anchor}"]`)).toBeInViewport();
});

test('announcement feeds list every announcement to staff, and none outside its audience to visitors', async ({ request, playwright, baseURL }) => {
  const visitor = await playwright.request.newContext({ baseURL });
  const visitorFeed = await visitor.get('/announcements/rss.xml');
  const visible = corpus.announcements.filter(({ announcement }) => announcement.audience.includes('public'));
  if (visible.length) {
    const body = await visitorFeed.text();
    for (const { announcement } of corpus.announcements) expect(body.includes(announcement.title), announcement.title).toBe(announcement.audience.includes('public'));
  } else {
    expect(visitorFeed.status()).toBe(404);
  }
  await visitor.dispose();

  await request.post('/api/auth/sign-in', { data: { username: 'demo.staff', password: 'ayin-demo-1234' } });
  for (const feed of ['rss.xml', 'atom.xml']) {
    const res = await request.get(`/announcements/${feed}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/xml/);
    const body = await res.text();
    for (const { announcement } of corpus.announcements) expect(body).toContain(announcement.title);
  }
});

test('an unknown path gets the Persian 404 page', async ({ page }) => {
  const res = await page.goto('/regulations/no-such-page');
  expect(res!.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('صفحه‌ای که دنبال آن بودید پیدا نشد');
});

test('a regulation prints cleanly with its metadata card', async ({ page }) => {
  await page.goto(cs002.permalink);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('nav.navbar')).toBeHidden();
  await expect(page.locator('.theme-doc-sidebar-container')).toBeHidden();
  await expect(page.locator('.theme-doc-toc-desktop')).toBeHidden();
  await expect(page.locator('footer')).toBeHidden();
  await expect(page.getByRole('region', { name: 'شناسنامه مقرره' })).toBeVisible();
  await expect(page.getByRole('button', { name: /رونوشت ارجاع/ }).first()).toBeHidden();
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.byteLength).toBeGreaterThan(10_000);
});

test('home finds a regulation by code in Persian digits or by title with Arabic letters', async ({ page }) => {
  await gotoHydrated(page, '/');
  const box = page.getByLabel('یافتن مقرره با کد یا عنوان');
  await box.fill('cs-۰۰۲');
  await expect(page.getByRole('link', { name: new RegExp(cs002.frontMatter.title) })).toBeVisible();
  await box.fill('فروش انشعاب و مدارك');
  await expect(page.getByRole('link', { name: new RegExp(cs002.frontMatter.title) })).toBeVisible();
});

test('no request leaves the machine when pages load', async ({ page, baseURL }) => {
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(baseURL!) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  for (const url of ['/', cs002.permalink, '/glossary', '/announcements']) await page.goto(url, { waitUntil: 'networkidle' });
  expect(foreign).toEqual([]);
  // The self-hosted font really is used.
  expect(await page.evaluate(() => document.fonts.check('16px Vazirmatn'))).toBe(true);
});

for (const [name, url] of [['home', '/'], ['area', '/regulations/connection-sales'], ['regulation', cs002.permalink]] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`accessibility of the ${name} page (${scheme}): no serious or critical axe violations`, async ({ page }) => {
      expect(await seriousViolations(page, url, scheme)).toEqual([]);
    });
  }
}

test('the sign-in link keeps its full contrast while the session is still loading', async ({ page }) => {
  // A signed-in reader's page asks who they are; hold the answer back, so the page stays in its
  // "loading" state (drawn as «ورود») as long as we look.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/api/auth/me', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  const link = page.locator('.navbar [data-account="signed-out"]');
  await expect(link).toHaveAttribute('data-session', 'loading');
  const violations = (await new AxeBuilder({ page }).include('.navbar').withRules(['color-contrast']).analyze()).violations;
  const opacity = await link.evaluate((a) => getComputedStyle(a).opacity);
  release();
  expect(violations.map((v) => v.id)).toEqual([]);
  expect(opacity).toBe('1');
});
