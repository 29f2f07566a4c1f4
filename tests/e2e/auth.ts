/**
 * Signing in without the form (the form has its own test): the browser context keeps the
 * session cookie, so every later page comes from the signed-in reader's build.
 */
import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'ayin-demo-1234';

export async function signInAs(page: Page, username: string, base = '') {
  const response = await page.request.post(`${base}/api/auth/sign-in`, { data: { username, password: DEMO_PASSWORD } });
  expect(response.status(), await response.text()).toBe(200);
}
