/**
 * Editions in search: results default to the edition in force on the day the browser asks
 * (not the build's day), the facet lists every edition by name and status, and hits from a
 * past or upcoming edition say so.
 */
import { expect, test, type Page } from '@playwright/test';
import { editionForDate } from '../../src/content/editions';
import { jalaliToGregorianUTC } from '../../src/domain/jalali';
import { editionLabel } from '../../src/lib/edition-paths';
import { signInAs } from './auth';
import { corpus } from './corpus';
import { gotoHydrated } from './hydrated';

// The browser's day is pinned inside the sample history (1404-09 in force, 1403-07 before it,
// 1406-01 still to come), so the tests mean the same whatever day they run on.
const VIEWING_DAY = { year: 1405, month: 9, day: 6 };
const inForce = editionForDate(corpus, VIEWING_DAY)!;
const names = corpus.editions.map((e) => e.name);
const older = names[names.indexOf(inForce.name) - 1]!;
const newer = names[names.indexOf(inForce.name) + 1]!;
const QUERY = 'مهلت وصل مجدد برق';

test.beforeEach(async ({ page }) => {
  // Noon in Tehran (UTC+3:30) of the viewing day.
  await page.clock.setFixedTime(new Date(jalaliToGregorianUTC(VIEWING_DAY).getTime() - 3.5 * 3600_000));
  await signInAs(page, 'demo.staff');
});

test('the sample history has an edition before and after the one in force on the viewing day', () => {
  expect(inForce.name).toBe('1404-09');
  expect(older).toBe('1403-07');
  expect(newer).toBe('1406-01');
});

const results = (page: Page) => page.locator('section[aria-label="نتایج"] ol li a');
const facet = (page: Page) => page.getByRole('group', { name: 'ویرایش مقررات' });

async function regulationHrefs(page: Page) {
  await expect(results(page).first()).toBeVisible();
  return (await results(page).evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))).filter((h) => h.startsWith('/regulations/'));
}

test('results default to the edition in force, and the facet names every edition with its status', async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent(QUERY)}`);
  const hrefs = await regulationHrefs(page);
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) expect(href).toMatch(new RegExp(`^/regulations/${inForce.name}/`));
  // Hits of the edition in force carry no edition label.
  await expect(page.locator('[data-edition-status]')).toHaveCount(0);

  const group = facet(page);
  await expect(group.getByRole('checkbox', { name: `ویرایش ${editionLabel(inForce.name)} — لازم‌الاجرا` })).toBeChecked();
  await expect(group.getByRole('checkbox', { name: `ویرایش ${editionLabel(older)} — منسوخ` })).not.toBeChecked();
  await expect(group.getByRole('checkbox', { name: new RegExp(`ویرایش ${editionLabel(newer)} — آینده، از `) })).not.toBeChecked();
  await expect(group.getByRole('checkbox', { name: 'همه ویرایش‌ها' })).not.toBeChecked();
  await expect(page.getByText(`در ویرایش ${editionLabel(inForce.name)} — لازم‌الاجرا`)).toBeVisible();
});

test('ticking a past edition adds its hits, labelled as no longer in force, at that edition\'s URLs', async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent(QUERY)}`);
  await facet(page).getByRole('checkbox', { name: `ویرایش ${editionLabel(older)} — منسوخ` }).check();
  await expect(page).toHaveURL(new RegExp(`edition=${older}`));
  // Only the past edition: untick the one in force.
  await facet(page).getByRole('checkbox', { name: `ویرایش ${editionLabel(inForce.name)} — لازم‌الاجرا` }).uncheck();
  await expect(page).not.toHaveURL(new RegExp(`edition=${inForce.name}`));
  // The URL changes before the new results arrive: wait for the list to be the past edition's.
  const pastOnly = new RegExp(`^/regulations/${older}/`);
  await expect.poll(async () => (await regulationHrefs(page)).every((href) => pastOnly.test(href)), { timeout: 10_000 }).toBe(true);
  const hrefs = await regulationHrefs(page);
  expect(hrefs.length).toBeGreaterThan(0);
  const labels = page.locator('[data-edition-status="past"]');
  await expect(labels.first()).toHaveText(`ویرایش ${editionLabel(older)} — منسوخ`);
  expect(await labels.count()).toBe(hrefs.length);

  // «همه ویرایش‌ها» lifts the restriction; removing the filter chip goes back to the default.
  await facet(page).getByRole('checkbox', { name: 'همه ویرایش‌ها' }).check();
  await expect(page).toHaveURL(/edition=all/);
  await expect.poll(async () => new Set((await regulationHrefs(page)).map((h) => h.split('/')[2])).size, { timeout: 10_000 }).toBeGreaterThan(1);
  await page.getByRole('button', { name: 'حذف پالایه همه ویرایش‌ها' }).click();
  await expect(page).not.toHaveURL(/edition=/);
  await expect(facet(page).getByRole('checkbox', { name: `ویرایش ${editionLabel(inForce.name)} — لازم‌الاجرا` })).toBeChecked();
});

