/**
 * Issue 12's "Done when" in a real browser: a contractor who completed customer-conduct on
 * 1404/08/20 (seeded by the e2e server, tests/support/e2e-refresher-seed.ts) finds «بازآموزی
 * لازم» in /my-learning because edition 1404-09 amended ES-007 ماده ۵; /verify says
 * «نیازمند بازآموزی» on edition 1403-07; they take the refresher (the clause's redline and
 * question cc-18, answered from the quiz file read here in Node, graded on the server), and
 * /verify then says «معتبر» on edition 1404-09.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser } from '@playwright/test';
import { parse } from 'yaml';
import { DEMO_PASSWORD } from './auth';
import { gotoHydrated } from './hydrated';
import { REFRESHER_LEARNER } from '../support/e2e-refresher-seed';

const quiz = parse(readFileSync(path.resolve(__dirname, '../../content/quizzes/customer-conduct.yml'), 'utf8')) as { questions: { id: string; answer: string[] }[] };
const cc18 = quiz.questions.find((q) => q.id === 'cc-18')!;

async function verifyAsVisitor(browser: Browser, code: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await gotoHydrated(page, `/verify/${code}`);
  const box = page.locator('[data-verify="valid"]');
  await expect(box).toBeVisible();
  const result = { status: await page.getByTestId('certificate-status').textContent(), restsOn: await page.getByTestId('rests-on').textContent() };
  await context.close();
  return result;
}

test('a contractor sees the refresher due, takes it, and /verify turns from «نیازمند بازآموزی» to «معتبر»', async ({ browser, page }) => {
  const signedIn = await page.request.post('/api/auth/sign-in', { data: { username: REFRESHER_LEARNER.username, password: DEMO_PASSWORD } });
  expect(signedIn.status(), await signedIn.text()).toBe(200);

  await gotoHydrated(page, '/my-learning');
  const row = page.locator(`tr[data-course="${REFRESHER_LEARNER.course}"]`);
  await expect(row.locator('[data-certificate-status="refresher-due"]')).toHaveText('نیازمند بازآموزی');
  await expect(row.locator(`[data-refresher-due="${REFRESHER_LEARNER.course}"]`)).toContainText(/مهلت [۰-۹]{4}\/[۰-۹]{2}\/[۰-۹]{2}/);

  const me = (await (await page.request.get('/api/training/me')).json()) as { certificates: { course: string; code: string }[] };
  const code = me.certificates.find((c) => c.course === REFRESHER_LEARNER.course)!.code;
  expect(await verifyAsVisitor(browser, code)).toEqual({ status: 'نیازمند بازآموزی', restsOn: 'ویرایش ۱۴۰۳/۰۷' });

  await row.getByRole('link', { name: 'بازآموزی لازم' }).click();
  await page.waitForURL((url) => url.pathname === '/refresher');
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true');
  await expect(page.getByText('بازآموزی لازم').first()).toBeVisible();
  // The changed clause's redline: ES-007, its added note inserted.
  await expect(page.getByRole('region', { name: 'تغییر ES-007' }).locator('ins').first()).toBeVisible();
  const question = page.locator('fieldset[data-question-id="cc-18"]');
  await expect(question).toBeVisible();
  await expect(page.locator('fieldset[data-question-id]')).toHaveCount(1);
  for (const option of cc18.answer) await question.locator(`input[value="${option}"]`).check();
  await page.getByRole('button', { name: 'ارسال پاسخ‌ها' }).click();
  await expect(page.getByTestId('refresher-outcome')).toContainText('«معتبر»');
  await expect(page.getByTestId('refresher-outcome')).toContainText('ویرایش ۱۴۰۴/۰۹');

  expect(await verifyAsVisitor(browser, code)).toEqual({ status: 'معتبر', restsOn: 'ویرایش ۱۴۰۴/۰۹' });
  await gotoHydrated(page, '/my-learning');
  await expect(row.locator('[data-certificate-status="valid"]')).toHaveText('معتبر');
  await expect(row.locator('[data-refresher-due]')).toHaveCount(0);
});
