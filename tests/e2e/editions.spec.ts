/**
 * Editions as a reader sees them: the timeline and banners of a regulation page, the redline,
 * the point-in-time picker and its citable URL, and Persian messages for bad edition URLs.
 * "Today" is fixed in the browser (page.clock), since what is in force is decided when a page
 * is viewed: a day in 1405 (1406-01 published but upcoming) and a day after 1406/01/01.
 */
import { expect, test, type Page } from '@playwright/test';
import { jalaliToGregorianUTC, parseJalali } from '../../src/domain/jalali';
import { editionLabel as ed } from '../../src/lib/edition-paths';
import { signInAs } from './auth';
import { gotoHydrated } from './hydrated';

const SHOTS = process.env.E2E_SCREENSHOTS_DIR;

/** Noon in Tehran on a Jalali day. */
function dayOf(jalali: string): Date {
  const parsed = parseJalali(jalali);
  if (!parsed.ok) throw new Error(parsed.error);
  return jalaliToGregorianUTC(parsed.date);
}

const IN_1405 = dayOf('1405/09/06');
const AFTER_1406 = dayOf('1406/01/02');

async function viewOn(page: Page, day: Date, url: string) {
  await page.clock.setFixedTime(day);
  await gotoHydrated(page, url);
}

test.beforeEach(async ({ page }) => signInAs(page, 'demo.staff'));

test('an amended regulation shows the editions where its text changed, this one and the one in force marked', async ({ page }) => {
  await viewOn(page, IN_1405, '/regulations/1403-07/energy-sales/es-007');
  const timeline = page.getByTestId('edition-timeline');
  await expect(timeline.locator('li[data-edition]')).toHaveCount(3);
  await expect(timeline.locator('li[data-edition="1403-07"]')).toHaveAttribute('aria-current', 'page');
  await expect(timeline.locator('li[data-edition="1404-09"]')).toContainText('لازم‌الاجرای کنونی');
  await expect(timeline.locator('li[data-edition="1404-09"]')).toContainText('لازم‌الاجرا از ۱۴۰۴/۰۹/۰۱');
  await expect(timeline.locator('li[data-edition="1404-09"]')).toContainText('۱۴۰۴/ن/۳۱۲۰');
  await expect(timeline.locator('li[data-edition="1404-09"]')).toContainText('تبصره ۲ ماده ۵ افزوده شد');
  await expect(timeline.getByRole('link', { name: `مقایسه با ویرایش ${ed('1404-09')}` })).toHaveAttribute('href', '/redline/ES-007/1404-09/1406-01');
  if (SHOTS) await timeline.screenshot({ path: `${SHOTS}/timeline-es-007.png` });

  // A superseded text says by what, and links to it.
  await viewOn(page, IN_1405, '/regulations/1404-09/energy-sales/es-008');
  await expect(page.getByTestId('timeline-superseded')).toContainText('جایگزین‌شده با');
  await expect(page.getByTestId('timeline-superseded').getByRole('link')).toHaveAttribute('href', '/regulations/1406-01/energy-sales/es-013');
});