test('the default follows the browser\'s date: once the next edition takes effect, search shows it, whatever the build\'s date', async ({ page }) => {
  const next = corpus.editions.find((e) => e.name === newer)!;
  // Noon of its first day, Tehran (UTC+3:30): the build was made before it.
  await page.clock.setFixedTime(new Date(jalaliToGregorianUTC(next.entry.effective).getTime() - 3.5 * 3600_000));
  await page.goto(`/search?q=${encodeURIComponent(QUERY)}`);
  const hrefs = await regulationHrefs(page);
  for (const href of hrefs) expect(href).toMatch(new RegExp(`^/regulations/${newer}/`));
  await expect(facet(page).getByRole('checkbox', { name: `ویرایش ${editionLabel(newer)} — لازم‌الاجرا` })).toBeChecked();
  await expect(facet(page).getByRole('checkbox', { name: `ویرایش ${editionLabel(inForce.name)} — منسوخ` })).not.toBeChecked();
});

test('the navbar search shows the edition in force only', async ({ page }) => {
  await gotoHydrated(page, '/');
  const box = page.getByRole('combobox', { name: 'جست‌وجو در مقررات، دوره‌ها و ابلاغیه‌ها' });
  await box.fill(QUERY);
  const options = page.getByRole('listbox', { name: 'نتایج جست‌وجو' }).getByRole('option');
  await expect(options.locator('a[href^="/regulations/"]').first()).toBeVisible();
  const hrefs = (await options.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))).filter((h) => h.startsWith('/regulations/'));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) expect(href).toMatch(new RegExp(`^/regulations/${inForce.name}/`));
});

test('offline, the Lunr index answers for every edition too: past hits labelled, at their own URLs', async ({ page }) => {
  // The server's search does not answer this browser: the client falls back to the build's Lunr index.
  await page.route('**/api/search/query', (route) => route.abort());
  await page.goto(`/search?q=${encodeURIComponent(QUERY)}`);
  await expect(page.getByText('جست‌وجوی آفلاین (کارساز جست‌وجو در دسترس نیست)')).toBeVisible();
  for (const href of await regulationHrefs(page)) expect(href).toMatch(new RegExp(`^/regulations/${inForce.name}/`));
  await expect(page.locator('[data-edition-status]')).toHaveCount(0);

  await page.goto(`/search?q=${encodeURIComponent(QUERY)}&edition=${older}`);
  await expect(page.getByText('جست‌وجوی آفلاین (کارساز جست‌وجو در دسترس نیست)')).toBeVisible();
  const hrefs = await regulationHrefs(page);
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) expect(href).toMatch(new RegExp(`^/regulations/${older}/`));
  await expect(page.locator('[data-edition-status="past"]').first()).toHaveText(`ویرایش ${editionLabel(older)} — منسوخ`);
});
