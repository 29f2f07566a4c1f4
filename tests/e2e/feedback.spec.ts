/**
 * Feedback from the field in Debian's Chromium, on the real build and server: a contractor
 * reading CS-002 (edition 1404-09) leaves a suggestion on ماده ۲ بند ۱ from the «پیشنهاد»
 * button beside «ارجاع»; an empty one is refused in Persian first. An editor finds it in the
 * dashboard under CS-002 and closes it with an answer; the contractor reads the answer on
 * /my-feedback. A visitor who has not signed in is offered no «پیشنهاد» at all.
 */
import { expect, test } from '@playwright/test';
import { signInAs } from './auth';
import { gotoHydrated } from './hydrated';

const PAGE = '/regulations/1404-09/connection-sales/cs-002';
const CLAUSE = 'ثبت درخواست به صورت برخط یا در دفاتر پیشخوان و دریافت کد رهگیری.';
// Unique per run: the server's database is shared by the specs of one run.
const SUGGESTION = `برای متقاضیان روستاهای بدون اینترنت، ثبت تلفنی درخواست هم پیش‌بینی شود. (${Date.now()})`;
const ANSWER = 'در ویرایش بعدی، ثبت درخواست از راه مرکز تماس ۱۲۱ هم به این بند افزوده می‌شود.';

test('a contractor suggests on a clause, an editor answers, the contractor reads the answer', async ({ browser }) => {
  test.setTimeout(60_000);
  const contractor = await browser.newPage();
  await signInAs(contractor, 'demo.contractor');
  await gotoHydrated(contractor, PAGE);
  const clause = contractor.locator('li.clause--item', { hasText: CLAUSE });
  await clause.getByRole('button', { name: /^پیشنهاد درباره/ }).click();
  const dialog = contractor.getByRole('dialog', { name: /پیشنهاد درباره ماده ۲/ });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'ثبت پیشنهاد' }).click();
  await expect(dialog.getByRole('alert')).toContainText('متن پیشنهاد');
  await dialog.getByLabel('متن پیشنهاد').fill(SUGGESTION);
  await dialog.getByRole('button', { name: 'ثبت پیشنهاد' }).click();
  await expect(dialog.getByRole('status')).toContainText('پیشنهاد شما ثبت شد');
  await dialog.getByRole('button', { name: 'بستن' }).click();
  await expect(dialog).toBeHidden();

  await gotoHydrated(contractor, '/my-feedback');
  const mine = contractor.getByTestId('my-feedback').locator('li', { hasText: SUGGESTION });
  await expect(mine).toContainText('در انتظار پاسخ ویراستاران');
  await expect(mine.getByRole('link', { name: /ماده ۲/ })).toHaveAttribute('href', new RegExp(`${PAGE}#`));

  const editor = await browser.newPage();
  await signInAs(editor, 'demo.editor');
  await gotoHydrated(editor, '/editorial');
  const item = editor.getByTestId('editor-feedback').getByRole('region', { name: 'پیشنهادهای CS-002' }).locator('li', { hasText: SUGGESTION });
  await expect(item).toContainText('رضا کریمی');
  await item.getByLabel('پاسخ').fill(ANSWER);
  await item.getByRole('button', { name: 'بستن با این پاسخ' }).click();
  await expect(editor.getByTestId('editor-feedback').locator('li[data-suggestion]', { hasText: SUGGESTION })).toHaveCount(0);

  await contractor.reload();
  await expect(contractor.locator('html')).toHaveAttribute('data-has-hydrated', 'true');
  const answered = contractor.getByTestId('my-feedback').locator('li', { hasText: SUGGESTION });
  await expect(answered).toContainText(ANSWER);
  await expect(answered).toContainText('زهرا موسوی');
  await contractor.close();
  await editor.close();
});

test('a visitor who has not signed in is offered no suggestion button', async ({ page }) => {
  await gotoHydrated(page, PAGE);
  await expect(page.locator('li.clause--item', { hasText: CLAUSE }).getByRole('button', { name: /رونوشت ارجاع/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^پیشنهاد درباره/ })).toHaveCount(0);
});
