import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { FALLBACK_PID_FILE, FALLBACK_PORT } from '../../playwright.config';
import { regulation } from './corpus';
import { signInAs } from './auth';
import { gotoHydrated } from './hydrated';

const es007 = regulation('ES-007');

// Staff read every published text; visitors who have not signed in get the public build.
test.beforeEach(async ({ page }) => signInAs(page, 'demo.staff'));

test('results as you type, with Arabic letters, highlighted, and keyboard navigation to the clause', async ({ page }) => {
  await gotoHydrated(page, '/');
  const box = page.getByRole('combobox', { name: 'جست‌وجو در مقررات، دوره‌ها و ابلاغیه‌ها' });
  await box.fill('قطع برق مشتركين بدهكار');
  const listbox = page.getByRole('listbox', { name: 'نتایج جست‌وجو' });
  await expect(listbox.getByRole('option').first()).toBeVisible();
  await expect(listbox.locator('mark').first()).toBeVisible();
  // The query was typed with Arabic ي/ك; the marks are on the Persian spellings.
  await expect(listbox.locator('mark', { hasText: 'مشترکین' }).first()).toBeVisible();
  await expect(page.getByText('جست‌وجوی آفلاین')).toHaveCount(0);

  await box.press('ArrowDown');
  await expect(listbox.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  const firstHref = await listbox.getByRole('option').first().locator('a').getAttribute('href');
  await box.press('Enter');
  await expect(page).toHaveURL(new RegExp(firstHref!.split('#')[0]!));
  if (firstHref!.includes('#')) {
    const anchor = decodeURIComponent(firstHref!.split('#')[1]!);
    await expect(page.locator(`[id="${anchor}"]`)).toBeInViewport();
  }
});

test('«/» focuses the search box and Escape closes the results', async ({ page }) => {
  await gotoHydrated(page, es007.permalink);
  await page.keyboard.press('/');
  const box = page.getByRole('combobox', { name: 'جست‌وجو در مقررات، دوره‌ها و ابلاغیه‌ها' });
  await expect(box).toBeFocused();
  await box.fill('تقسیط بدهی');
  await expect(page.getByRole('listbox')).toBeVisible();
  await box.press('Escape');
  await expect(page.getByRole('listbox')).toHaveCount(0);
});

test('the search page keeps query and filters in the URL and filters by facet', async ({ page }) => {
  await page.goto('/search?q=' + encodeURIComponent('مهلت پاسخ شکایت') + '&kind=regulation');
  await expect(page.getByText(/نتیجه برای «مهلت پاسخ شکایت»/)).toBeVisible();
  const area = page.getByRole('group', { name: 'حوزه' });
  await area.getByRole('checkbox', { name: /نظارت/ }).check();
  await expect(page).toHaveURL(/area=supervision/);
  const crumbs = page.locator('section[aria-label="نتایج"] ol li');
  await expect(crumbs.first()).toBeVisible();
  for (const text of await crumbs.allInnerTexts()) expect(text).toContain('نظارت');
  // The filter is shown and can be removed.
  await page.getByRole('button', { name: 'حذف پالایه نظارت' }).click();
  await expect(page).not.toHaveURL(/area=/);
});

test('unknown or hostile filter values in the URL are ignored, not passed on', async ({ page }) => {
  await page.goto('/search?q=' + encodeURIComponent('انشعاب') + '&area=' + encodeURIComponent('x"] OR audience = staff OR area IN ["') + '&audience=nobody');
  await expect(page.getByText(/نتیجه برای «انشعاب»/)).toBeVisible();
  await expect(page.getByRole('button', { name: /حذف پالایه/ })).toHaveCount(0);
});

test('no results: says so, suggests removing filters and shows glossary matches', async ({ page }) => {
  await page.goto('/search?q=' + encodeURIComponent('کنتور زرافه‌نما') + '&area=awareness-training&type=form');
  await expect(page.getByText('نتیجه‌ای پیدا نشد.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'بدون پالایه‌ها جست‌وجو کنید' })).toBeVisible();
  await expect(page.getByText('در واژه‌نامه:')).toBeVisible();
  await expect(page.locator('a[href^="/glossary#"]').first()).toBeVisible();
});

test('empty, whitespace and very long queries get a sensible answer', async ({ page }) => {
  await page.goto('/search?q=' + encodeURIComponent('   '));
  await expect(page.getByText(/عبارتی بنویسید/)).toBeVisible();
  // A long link (about 12 KB) is cut to the first 200 characters.
  await gotoHydrated(page, '/search?q=' + encodeURIComponent('شکایت '.repeat(350)));
  await expect(page.getByText(/نتیجه برای|نتیجه‌ای پیدا نشد/)).toBeVisible();
  // 10,000 characters typed or pasted into the navbar box.
  const box = page.getByRole('combobox');
  await box.fill('قبض '.repeat(2500));
  await expect(page.getByText(/\d+ نتیجه|[۰-۹]+ نتیجه|نتیجه‌ای پیدا نشد/).first()).toBeVisible();
  await expect(page.locator('body')).not.toContainText('Error');
});

test('when Meilisearch stops, search falls back to the offline index and says so', async ({ page }) => {
  const base = `http://127.0.0.1:${FALLBACK_PORT}`;
  // That server has a database of its own: sign in there (cookies do not tell ports apart).
  await signInAs(page, 'demo.staff', base);
  await gotoHydrated(page, `${base}/search?q=${encodeURIComponent('تقسیط بدهی مشترکین')}`);
  await expect(page.getByText(/نتیجه برای/)).toBeVisible();
  await expect(page.getByText(/جست‌وجوی آفلاین/)).toHaveCount(0);

  process.kill(Number(readFileSync(FALLBACK_PID_FILE, 'utf8')), 'SIGUSR2');
  await expect.poll(async () => (await (await fetch(`${base}/api/search/config`)).json()).engine, { timeout: 10_000 }).toBe('lunr');

  // Same page, new query: the browser still believes the server's search is up; it does not answer.
  await page.getByRole('searchbox', { name: 'عبارت جست‌وجو' }).fill('جریمه تجاوز از قدرت');
  await page.getByRole('button', { name: 'جست‌وجو', exact: true }).click();
  await expect(page.getByText(/جست‌وجوی آفلاین/)).toBeVisible();
  await expect(page.locator('section[aria-label="نتایج"] ol li').first()).toBeVisible();
  // A fresh visit is told the offline engine straight away.
  await gotoHydrated(page, `${base}/`);
  await page.getByRole('combobox').fill('قرائت کنتور');
  await expect(page.getByText(/جست‌وجوی آفلاین/)).toBeVisible();
});

test('a signed-in contractor gets the contractor offline index and ranked search, not staff ones', async ({ request }) => {
  // Visitors who have not signed in get the public audience.
  expect((await (await request.get('/api/search/config')).json()).audience).toBe('public');
  const signIn = await request.post('/api/auth/sign-in', { data: { username: 'demo.contractor', password: 'ayin-demo-1234' } });
  expect(signIn.status()).toBe(200);
  const config = await (await request.get('/api/search/config')).json();
  expect(config.audience).toBe('contractor');
  expect(config.lunr.url).toBe('/search-index/contractor.json');
  expect((await request.get('/search-index/staff.json')).status()).toBe(403);
  expect((await request.get('/search-index/contractor.json')).status()).toBe(200);
  // Meilisearch is never reached from the browser: no token, no proxy.
  expect(config.meili).toBeUndefined();
  expect((await request.post('/api/search/meili/indexes/ayin/search', { data: { q: '' } })).status()).toBe(404);
  // The ranked search answers under the session's audience: a body asking for staff-only texts gets none.
  const res = await request.post('/api/search/query', { data: { query: 'مهلت پاسخ به شکایت مشترک چند روز است', limit: 50, filters: { audience: ['staff'] }, audience: 'staff' } });
  expect(res.status()).toBe(200);
  const answer = await res.json();
  expect(answer.audience).toBe('contractor');
  const hits = answer.hits as { audience: string[] }[];
  expect(hits.filter((h) => !h.audience.includes('contractor') && !h.audience.includes('public'))).toEqual([]);
});

test('a question asked in the navbar and on /search is answered by the server in one request, its clause first with its breadcrumb', async ({ page }) => {
  const QUESTION = 'مشترک بدهکار بعد از پرداخت بدهی چند ساعت بعد برق او وصل می‌شود';
  const asked: string[] = [];
  page.on('request', (req) => {
    if (req.url().includes('/api/search/')) asked.push(`${req.method()} ${new URL(req.url()).pathname}`);
  });
  await gotoHydrated(page, '/');
  const box = page.getByRole('combobox', { name: 'جست‌وجو در مقررات، دوره‌ها و ابلاغیه‌ها' });
  await box.fill(QUESTION);
  const first = page.getByRole('listbox', { name: 'نتایج جست‌وجو' }).getByRole('option').first();
  await expect(first).toBeVisible();
  // The first hit is a clause (its link has the clause's anchor) and shows where it sits.
  await expect(first.locator('a')).toHaveAttribute('href', /#ماده-/);
  await expect(first).toContainText('›');
  await expect(page.getByText('جست‌وجوی آفلاین')).toHaveCount(0);

  await gotoHydrated(page, `/search?q=${encodeURIComponent(QUESTION)}`);
  const hit = page.locator('section[aria-label="نتایج"] ol li').first();
  await expect(hit.locator('a')).toHaveAttribute('href', /#ماده-/);
  await expect(hit).toContainText('›');
  expect(asked).toContain('POST /api/search/query');
  expect(asked.filter((a) => a.includes('/api/search/meili'))).toEqual([]);
});
