import path from 'node:path';
import type { Page } from '@playwright/test';

/**
 * The README's pictures of the editors' path come from the real browser run that checks it:
 * `npm run screenshots` runs the editors' spec with AYIN_README_SHOTS set, and each step worth
 * showing saves its page there. In every other run this does nothing, so the spec's assertions
 * never depend on it.
 */
export async function readmeShot(page: Page, name: string): Promise<void> {
  const dir = process.env.AYIN_README_SHOTS;
  if (!dir) return;
  await page.screenshot({ path: path.resolve(dir, `${name}.png`), fullPage: false });
}
