/**
 * Meilisearch SIGKILLed while a reader searches: the page falls back to the offline (Lunr)
 * index and shows results, never a blank page; Meilisearch restarted: the same page (even one
 * opened while it was down), without a reload, is served by Meilisearch again. Times are printed as figures, not asserted.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { signInAs } from '../e2e/auth';
import { gotoHydrated } from '../e2e/hydrated';
import { reportFigure } from './support/figures';
import { SEARCH_FAULT_STATE_FILE } from './playwright.config';

const scenario = 'Meilisearch killed while a reader searches';
const state = () => readFileSync(SEARCH_FAULT_STATE_FILE, 'utf8');
const serverPid = () => Number(/pid (\d+)/.exec(state())![1]);
const QUERIES = ['جریمه تجاوز از قدرت', 'قرائت کنتور', 'حق انشعاب', 'صورتحساب برق', 'تقسیط بدهی', 'تعرفه کشاورزی', 'قطع برق مشترکین'];

/** Runs a query on /search as a reader does; resolves once results are shown, with the time it took. */
async function searchFor(page: Page, query: string): Promise<number> {
  const t0 = Date.now();
  await page.getByRole('searchbox', { name: 'عبارت جست‌وجو' }).fill(query);
  await page.getByRole('button', { name: 'جست‌وجو', exact: true }).click();
  await expect(page.getByText(new RegExp(`نتیجه برای.*${query.split(' ')[0]}`))).toBeVisible();
  await expect(page.locator('section[aria-label="نتایج"] ol li').first()).toBeVisible();
  return Date.now() - t0;
}

test('falls back to the offline index at once, and back to Meilisearch without a reload', async ({ page }) => {
  const meiliAnswers: number[] = [];
  page.on('response', (res) => {
    if (res.url().includes('/api/search/query')) meiliAnswers.push(res.status());
  });
  await signInAs(page, 'demo.staff');
  await gotoHydrated(page, `/search?q=${encodeURIComponent('تقسیط بدهی مشترکین')}`);
  await expect(page.locator('section[aria-label="نتایج"] ol li').first()).toBeVisible();
  await expect(page.getByText(/جست‌وجوی آفلاین/)).toHaveCount(0);
  expect(meiliAnswers).toContain(200);

  process.kill(serverPid(), 'SIGUSR2');
  await expect.poll(state, { timeout: 15_000 }).toContain('meili down');

  const fallbackMs = await searchFor(page, QUERIES[0]!);
  await expect(page.getByText(/جست‌وجوی آفلاین/)).toBeVisible();
  reportFigure({ scenario, figure: 'first query after the kill: results from Lunr shown in', value: fallbackMs, unit: 'ms' });
  const before = meiliAnswers.length;
  const backoffMs = await searchFor(page, QUERIES[1]!);
  await expect(page.getByText(/جست‌وجوی آفلاین/)).toBeVisible();
  reportFigure({ scenario, figure: 'next query, within the backoff: Lunr results in', value: backoffMs, unit: 'ms' });
  reportFigure({ scenario, figure: 'next query, within the backoff: requests to Meilisearch', value: meiliAnswers.length - before });

  // A page opened while Meilisearch is down is told «Lunr» by the server; it must still come
  // back to Meilisearch later, without a reload.
  await gotoHydrated(page, `/search?q=${encodeURIComponent(QUERIES[1]!)}`);
  await expect(page.getByText(/جست‌وجوی آفلاین/)).toBeVisible();
  // Marks this very document: a reload would lose it.
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

  process.kill(serverPid(), 'SIGHUP');
  await expect.poll(state, { timeout: 60_000 }).toContain('meili up');
  const restarted = Date.now();
  let queries = 0;
  // Keep searching as a reader would, until a result comes from Meilisearch again (bounded).
  await expect
    .poll(
      async () => {
        await searchFor(page, QUERIES[2 + (queries++ % (QUERIES.length - 2))]!);
        return page.getByText(/جست‌وجوی آفلاین/).count();
      },
      { timeout: 60_000, intervals: [1000] },
    )
    .toBe(0);
  reportFigure({ scenario, figure: 'Meilisearch restarted → results from it again', value: Date.now() - restarted, unit: 'ms' });
  reportFigure({ scenario, figure: 'queries until then (offline ones included)', value: queries });
  expect(meiliAnswers.at(-1)).toBe(200);
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
});