test('the redline marks insertions and deletions by shape, grouped by article, and prints', async ({ page }) => {
  await viewOn(page, IN_1405, '/redline/ES-007/1403-07/1404-09');
  await expect(page.getByTestId('redline-summary')).toContainText('تبصره ۱ ماده ۵ اصلاح شد، تبصره ۲ ماده ۵ افزوده شد، ماده ۶ اصلاح شد');
  const article6 = page.locator('section[data-article="6"]');
  await expect(article6.locator('ins').first()).toBeVisible();
  await expect(article6.locator('del').first()).toBeVisible();
  // Screen readers hear what each mark is.
  await expect(article6.locator('ins').first()).toContainText('افزوده:');
  await expect(article6.locator('del').first()).toContainText('حذف‌شده:');
  await expect(page.locator('section[data-article="5"] [data-anchor="ماده-۵-تبصره-۲"]')).toHaveAttribute('data-change', 'added');
  await expect(page.getByTestId('redline-from')).toHaveAttribute('href', '/regulations/1403-07/energy-sales/es-007');
  await expect(page.getByTestId('redline-to')).toHaveAttribute('href', '/regulations/1404-09/energy-sales/es-007');
  if (SHOTS) {
    await page.locator('main header').screenshot({ path: `${SHOTS}/redline-es-007-header.png` });
    await page.locator('section[data-article="5"]').screenshot({ path: `${SHOTS}/redline-es-007-article-5.png` });
    await article6.screenshot({ path: `${SHOTS}/redline-es-007-article-6.png` });
  }

  await page.emulateMedia({ media: 'print' });
  const ins = article6.locator('ins').first();
  const del = article6.locator('del').first();
  expect(await ins.evaluate((el) => getComputedStyle(el).textDecorationLine)).toContain('underline');
  expect(await del.evaluate((el) => getComputedStyle(el).textDecorationLine)).toContain('line-through');
  expect(await ins.evaluate((el) => getComputedStyle(el, '::before').content)).toBe('"+"');
  expect(await del.evaluate((el) => getComputedStyle(el, '::before').content)).toBe('"−"');
  await expect(article6).toBeVisible();
  if (SHOTS) await page.pdf({ path: `${SHOTS}/redline-es-007.pdf` });

  // A fee table: every changed amount marked, rows kept apart.
  await page.emulateMedia({ media: 'screen' });
  await viewOn(page, IN_1405, '/redline/CS-003/1404-09/1406-01');
  await expect(page.locator('section[data-article="3"] ins').first()).toBeVisible();
  if (SHOTS) await page.locator('section[data-article="3"]').screenshot({ path: `${SHOTS}/redline-cs-003-article-3.png` });
});

test('any other pair is compared in the browser; impossible pairs get a Persian message', async ({ page }) => {
  await viewOn(page, IN_1405, '/compare?code=CS-003&from=1403-07&to=1406-01');
  await expect(page.getByTestId('redline-summary')).toContainText('ماده ۳ اصلاح شد');
  await expect(page.locator('ins').first()).toBeVisible();

  await viewOn(page, IN_1405, '/redline/ES-013/1404-09/1406-01');
  await expect(page.getByTestId('edition-message')).toHaveText(`این مقرره در ویرایش ${ed('1404-09')} وجود نداشت.`);
  await viewOn(page, IN_1405, '/redline/CS-002/1404-09/1404-09');
  await expect(page.getByTestId('edition-message')).toContainText(`هر دو طرف مقایسه ویرایش ${ed('1404-09')} است`);
  await viewOn(page, IN_1405, '/redline/CS-002/9999-99/1404-09');
  await expect(page.getByTestId('edition-message')).toContainText(`ویرایش «${ed('9999-99')}» وجود ندارد`);
  await viewOn(page, IN_1405, '/editions/1399-01');
  await expect(page.getByTestId('edition-message')).toContainText(`ویرایش «${ed('1399-01')}» وجود ندارد`);
  // A regulation URL with an unknown edition: the 404 page says which part is wrong.
  await viewOn(page, IN_1405, '/regulations/1399-01/connection-sales/cs-002');
  await expect(page.getByTestId('edition-message')).toContainText(`ویرایش «${ed('1399-01')}» از مقررات وجود ندارد`);
  await expect(page.getByTestId('edition-message').getByRole('link', { name: 'همین صفحه در متن لازم‌الاجرای امروز' })).toHaveAttribute(
    'href',
    '/at?date=1405-09-06&page=connection-sales/cs-002',
  );
});

