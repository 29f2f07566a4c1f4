/**
 * The content policy without `'unsafe-inline'` scripts breaks no page of the real build: on
 * the home page, a regulation, search and sign-in (visitor and signed-in staff), Chromium
 * reports no CSP violation and the page hydrates; Docusaurus's inline colour-mode script
 * still runs (checked with the site's own bundles blocked, so only the inline script can set
 * the theme); and an injected inline script is refused (the detector works).
 */
import { expect, test, type Page } from '@playwright/test';
import { signInAs } from './auth';
import { regulation } from './corpus';
import { gotoHydrated } from './hydrated';

/** Records every CSP violation the page reports, from before its first script. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective}: ${event.blockedURI || 'inline'} ${event.sample}`));
  });
  return async () => [...console, ...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []))];
}

const PAGES = [
  ['home', '/'],
  ['regulation', regulation('CS-002').permalink],
  ['search', `/search?q=${encodeURIComponent('قرائت کنتور')}`],
  ['sign-in', '/sign-in'],
] as const;

test('the policy allows no inline script beyond the build’s own', async ({ request }) => {
  const csp = (await request.get('/')).headers()['content-security-policy']!;
  const scriptSrc = /script-src ([^;]*)/.exec(csp)![1]!;
  expect(scriptSrc).not.toContain('unsafe-inline');
  expect(scriptSrc).toMatch(/^'self'( 'sha256-[A-Za-z0-9+/]+=*')+$/);
  expect(csp).toContain("script-src-attr 'none'");
});

for (const signedIn of [false, true]) {
  for (const [kind, url] of PAGES) {
    test(`no CSP violation on ${kind}${signedIn ? ', signed in as staff' : ''}`, async ({ page }) => {
      const violations = await watchViolations(page);
      if (signedIn) await signInAs(page, 'demo.staff');
      await gotoHydrated(page, url);
      // Let late chunks, the search box and the account menu load.
      await page.waitForLoadState('networkidle');
      await expect(page.locator('main, [role="main"]').first()).toBeVisible();
      expect(await violations()).toEqual([]);
    });
  }
}

test('the colour-mode script runs before any bundle (bundles blocked)', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.route('**/assets/js/**', (route) => route.abort());
  await page.goto('/?docusaurus-theme=dark');
  // Only the inline script of the page can have set these: the site's JavaScript never loaded.
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme-choice', 'dark');
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'false');
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-theme-choice', 'system');
  expect(await violations()).toEqual([]);
});

test('an injected inline script is refused and reported (the check above can fail)', async ({ page }) => {
  const violations = await watchViolations(page);
  await gotoHydrated(page, '/');
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injectedRan = true';
    document.body.append(script);
    const button = document.createElement('button');
    button.setAttribute('onclick', 'window.__attributeRan = true');
    document.body.append(button);
    button.click();
  });
  await expect.poll(async () => (await violations()).length).toBeGreaterThanOrEqual(2);
  expect(await page.evaluate(() => (window as unknown as { __injectedRan?: boolean }).__injectedRan)).toBeUndefined();
  expect(await page.evaluate(() => (window as unknown as { __attributeRan?: boolean }).__attributeRan)).toBeUndefined();
  expect((await violations()).join('\n')).toMatch(/script-src-elem|script-src/);
});
