/**
 * Issue 5's "Done when", in a real browser against the real server and builds: an admin
 * creates a contractor through /admin; the contractor signs in, reads the course's lessons,
 * fails the quiz, retakes it, reloads mid-attempt and finds the answers kept, passes,
 * downloads the certificate PDF (a PDF with the learner's name in it); /verify/<code> confirms
 * it; a supervisor finds the learner in /reports. The right answers come from the quiz file,
 * read here in Node, never from the page (the page has none).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { newCertificateCode, formatCertificateCode } from '../../server/certificates/code';
import { toPersianDigits } from '../../src/domain/digits';
import { corpus } from './corpus';
import { gotoHydrated } from './hydrated';

const COURSE = 'meter-reading';
const DEMO_PASSWORD = 'ayin-demo-1234';

interface QuizQuestion {
  id: string;
  type: 'single' | 'multiple' | 'true-false' | 'numeric' | 'ordering';
  options?: { id: string; text: string }[];
  answer: string | string[] | boolean | { value: number; tolerance: number };
}

const quiz = parse(readFileSync(path.resolve(__dirname, '../../content/quizzes', `${COURSE}.yml`), 'utf8')) as { questions: QuizQuestion[]; passMark: number };
const questionById = new Map(quiz.questions.map((q) => [q.id, q]));
const lessons = corpus.courses.find((c) => c.id === COURSE)!.lessons.map((l) => l.permalink);

async function signIn(page: Page, username: string, password: string, next: string) {
  await gotoHydrated(page, `/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('نام کاربری').fill(username);
  await page.getByLabel('گذرواژه').fill(password);
  await page.getByRole('button', { name: 'ورود' }).click();
  await page.waitForURL((url) => url.pathname === next.split('?')[0]);
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true');
}

async function signOut(page: Page, displayName: string) {
  await page.locator('.navbar').getByRole('button', { name: displayName }).click();
  await page.getByRole('button', { name: 'خروج' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await expect(page.locator('.navbar [data-account="signed-out"]')).toBeVisible();
}

/** Moves the ordering list into `order` with the up buttons, one step at a time; the number of moves. */
async function arrange(fieldset: Locator, order: readonly string[]): Promise<number> {
  let moves = 0;
  for (let target = 0; target < order.length; target++) {
    for (;;) {
      const current = await fieldset.locator('li[data-option-id]').evaluateAll((items) => items.map((i) => i.getAttribute('data-option-id')!));
      const at = current.indexOf(order[target]!);
      if (at === target) break;
      await fieldset.locator(`li[data-option-id="${order[target]}"]`).getByRole('button', { name: /^بالا بردن/ }).click();
      moves++;
    }
  }
  return moves;
}

const faNumber = (n: number) => toPersianDigits(String(n)).replace('.', '٫');

/** Answers one question, right or wrong, and waits until the server has saved it. */
async function answer(fieldset: Locator, right: boolean) {
  const q = questionById.get((await fieldset.getAttribute('data-question-id'))!)!;
  switch (q.type) {
    case 'single': {
      const id = right ? (q.answer as string) : q.options!.find((o) => o.id !== q.answer)!.id;
      await fieldset.locator(`input[value="${id}"]`).check();
      break;
    }
    case 'multiple': {
      const ids = right ? (q.answer as string[]) : [q.options!.find((o) => !(q.answer as string[]).includes(o.id))!.id];
      for (const id of ids) await fieldset.locator(`input[value="${id}"]`).check();
      break;
    }
    case 'true-false':
      await fieldset.locator(`input[value="${String(right ? q.answer : !q.answer)}"]`).check();
      break;
    case 'numeric': {
      const key = q.answer as { value: number; tolerance: number };
      const input = fieldset.locator('input[type="text"]');
      // Typed with Persian digits, as a learner would.
      await input.fill(faNumber(right ? key.value : key.value + key.tolerance + 7));
      await input.blur();
      break;
    }
    case 'ordering': {
      const order = q.answer as string[];
      // Shuffled into the wanted order already: the learner gives the order as shown.
      if ((await arrange(fieldset, right ? order : [...order].reverse())) === 0) await fieldset.getByRole('button', { name: 'همین ترتیب را ثبت کن' }).click();
      break;
    }
  }
  await expect(fieldset.locator('[data-save-state]')).toHaveAttribute('data-save-state', 'saved');
}

/** What the page shows as given for a question, to compare before and after a reload. */
async function shownAnswer(fieldset: Locator): Promise<string> {
  const checked = await fieldset.locator('input:checked').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value).join(','));
  const text = await fieldset.locator('input[type="text"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value).join(','));
  const order = await fieldset.locator('li[data-option-id]').evaluateAll((items) => items.map((i) => i.getAttribute('data-option-id')).join(','));
  return `${checked}|${text}|${order}`;
}

