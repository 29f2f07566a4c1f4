/**
 * Issue 12, the editors' side, in a real browser against the real server and builds: edition
 * 1404-09 amended ES-007 ماده ۵, so question cc-18 and the disconnection lesson of the
 * customer-conduct course are flagged. A contractor reading the course is told part of it is
 * under review; an editor sees both flags on /training-review with the clause's word redline,
 * marks them reviewed («بازبینی شد»), finds them listed with their name and the time; the
 * contractor's notice is then gone. One test: the reviews are the server's state.
 */
import { expect, test, type Browser } from '@playwright/test';
import { signInAs } from './auth';
import { corpus } from './corpus';
import { gotoHydrated } from './hydrated';

const course = corpus.courses.find((c) => c.id === 'customer-conduct')!;
const lesson = course.lessons.find((l) => l.file.includes('02-disconnection-notices'))!;

async function contractorPage(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, 'demo.contractor');
  return { page, close: () => context.close() };
}

test('editors review stale questions and lessons with the redline beside them; learners see the notice until then', async ({ browser, page }) => {
  const learner = await contractorPage(browser);
  await gotoHydrated(learner.page, lesson.permalink);
  await expect(learner.page.getByTestId('review-notice')).toContainText('بخشی از این دوره در حال بازبینی است');

  await signInAs(page, 'demo.editor');
  await gotoHydrated(page, '/training-review');
  const open = page.getByRole('region', { name: 'نیازمند بازبینی' });
  const question = open.locator('article[data-flag="question|customer-conduct|cc-18|1404-09"]');
  const lessonFlag = open.locator('article[data-flag="lesson|customer-conduct|customer-conduct/02-disconnection-notices|1404-09"]');
  await expect(question).toBeVisible();
  await expect(lessonFlag).toBeVisible();
  await expect(question).toContainText('قطع برق مشترک بدهکار در کدام حالت‌ها ممنوع است؟');
  // The clause's word redline: the added note of ماده ۵ as an insertion.
  await expect(question.locator('ins').first()).toBeVisible();
  await expect(question.locator('[data-anchor="ماده-۵-تبصره-۲"][data-change="added"]').first()).toBeVisible();
  await expect(lessonFlag.getByRole('link', { name: 'خواندن درس' })).toHaveAttribute('href', lesson.permalink);

  await question.getByRole('button', { name: 'بازبینی شد' }).click();
  const done = page.getByRole('region', { name: 'بازبینی‌شده' });
  const reviewedRow = done.locator('tr[data-flag="question|customer-conduct|cc-18|1404-09"]');
  await expect(reviewedRow).toContainText('زهرا موسوی');
  await expect(reviewedRow).toContainText(/[۰-۹]/);
  // One flag left: the learner is still told.
  await learner.page.reload();
  await expect(learner.page.locator('html')).toHaveAttribute('data-has-hydrated', 'true');
  await expect(learner.page.getByTestId('review-notice')).toBeVisible();

  await lessonFlag.getByRole('button', { name: 'بازبینی شد' }).click();
  await expect(done.locator('tr[data-flag^="lesson|customer-conduct|"]')).toBeVisible();
  await expect(open).toContainText('موردی برای بازبینی نمانده است');

  // Reviews are kept by the server: a reload lists both as reviewed.
  await page.reload();
  await expect(page.getByRole('region', { name: 'بازبینی‌شده' }).locator('tbody tr')).toHaveCount(2);

  // The notice is the server's answer: wait for it, then find no notice.
  const answered = learner.page.waitForResponse((r) => r.url().includes('/api/training/courses/customer-conduct/review-notice'));
  await learner.page.reload();
  expect(await (await answered).json()).toEqual({ underReview: false });
  await expect(learner.page.locator('.ayin-lesson-card')).toBeVisible();
  await expect(learner.page.getByTestId('review-notice')).toHaveCount(0);
  await learner.close();
});

test('a contractor is told the review page is not for their role', async ({ page }) => {
  await signInAs(page, 'demo.contractor');
  await gotoHydrated(page, '/training-review');
  await expect(page.getByText('این صفحه برای نقش شما')).toBeVisible();
});
