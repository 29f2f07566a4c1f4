/**
 * The inbox in the browser (issue 11): an admin gives two contractors their companies (by code,
 * from content/organisations.yml); the contractor of a company the hot-season announcement
 * names sees it in /inbox with its Jalali due day and the days past in Persian digits, and a
 * count in the navbar, and acknowledges it (after a reload it is under the acknowledged); the
 * contractor of another company does not see it. The reminder runner mails a contractor of that
 * company who has an address: the mail arrives in the e2e server's SMTP sink, and its link opens
 * the announcement, where the contractor acknowledges it.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD } from '../../server/accounts/demo-users';
import { dueDate, daysLeft } from '../../src/domain/inbox/targets';
import { formatJalaliLong } from '../../src/domain/jalali';
import { daysText } from '../../src/components/Inbox/daysText';
import { mailDirFor, mailIn } from '../support/e2e-mail';
import { corpus } from './corpus';
import { gotoHydrated } from './hydrated';

test.describe.configure({ mode: 'serial' });

const hotSeason = corpus.announcements.find((a) => a.id === '1404-03-05-hot-season-disconnection');
if (!hotSeason?.announcement.acknowledge) throw new Error('the sample corpus has no hot-season announcement asking for acknowledgment');
const PASSWORD = 'inbox-e2e-password-1';
// Unique per run: the e2e server's database lives as long as the server.
const suffix = Date.now().toString(36);
const parsContractor = { username: `pars.${suffix}`, displayName: 'امید پارسا', companyCode: 'pars-niroo-khadamat' };
const roshanContractor = { username: `roshan.${suffix}`, displayName: 'نگار روشن', companyCode: 'roshan-gostar-shomal' };
const mailedContractor = { username: `pars.mail.${suffix}`, displayName: 'مهدی پارسیان', companyCode: 'pars-niroo-khadamat', email: `mahdi.${suffix}@pars-niroo.example` };

async function signIn(request: APIRequestContext, username: string, password: string): Promise<string> {
  const res = await request.post('/api/auth/sign-in', { data: { username, password } });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

test('an admin gives three contractors their companies by code, one an e-mail address', async ({ request }) => {
  expect(hotSeason.announcement.acknowledge!.companies).toContain(parsContractor.companyCode);
  expect(hotSeason.announcement.acknowledge!.companies).not.toContain(roshanContractor.companyCode);
  const csrf = await signIn(request, 'demo.admin', DEMO_PASSWORD);
  const headers = { 'x-csrf-token': csrf };
  expect((await request.post('/api/auth/confirm', { headers, data: { password: DEMO_PASSWORD } })).status()).toBe(200);
  const list = (await (await request.get('/api/admin/users')).json()) as { organisations: { companies: { code: string }[] } };
  expect(list.organisations.companies.map((c) => c.code)).toEqual(expect.arrayContaining([parsContractor.companyCode, roshanContractor.companyCode]));
  for (const c of [parsContractor, roshanContractor, mailedContractor]) {
    const res = await request.post('/api/admin/users', { headers, data: { ...c, role: 'contractor', password: PASSWORD } });
    expect(res.status(), await res.text()).toBe(201);
  }
});

test('the contractor of a targeted company sees the announcement in the inbox and acknowledges it', async ({ page }) => {
  await signIn(page.request, parsContractor.username, PASSWORD);
  await gotoHydrated(page, '/inbox');
  const pending = page.getByTestId('inbox-pending');
  const item = pending.locator(`[data-announcement="${hotSeason.id}"]`);
  await expect(item.getByRole('link', { name: hotSeason.announcement.title })).toHaveAttribute('href', hotSeason.permalink);
  const due = dueDate(hotSeason.announcement.published, {
    ...hotSeason.announcement.acknowledge!,
    due: hotSeason.announcement.acknowledge!.due ?? null,
    dueDays: hotSeason.announcement.acknowledge!.dueDays ?? null,
  });
  await expect(item).toContainText(`مهلت تأیید: ${formatJalaliLong(due)}`);
  // Long past on any real date after 1404: «n روز گذشته» in Persian digits.
  const left = daysLeft(due, new Date());
  expect(left).toBeLessThan(0);
  await expect(item).toContainText(daysText(left));
  expect(daysText(left)).toMatch(/^[۰-۹]+ روز گذشته$/);

  // The navbar's count is the number of items waiting.
  const waiting = await pending.locator('[data-announcement]').count();
  await expect(page.locator('.navbar').getByTestId('inbox-count').first()).toHaveText(new RegExp(`^${String(waiting).replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!)}`));

  await item.getByRole('button', { name: /مطالعه کردم و تأیید می‌کنم/ }).click();
  const acknowledged = page.getByTestId('inbox-acknowledged').locator(`[data-announcement="${hotSeason.id}"]`);
  await expect(acknowledged).toContainText('تأیید شده در');
  await expect(pending.locator(`[data-announcement="${hotSeason.id}"]`)).toHaveCount(0);

  await page.reload();
  await expect(page.getByTestId('inbox-acknowledged').locator(`[data-announcement="${hotSeason.id}"]`)).toContainText('پس از مهلت');
  await expect(page.locator(`[data-testid="inbox-pending"] [data-announcement="${hotSeason.id}"]`)).toHaveCount(0);

  // The announcement's own page says so too.
  await gotoHydrated(page, hotSeason.permalink);
  await expect(page.getByTestId('announcement-acknowledge')).toContainText('شما این ابلاغیه را در');
});

test('the reminder mail reaches a contractor with an address, and its link opens the announcement, where they acknowledge it', async ({ page, baseURL }) => {
  const dir = mailDirFor(Number(new URL(baseURL!).port));
  // The contractor's company is addressed by more than one sample announcement; this one's mail.
  const mine = () => mailIn(dir).filter((m) => m.to === mailedContractor.email && m.key.startsWith(`reminder:${hotSeason.id}:`));
  // The server's runner ticks every second and its sender every half second.
  await expect.poll(() => mine().length, { timeout: 15_000 }).toBeGreaterThan(0);
  const mails = mine();
  // Long overdue: every step is recorded, one mail says where things stand.
  expect(mails).toHaveLength(1);
  const mail = mails[0]!;
  expect(mail.key).toMatch(new RegExp(`^reminder:${hotSeason.id}:[0-9a-f-]+:overdue:\\d+$`));
  expect(mail.subject).toContain(hotSeason.announcement.title);
  expect(mail.html).toContain('dir="rtl"');
  const link = `${baseURL}${hotSeason.permalink}`;
  expect(mail.text).toContain(link);
  expect(mail.html).toContain(`href="${link}"`);

  await signIn(page.request, mailedContractor.username, PASSWORD);
  await gotoHydrated(page, link);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(hotSeason.announcement.title);
  const box = page.getByTestId('announcement-acknowledge');
  await box.getByRole('button', { name: /مطالعه کردم و تأیید می‌کنم/ }).click();
  await expect(box).toContainText('شما این ابلاغیه را در');
  const inbox = (await (await page.request.get('/api/inbox')).json()) as { acknowledged: { id: string }[] };
  expect(inbox.acknowledged.map((a) => a.id)).toContain(hotSeason.id);
  // The inbox offers the mail choice beside it.
  await gotoHydrated(page, '/inbox');
  await expect(page.getByTestId('inbox-mail')).toContainText(mailedContractor.email);
  // Acknowledged: no further reminder for it arrives.
  await page.waitForTimeout(2_500);
  expect(mine()).toHaveLength(1);
});

test('the contractor of another company does not see it, and is offered the announcements addressed to them', async ({ page }) => {
  await signIn(page.request, roshanContractor.username, PASSWORD);
  await gotoHydrated(page, '/inbox');
  await expect(page.getByTestId('inbox-pending').locator('[data-announcement]').first()).toBeVisible();
  await expect(page.getByText(hotSeason.announcement.title)).toHaveCount(0);
  await expect(page.getByTestId('inbox-pending').locator('[data-announcement="1404-03-25-contractor-certification-renewal"]')).toBeVisible();
  const res = await page.request.get('/api/inbox');
  expect(((await res.json()) as { pending: { id: string }[] }).pending.map((p) => p.id)).not.toContain(hotSeason.id);
});

test('the supervisor sees that acknowledgment in the report, and its CSV names the contractor', async ({ page }) => {
  await signIn(page.request, 'demo.supervisor', DEMO_PASSWORD);
  await gotoHydrated(page, '/acknowledgments');
  const section = page.locator(`section[data-announcement="${hotSeason.id}"]`);
  await expect(section.getByRole('link', { name: hotSeason.announcement.title })).toBeVisible();
  await section.getByText('نام‌ها').click();
  const row = section.getByRole('row').filter({ hasText: parsContractor.displayName });
  await expect(row).toContainText('شرکت خدمات برق پارس نیرو');
  await expect(row).toContainText('تأیید پس از مهلت');
  await expect(page.getByTestId('acknowledgment-companies')).toContainText('شرکت خدمات برق پارس نیرو');
  // The chart is drawn once its lazy chunk has loaded.
  await expect(page.getByRole('img', { name: 'نمودار سهم تأیید در مهلت به تفکیک شرکت' })).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'دریافت CSV' }).click();
  const file = await download;
  const csv = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  expect(csv.startsWith('\uFEFFشناسهٔ ابلاغیه,')).toBe(true);
  const line = csv.split('\r\n').find((l) => l.startsWith(`${hotSeason.id},`) && l.includes(parsContractor.username));
  expect(line).toContain(`${hotSeason.id},`);
  expect(line).toContain(`${parsContractor.displayName},${parsContractor.username},پیمانکار,شرکت خدمات برق پارس نیرو`);
  expect(line).toContain('تأیید پس از مهلت');

  const xlsx = await page.request.get('/api/acknowledgments?format=xlsx');
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
});