test('the whole-edition change list and the editions page with statuses decided today', async ({ page }) => {
  await viewOn(page, IN_1405, '/editions/1406-01');
  const list = page.getByTestId('change-list');
  await expect(list.locator('li[data-code="CS-003"]').getByRole('link', { name: 'مقایسه متن' })).toHaveAttribute('href', '/redline/CS-003/1404-09/1406-01');
  await expect(list.locator('li[data-code="ES-008"]')).toContainText('جایگزین‌شده با');
  await expect(list.locator('li[data-code="ES-013"]')).toBeVisible();
  await viewOn(page, IN_1405, '/editions/1403-07');
  await expect(page.getByTestId('baseline')).toBeVisible();

  await viewOn(page, IN_1405, '/editions');
  const status = (name: string) => page.locator(`tr[data-edition="${name}"] [data-testid="edition-status"]`);
  await expect(status('1406-01')).toHaveText('آینده');
  await expect(status('1404-09')).toHaveText('لازم‌الاجرا');
  await expect(status('1403-07')).toHaveText('منسوخ');
  await viewOn(page, AFTER_1406, '/editions');
  await expect(status('1406-01')).toHaveText('لازم‌الاجرا');
  await expect(status('1404-09')).toHaveText('منسوخ');
});

test('the upcoming banner appears on the text in force and disappears once the new text takes effect', async ({ page }) => {
  await viewOn(page, IN_1405, '/regulations/1404-09/connection-sales/cs-003');
  const banner = page.getByTestId('edition-banner');
  await expect(banner).toContainText('از ۱۴۰۶/۰۱/۰۱ متن جدید لازم‌الاجرا می‌شود');
  await expect(banner.getByRole('link', { name: /متن جدید/ })).toHaveAttribute('href', '/regulations/1406-01/connection-sales/cs-003');
  await expect(banner.getByRole('link', { name: 'تغییرات' })).toHaveAttribute('href', '/redline/CS-003/1404-09/1406-01');

  await viewOn(page, IN_1405, '/regulations/1406-01/connection-sales/cs-003');
  await expect(banner).toContainText('این متن هنوز لازم‌الاجرا نیست؛ از ۱۴۰۶/۰۱/۰۱ اجرا می‌شود');

  await viewOn(page, AFTER_1406, '/regulations/1404-09/connection-sales/cs-003');
  await expect(banner).not.toContainText('متن جدید لازم‌الاجرا می‌شود');
  await expect(banner).toContainText('این متن منسوخ است؛ از ۱۴۰۶/۰۱/۰۱ متن دیگری لازم‌الاجراست');
  await viewOn(page, AFTER_1406, '/regulations/1406-01/connection-sales/cs-003');
  await expect(banner).toHaveAttribute('data-kind', 'in-force');
  await expect(banner).toContainText('این متن لازم‌الاجراست');
});

test('a past text says so and links to the text in force', async ({ page }) => {
  await viewOn(page, IN_1405, '/regulations/1403-07/supervision/sv-001');
  const banner = page.getByTestId('edition-banner');
  await expect(banner).toContainText('این متن منسوخ است؛ از ۱۴۰۴/۰۹/۰۱ متن دیگری لازم‌الاجراست');
  await expect(page.getByTestId('banner-in-force-link')).toHaveAttribute('href', '/regulations/1404-09/supervision/sv-001');
  // Unchanged since: an old edition's page, but not an obsolete wording.
  await viewOn(page, IN_1405, '/regulations/1403-07/connection-sales/cs-002');
  await expect(banner).toHaveAttribute('data-kind', 'past-same-text');
});

