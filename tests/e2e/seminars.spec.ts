/**
 * Seminars in the browser: the list splits upcoming and past by the viewer's clock, a seminar's
 * page shows its details and materials, a contractor registers (and cancels, and registers
 * again) and sees the seats go down, and a supervisor marks the contractor present.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../server/accounts/demo-users';
import { formatJalaliLong } from '../../src/domain/jalali';
import { formatClockTime } from '../../src/domain/seminar-time';
import { toPersianDigits } from '../../src/domain/digits';
import { linkTarget, buildToday } from '../../src/content/editions';
import { E2E_SERVER_START } from '../support/e2e-clock';
import { corpus } from './corpus';
import { gotoHydrated } from './hydrated';

test.describe.configure({ mode: 'serial' });

const seminar = (id: string) => {
  const entry = corpus.seminars.find((s) => s.id === id);
  if (!entry) throw new Error(`the sample corpus has no seminar ${id}`);
  return entry;
};
const upcoming = seminar('1406-connection-fee-rules');
const pastForContractors = seminar('1405-meter-reading-anomaly-codes');
const staffOnly = seminar('1405-disconnection-complaints-workshop');
const contractor = DEMO_ACCOUNTS.find((a) => a.username === 'demo.contractor')!;

// The server's clock is the e2e server's (tests/support/e2e-clock.ts), not the real date: on it
// one sample seminar is still open for registration and the others have taken place.
test('the e2e server clock stands between the past sample seminars and the upcoming one', () => {
  expect(upcoming.startsAt).toBeGreaterThan(E2E_SERVER_START + 24 * 3600_000);
  expect(pastForContractors.endsAt).toBeLessThan(E2E_SERVER_START);
  expect(staffOnly.endsAt).toBeLessThan(E2E_SERVER_START);
});

async function signIn(request: APIRequestContext, username: string) {
  const res = await request.post('/api/auth/sign-in', { data: { username, password: DEMO_PASSWORD } });
  expect(res.status(), await res.text()).toBe(200);
}

async function seminarsAt(page: Page, isoTime: string) {
  await page.clock.setFixedTime(new Date(isoTime));
  await gotoHydrated(page, '/seminars');
}

test('the list puts seminars under upcoming or past by the viewing date, and only those the reader may see', async ({ page }) => {
  await signIn(page.request, 'demo.contractor');
  // 1405/09/06 in Tehran.
  await seminarsAt(page, '2026-11-27T08:00:00Z');
  const upcomingList = page.getByTestId('upcoming-seminars');
  const pastList = page.getByTestId('past-seminars');
  await expect(upcomingList.getByRole('link', { name: upcoming.seminar.title })).toBeVisible();
  await expect(pastList.getByRole('link', { name: pastForContractors.seminar.title })).toBeVisible();
  await expect(upcomingList.getByRole('link', { name: pastForContractors.seminar.title })).toHaveCount(0);
  await expect(page.getByText(staffOnly.seminar.title)).toHaveCount(0);

  // A year later the same page, unchanged on the server, lists both as past.
  await seminarsAt(page, '2027-11-27T08:00:00Z');
  await expect(page.getByTestId('upcoming-seminars')).toContainText('فعلاً نشست پیش رویی برنامه‌ریزی نشده است.');
  await expect(page.getByTestId('past-seminars').getByRole('listitem')).toHaveCount(2);
});

test('a seminar page shows when, who, where, the materials and related regulations', async ({ page }) => {
  await signIn(page.request, 'demo.contractor');
  await gotoHydrated(page, upcoming.permalink);
  const s = upcoming.seminar;
  await expect(page.getByRole('heading', { level: 1 })).toContainText(s.title);
  const main = page.locator('main');
  await expect(main).toContainText(`دوشنبه ${formatJalaliLong(s.date)}، ساعت`); // 1406/02/20 is a Monday
  await expect(main).toContainText(`ساعت ${formatClockTime(s.time)}`);
  await expect(main).toContainText(s.presenter.name);
  await expect(main).toContainText(s.venue!);
  await expect(main.getByRole('link', { name: s.onlineLink! })).toHaveAttribute('href', s.onlineLink!);

  const handout = main.getByRole('link', { name: s.handouts[0]!.title });
  await expect(handout).toHaveAttribute('href', s.handouts[0]!.file);
  const pdf = await page.request.get(s.handouts[0]!.file);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

  // Regulations a contractor may read are linked where the site keeps them; CS-003 is staff-only.
  for (const code of ['CS-005', 'CS-007']) {
    const reg = linkTarget(corpus, code, buildToday())!;
    await expect(main.locator(`a[href="${reg.permalink}"]`)).toContainText(reg.frontMatter.title);
  }
  await expect(main.getByText('CS-003')).toHaveCount(0);

  await gotoHydrated(page, pastForContractors.permalink);
  await expect(page.getByRole('link', { name: 'تماشای فیلم ضبط‌شدهٔ نشست' })).toHaveAttribute('href', pastForContractors.seminar.recording!);
  await expect(page.getByTestId('registration-box')).toContainText('این نشست برگزار شده است');
});

test('a contractor registers, the seats go down, and a supervisor marks attendance', async ({ page, browser }) => {
  const capacity = upcoming.seminar.capacity;
  const seats = (left: number) => `ظرفیت باقی‌مانده: ${toPersianDigits(left)} نفر از ${toPersianDigits(capacity)} نفر`;
  await signIn(page.request, 'demo.contractor');
  await gotoHydrated(page, upcoming.permalink);
  const box = page.getByTestId('registration-box');
  await expect(box.getByTestId('seats-left')).toHaveText(seats(capacity));

  await box.getByRole('button', { name: 'ثبت‌نام در این نشست' }).click();
  await expect(box).toContainText('ثبت‌نام شما انجام شد.');
  await expect(box.getByTestId('seats-left')).toHaveText(seats(capacity - 1));

  await box.getByRole('button', { name: 'لغو ثبت‌نام' }).click();
  await expect(box).toContainText('ثبت‌نام شما لغو شد.');
  await expect(box.getByTestId('seats-left')).toHaveText(seats(capacity));

  await box.getByRole('button', { name: 'ثبت‌نام در این نشست' }).click();
  await expect(box.getByTestId('seats-left')).toHaveText(seats(capacity - 1));
  await page.reload();
  await expect(page.getByTestId('registration-box')).toContainText('شما در این نشست ثبت‌نام کرده‌اید');

  const supervisorContext = await browser.newContext();
  const supervisor = await supervisorContext.newPage();
  await signIn(supervisor.request, 'demo.supervisor');
  await gotoHydrated(supervisor, upcoming.permalink);
  const attendance = supervisor.getByTestId('registration-box').getByRole('table');
  const row = attendance.getByRole('row', { name: new RegExp(contractor.displayName) });
  await expect(row).toContainText(contractor.company!);
  const present = row.getByRole('checkbox', { name: `حضور ${contractor.displayName}` });
  await expect(present).not.toBeChecked();
  await present.check();
  await expect(present).toBeChecked();
  await supervisor.reload();
  await expect(supervisor.getByRole('checkbox', { name: `حضور ${contractor.displayName}` })).toBeChecked();
  await supervisorContext.close();
});
