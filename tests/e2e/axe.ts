import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { gotoHydrated } from './hydrated';

export type ColorScheme = 'light' | 'dark';

/**
 * Brings a page to the state a reader looks at before axe judges it: hydrated, the account
 * item past its "session loading" state, the self-hosted fonts loaded and no transition or
 * animation still running. axe measures colours as drawn at that instant, so judging a page
 * mid-transition (or before the session is known) made its verdict depend on timing.
 */
export async function settle(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true');
  // The navbar's account item (desktop) or, on a phone, the one in the sidebar: either way
  // its state is decided once the session request has answered.
  await expect(page.locator('[data-account]').first()).toHaveAttribute('data-session', 'known');
  await page.evaluate(async () => {
    await document.fonts.ready;
    await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined)));
  });
}

/**
 * Opens `url` in the given colour scheme and returns axe's serious and critical violations;
 * `prepare` brings the page to the state to judge (results shown, a quiz started).
 */
export async function seriousViolations(page: Page, url: string, scheme: ColorScheme = 'light', prepare?: (page: Page) => Promise<void>): Promise<string[]> {
  await page.emulateMedia({ colorScheme: scheme });
  await gotoHydrated(page, url);
  // Docusaurus follows the system scheme (respectPrefersColorScheme): check it took effect.
  await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
  await settle(page);
  if (prepare) {
    await prepare(page);
    await settle(page);
  }
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}
