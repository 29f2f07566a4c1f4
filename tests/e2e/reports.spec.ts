/**
 * Supervision reports in the browser (issue 12): an admin creates a contractor of a company in
 * content/organisations.yml, who takes the meter-reading quiz today; a supervisor filters
 * /reports by that company and today's Jalali date (typed in Persian digits), sees the charts
 * and the filtered table, and downloads CSV and XLSX whose rows are exactly the filter's. An
 * impossible date is refused at its field. Also /reports at 390 px wide (screenshot).
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { gregorianToJalali } from '../../src/domain/jalali';
import { toPersianDigits } from '../../src/domain/digits';
import { DEMO_PASSWORD, signInAs } from './auth';

const COMPANY = { code: 'pars-niroo-khadamat', name: 'شرکت خدمات برق پارس نیرو' };
const COURSE = 'meter-reading';

async function signInApi(request: APIRequestContext, username: string, password: string): Promise<string> {
  const res = await request.post('/api/auth/sign-in', { data: { username, password } });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

test('a supervisor filters the reports by company and date, sees the charts, and the CSV and XLSX hold the same rows', async ({ page, playwright, baseURL }) => {
  test.setTimeout(90_000);
  const username = `pars.learner${Date.now() % 100000}`;
  const password = 'pars-learner-password-1';

  // The admin makes a contractor of پارس نیرو (by its code).
  const admin = await playwright.request.newContext({ baseURL });
  const adminCsrf = await signInApi(admin, 'demo.admin', DEMO_PASSWORD);
  expect((await admin.post('/api/auth/confirm', { data: { password: DEMO_PASSWORD }, headers: { 'x-csrf-token': adminCsrf } })).status()).toBe(200);
  const created = await admin.post('/api/admin/users', {
    data: { username, password, displayName: 'پیمان پارسا', role: 'contractor', company: '', companyCode: COMPANY.code, unitCode: '', email: '' },
    headers: { 'x-csrf-token': adminCsrf },
  });
  expect(created.status(), await created.text()).toBe(201);

  // The contractor takes the quiz today (answers nothing: a submitted attempt is enough for the reports).
  const learner = await playwright.request.newContext({ baseURL });
  const csrf = await signInApi(learner, username, password);
  const attempt = await learner.post(`/api/training/courses/${COURSE}/attempts`, { headers: { 'x-csrf-token': csrf } });
  expect(attempt.status(), await attempt.text()).toBe(200);
  const { id } = (await attempt.json()) as { id: string };
  expect((await learner.post(`/api/training/attempts/${id}/submit`, { headers: { 'x-csrf-token': csrf } })).status()).toBe(200);

  const today = gregorianToJalali(new Date());
  const todayText = `${today.year}/${String(today.month).padStart(2, '0')}/${String(today.day).padStart(2, '0')}`;

  await signInAs(page, 'demo.supervisor');
  await page.goto('/reports');
  const filters = page.getByTestId('report-filters');
  await expect(filters.getByLabel('شرکت', { exact: true })).toContainText(COMPANY.name);

  // An impossible date is refused at its field, in Persian; nothing is asked of the server.
  await filters.getByLabel('از تاریخ').fill('۱۴۰۴/۱۲/۳۰');
  await filters.getByRole('button', { name: 'اعمال پالایه' }).click();
  await expect(filters.getByRole('alert')).toContainText('«از تاریخ»');
  await expect(filters.getByRole('alert')).toContainText('کبیسه نیست');

  await filters.getByLabel('شرکت', { exact: true }).selectOption(COMPANY.code);
  await filters.getByLabel('از تاریخ').fill(toPersianDigits(todayText));
  await filters.getByLabel('تا تاریخ').fill(toPersianDigits(todayText));
  await filters.getByRole('button', { name: 'اعمال پالایه' }).click();
  // The filter is in the URL, with ASCII digits.
  await expect(page).toHaveURL(new RegExp(`company=${COMPANY.code}.*from=${encodeURIComponent(todayText)}`));
  // Opened from that URL (a bookmark, a shared link), the fields show the dates in Persian digits again.
  await page.reload();
  await expect(filters.getByLabel('از تاریخ')).toHaveValue(toPersianDigits(todayText));
  await expect(filters.getByLabel('تا تاریخ')).toHaveValue(toPersianDigits(todayText));

  const learners = page.getByRole('region', { name: 'فراگیران', exact: true });
  await expect(learners.getByRole('table')).toContainText(username);
  await expect(learners.getByRole('table')).not.toContainText('demo.contractor');
  await expect(learners.getByRole('table')).not.toContainText('refresher.contractor');

  // Charts: each a canvas with its accessible name, and its figures as a table.
  await expect(page.getByRole('img', { name: 'نمودار درصد قبولی به تفکیک شرکت' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'نمودار پایان دوره به تفکیک ماه' })).toBeVisible();
  await expect(page.getByRole('img', { name: /نمودار دشوارترین پرسش‌ها/ })).toBeVisible();
  const passRates = page.locator('figure[data-chart="نمودار درصد قبولی به تفکیک شرکت"] table');
  await expect(passRates).toContainText(COMPANY.name);
  await expect(passRates).toContainText('۰٪');

  // Downloads: the same query, the same rows.
  const download = async (format: 'csv' | 'xlsx') => {
    const waiting = page.waitForEvent('download');
    await learners.locator(`a[data-format="${format}"]`).click();
    const file = await waiting;
    return readFileSync((await file.path())!);
  };
  const csv = (await download('csv')).toString('utf8').replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
  expect(csv.slice(1).map((line) => line.split(',')[3])).toEqual([username]);

  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await download('xlsx')) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const header = sheet.getRow(1).values as unknown[];
  const rows: unknown[][] = [];
  sheet.eachRow((row, n) => n > 1 && rows.push(row.values as unknown[]));
  expect(rows.map((r) => r[header.indexOf('نام کاربری')])).toEqual([username]);
  expect(rows.map((r) => r[header.indexOf('شرکت')])).toEqual([COMPANY.name]);
  await page.screenshot({ path: 'test-results/reports-desktop.png', fullPage: true });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(learners.getByRole('table')).toContainText(username);
  await expect(page.getByRole('img', { name: 'نمودار درصد قبولی به تفکیک شرکت' })).toBeVisible();
  // Nothing wider than the phone but the tables' own scrolling boxes.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: 'test-results/reports-390.png', fullPage: true });
  // The first screens as a phone shows them: the filters, then the charts.
  await page.screenshot({ path: 'test-results/reports-390-top.png' });
  await page.getByRole('img', { name: 'نمودار درصد قبولی به تفکیک شرکت' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/reports-390-chart.png' });
  await Promise.all([admin.dispose(), learner.dispose()]);
});
