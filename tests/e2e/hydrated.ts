import { expect, type Page } from '@playwright/test';

/** Opens a page and waits until React has hydrated it (before that, keys and typing do nothing). */
export async function gotoHydrated(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true');
}