test('point in time: a typed Jalali date goes to the same regulation in the edition then in force', async ({ page }) => {
  await viewOn(page, IN_1405, '/regulations/1404-09/connection-sales/cs-002');
  const picker = page.getByTestId('point-in-time');
  const input = picker.getByRole('textbox', { name: 'تاریخ (سال/ماه/روز)' });
  await input.fill('۱۴۰۳/۰۸/۱۰');
  await input.press('Enter');
  await expect(page).toHaveURL('/regulations/1403-07/connection-sales/cs-002');
  // The choice stays while browsing: the edition is in the URL.
  await expect(page.getByTestId('edition-timeline').locator('li[aria-current="page"]')).toHaveAttribute('data-edition', '1403-07');

  await input.fill('1404/12/30');
  await input.press('Enter');
  await expect(picker.getByTestId('point-in-time-error')).toContainText('۱۴۰۴/۱۲/۳۰ تاریخ درستی نیست: اسفند ۱۴۰۴ بیست‌ونه روز دارد (سال ۱۴۰۴ کبیسه نیست)');

  await input.fill('۱۴۰۳/۰۵/۱۰');
  await input.press('Enter');
  await expect(picker.getByTestId('point-in-time-error')).toContainText('در ۱۴۰۳/۰۵/۱۰ هیچ ویرایشی از مقررات در آیین لازم‌الاجرا نبود');

  // Picking month and day by name lands on the same kind of date.
  await picker.getByRole('combobox', { name: 'سال' }).selectOption('1406');
  await picker.getByRole('combobox', { name: 'ماه' }).selectOption({ label: 'فروردین' });
  await picker.getByRole('combobox', { name: 'روز' }).selectOption('2');
  await expect(input).toHaveValue('۱۴۰۶/۰۱/۰۲');
  await picker.getByRole('button', { name: 'برو' }).click();
  await expect(page).toHaveURL('/regulations/1406-01/connection-sales/cs-002');
});

test('the citable /at URL resolves and redirects, with the same messages', async ({ page }) => {
  await viewOn(page, IN_1405, '/at?date=1404-10-01&page=connection-sales/cs-002');
  await expect(page).toHaveURL('/regulations/1404-09/connection-sales/cs-002');
  await viewOn(page, IN_1405, '/at?date=1403-05-10&page=connection-sales/cs-002');
  await expect(page.getByTestId('edition-message')).toContainText('هیچ ویرایشی');
  await viewOn(page, IN_1405, '/at?date=1403-12-31');
  await expect(page.getByTestId('edition-message')).toContainText('اسفند ۱۴۰۳ سی روز دارد');
});

test('editors see the next edition as an unpublished draft and can compare it with the published text', async ({ page }) => {
  await signInAs(page, 'demo.editor');
  await viewOn(page, IN_1405, '/regulations/next/supervision/sv-008');
  await expect(page.getByTestId('edition-banner')).toContainText('پیش‌نویس؛ منتشر نشده');
  const compare = page.getByTestId('edition-timeline').getByRole('link', { name: `مقایسه با ویرایش ${ed('1406-01')}` });
  await expect(compare).toHaveAttribute('href', '/compare?code=SV-008&from=1406-01&to=next');
  await compare.click();
  await expect(page.getByTestId('redline-summary')).toContainText('اصلاح شد');
  await expect(page.locator('[data-testid="redline"] ins').first()).toBeVisible();

  await viewOn(page, IN_1405, '/compare?code=ES-012&from=1406-01&to=next');
  await expect(page.getByTestId('edition-message')).toHaveText(`این مقرره در ویرایش ${ed('1406-01')} وجود نداشت.`);
});

test('the banner decided after hydration does not shift the page (CLS)', async ({ page }) => {
  await page.clock.setFixedTime(IN_1405);
  // Collect layout shifts from the very start of the page, before any script of the site runs.
  await page.addInitScript(() => {
    (window as unknown as { __cls: number }).__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) (window as unknown as { __cls: number }).__cls += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  for (const url of ['/regulations/1404-09/connection-sales/cs-003', '/regulations/1403-07/supervision/sv-001', '/regulations/1404-09/connection-sales/cs-001']) {
    await gotoHydrated(page, url);
    await expect(page.getByTestId('edition-banner')).not.toHaveAttribute('data-kind', 'neutral');
    await page.waitForTimeout(300);
    const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
    console.log(`CLS ${url}: ${cls.toFixed(4)}`);
    expect(cls, url).toBeLessThan(0.01);
  }
});