/** With E2E_SCREENSHOTS=<dir>, full-page screenshots of each step, to look at (RTL, digits, clipping). */
async function shot(page: Page, name: string) {
  const dir = process.env.E2E_SCREENSHOTS;
  if (dir) await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

const questions = (page: Page) => page.locator('fieldset[data-question-id]');

test('a wrong password is refused with a Persian message, and the form stays', async ({ page }) => {
  await gotoHydrated(page, '/sign-in');
  await page.getByLabel('نام کاربری').fill('demo.staff');
  await page.getByLabel('گذرواژه').fill('not-the-password');
  await page.getByRole('button', { name: 'ورود' }).click();
  await expect(page.getByRole('alert')).toHaveText('نام کاربری یا گذرواژه نادرست است.');
  await shot(page, '00-sign-in-wrong-password');
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.locator('.navbar [data-account="signed-out"]')).toBeVisible();
});

test('a contractor reads a course, fails and then passes its quiz, gets a certificate that verifies; a supervisor sees it', async ({ page }) => {
  test.setTimeout(240_000);
  const stamp = Date.now().toString(36);
  const learner = { username: `e2e.${stamp}`, name: 'نرگس آزمونی', company: 'شرکت پیمانکاری نمونه روشنا', password: `pw-${stamp}-long` };

  // An admin creates the learner on /admin.
  await signIn(page, 'demo.admin', DEMO_PASSWORD, '/admin');
  await page.getByLabel('نام و نام خانوادگی').fill(learner.name);
  await page.getByLabel('نام کاربری').fill(learner.username);
  await page.getByLabel('نقش').selectOption('contractor');
  // A company that is not in the organisations list is typed as free text (the list offers only coded ones).
  await page.getByLabel('نام شرکت (اگر در فهرست نیست)').fill(learner.company);
  await page.getByLabel('گذرواژهٔ آغازین').fill(learner.password);
  await page.getByRole('button', { name: 'ساخت کاربر' }).click();
  // Admin actions ask for the admin's own password again; the form keeps what was typed.
  await page.getByLabel('گذرواژهٔ شما').fill('not-the-password');
  await page.getByRole('button', { name: 'تأیید گذرواژه و ادامه' }).click();
  await expect(page.getByText('گذرواژه نادرست است.')).toBeVisible();
  await page.getByLabel('گذرواژهٔ شما').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'تأیید گذرواژه و ادامه' }).click();
  await expect(page.getByText(`کاربر «${learner.name}» با نام کاربری ${learner.username} ساخته شد.`)).toBeVisible();
  await expect(page.getByRole('table', { name: /^کاربران/ }).getByRole('cell', { name: learner.username })).toBeVisible();
  // The creation is in the audit log, by this admin.
  const audit = page.getByRole('table', { name: /گزارش کارهای مدیریتی/ });
  await expect(audit.getByRole('row').filter({ hasText: learner.username })).toContainText('ساخت کاربر');
  await expect(audit.getByRole('row').filter({ hasText: learner.username })).toContainText('demo.admin');
  await shot(page, '01-admin');
  await signOut(page, 'علی محمدی');

  // The contractor signs in and reads every lesson (each view is recorded by the server).
  await signIn(page, learner.username, learner.password, '/my-learning');
  await expect(page.locator(`tr[data-course="${COURSE}"]`)).toContainText(`۰ از ${toPersianDigits(lessons.length)}`);
  // The first lesson by its address; the others as a learner goes on, by the «next» link: a
  // navigation inside the site, which the server counts once the page asks for itself.
  for (const [i, lesson] of lessons.entries()) {
    const recorded = page.waitForResponse((r) => r.url().endsWith('/api/training/lessons/open') && r.status() === 200);
    if (i === 0) await gotoHydrated(page, lesson);
    else {
      await page.locator('.pagination-nav__link--next').click();
      await page.waitForURL((url) => decodeURIComponent(url.pathname) === lesson);
    }
    await recorded;
  }

  // The quiz is in the last lesson. First attempt: every answer wrong.
  const quizBox = page.locator(`[data-quiz-course="${COURSE}"]`);
  await quizBox.getByRole('button', { name: 'شروع آزمون' }).click();
  await expect(questions(page).first()).toBeVisible();
  const drawn = await questions(page).count();
  expect(drawn).toBeGreaterThanOrEqual(10);
  for (let i = 0; i < drawn; i++) await answer(questions(page).nth(i), false);
  await shot(page, '02-quiz-answered');
  await page.getByRole('button', { name: 'پایان و ثبت آزمون' }).click();
  await expect(quizBox.getByRole('heading', { name: 'قبول نشدید' })).toBeVisible();
  await expect(quizBox).toContainText('نمرهٔ شما: ۰٪');
  await shot(page, '03-quiz-failed');
  // Each question explained, with a link to the clause it tests.
  await expect(quizBox.locator('li[data-question-id]')).toHaveCount(drawn);
  await expect(quizBox.locator('li[data-question-id] a[href*="/regulations/"]').first()).toBeVisible();

  // Second attempt: half the answers, a reload, the answers are still there; then the rest.
  await quizBox.getByRole('button', { name: 'شروع دوبارهٔ آزمون' }).click();
  await expect(questions(page).first()).toBeVisible();
  const half = Math.ceil(drawn / 2);
  for (let i = 0; i < half; i++) await answer(questions(page).nth(i), true);
  const before = await Promise.all(Array.from({ length: drawn }, (_, i) => shownAnswer(questions(page).nth(i))));
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true');
  await expect(questions(page)).toHaveCount(drawn);
  const after = await Promise.all(Array.from({ length: drawn }, (_, i) => shownAnswer(questions(page).nth(i))));
  expect(after).toEqual(before);
  for (let i = half; i < drawn; i++) await answer(questions(page).nth(i), true);
  await page.getByRole('button', { name: 'پایان و ثبت آزمون' }).click();
  await expect(quizBox.getByRole('heading', { name: 'قبول شدید' })).toBeVisible();
  await expect(quizBox).toContainText('نمرهٔ شما: ۱۰۰٪');
  await shot(page, '04-quiz-passed');

  // My learning: the course complete, with its certificate.
  await gotoHydrated(page, '/my-learning');
  const row = page.locator(`tr[data-course="${COURSE}"]`);
  await expect(row).toContainText('پایان‌یافته');
  await expect(row).toContainText(`${toPersianDigits(lessons.length)} از ${toPersianDigits(lessons.length)}`);
  await page.locator('.navbar').getByRole('button', { name: learner.name }).click();
  await shot(page, '05-my-learning-menu-open');
  await page.keyboard.press('Escape');
  await row.getByRole('link', { name: /مشاهده/ }).click();
  await page.waitForURL(/\/certificate\?code=/);
  const code = new URL(page.url()).searchParams.get('code')!;
  await expect(page.getByTestId('certificate-learner')).toHaveText(learner.name);
  await expect(page.getByRole('img', { name: /کد QR/ })).toBeVisible();
  await shot(page, '06-certificate');
  if (process.env.E2E_SCREENSHOTS) await page.pdf({ path: path.join(process.env.E2E_SCREENSHOTS, '06-certificate-print.pdf'), preferCSSPageSize: true }).catch(() => undefined);

  // The PDF: a real PDF, with the learner's name in its text.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'دریافت PDF' }).click();
  const download = await downloading;
  const dir = mkdtempSync(path.join(tmpdir(), 'ayin-e2e-pdf-'));
  try {
    const file = path.join(dir, 'certificate.pdf');
    await download.saveAs(file);
    if (process.env.E2E_SCREENSHOTS) await download.saveAs(path.join(process.env.E2E_SCREENSHOTS, '06-certificate-download.pdf'));
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFKC');
    for (const word of learner.name.split(' ')) expect(text).toContain(word);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // Anyone can verify it (signed out too); an unknown or malformed code is told apart.
  await signOut(page, learner.name);
  await gotoHydrated(page, `/verify/${code}`);
  await expect(page.locator('[data-verify="valid"]')).toContainText('این گواهی‌نامه معتبر است.');
  await expect(page.locator('[data-verify="valid"]')).toContainText(learner.name);
  await expect(page.locator('[data-verify="valid"]')).not.toContainText(learner.company);
  await shot(page, '07-verify');
  await gotoHydrated(page, `/verify/${formatCertificateCode(newCertificateCode())}`);
  await expect(page.locator('[data-verify="not-found"]')).toBeVisible();
  await gotoHydrated(page, '/verify?code=NOT-A-CODE');
  await expect(page.locator('[data-verify="malformed"]')).toBeVisible();

  // A supervisor finds the learner in the reports.
  await signIn(page, 'demo.supervisor', DEMO_PASSWORD, '/reports');
  const filters = page.getByTestId('report-filters');
  await filters.getByLabel('دوره', { exact: true }).selectOption(COURSE);
  await filters.getByRole('button', { name: 'اعمال پالایه' }).click();
  await expect(page).toHaveURL(new RegExp(`course=${COURSE}`));
  const learners = page.getByRole('region', { name: 'فراگیران' });
  const learnerRow = learners.getByRole('row').filter({ hasText: learner.name });
  await expect(learnerRow).toBeVisible();
  await expect(learnerRow).toContainText('۱۰۰٪');
  await expect(page.getByRole('region', { name: /پایان دوره و قبولی/ })).toContainText(learner.company);
  // The same report as CSV, from its link.
  const csvDownloading = page.waitForEvent('download');
  await learners.getByRole('link', { name: 'دریافت CSV' }).click();
  const csv = readFileSync((await (await csvDownloading).path())!, 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  expect(csv).toContain(learner.name);
  await shot(page, '08-reports');
});
