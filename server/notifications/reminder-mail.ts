/**
 * The reminder a reader is sent at each step of the schedule, and the escalation summary their
 * supervisor gets: Persian, right-to-left HTML and plain text, the due day in Jalali, days in
 * Persian digits, and the link to the item on the site.
 */
import type { Reminder } from '../../src/domain/inbox/reminders';
import { formatJalaliLong, type JalaliDate } from '../../src/domain/jalali';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
const persianDigits = (n: number) => String(n).replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);

export interface Mail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

function page(paragraphs: readonly string[], link: { url: string; label: string }): string {
  return `<!doctype html><html lang="fa-IR" dir="rtl"><head><meta charset="utf-8"></head><body style="direction:rtl;text-align:right;font-family:Vazirmatn,Tahoma,sans-serif">
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>
<p>سامانهٔ آیین</p>
</body></html>`;
}

const SUBJECTS: Readonly<Record<Reminder['kind'], (title: string, r: Reminder) => string>> = {
  publication: (title) => `ابلاغیهٔ تازه برای تأیید: ${title}`,
  'before-due': (title) => `یادآوری: مهلت تأیید «${title}» نزدیک است`,
  due: (title) => `امروز آخرین مهلت تأیید «${title}» است`,
  overdue: (title, r) => `مهلت تأیید «${title}» گذشته است (یادآوری ${persianDigits(r.step)})`,
};

export function reminderMail(input: { readonly displayName: string; readonly title: string; readonly url: string; readonly due: JalaliDate; readonly reminder: Reminder; readonly daysLeft: number }): Mail {
  const due = formatJalaliLong(input.due);
  const subject = SUBJECTS[input.reminder.kind](input.title, input.reminder);
  const state =
    input.daysLeft > 0 ? `مهلت تأیید آن ${due} است (${persianDigits(input.daysLeft)} روز مانده).` : input.daysLeft === 0 ? `امروز، ${due}، آخرین مهلت تأیید آن است.` : `مهلت تأیید آن ${due} بود و ${persianDigits(-input.daysLeft)} روز از آن گذشته است.`;
  const lines = [`${input.displayName} گرامی،`, `ابلاغیهٔ «${input.title}» برای شما ارسال شده و هنوز تأیید نشده است. ${state}`, 'لطفاً آن را مطالعه و در کارتابل آیین تأیید کنید:'];
  const text = [...lines, input.url, '', 'سامانهٔ آیین'].join('\n');
  const html = page(lines.map(escapeHtml), { url: input.url, label: 'مطالعه و تأیید ابلاغیه' });
  return { subject, text, html };
}

export function escalationMail(input: {
  readonly recipientName: string;
  readonly title: string;
  readonly companyName: string | null;
  readonly due: JalaliDate;
  readonly overdue: readonly { readonly displayName: string; readonly username: string }[];
  readonly url: string;
}): Mail {
  const due = formatJalaliLong(input.due);
  const who = input.companyName ? `از ${input.companyName}` : 'بدون شرکت';
  const subject = `گزارش تأخیر در تأیید «${input.title}»: ${persianDigits(input.overdue.length)} نفر ${who}`;
  const intro = [`${input.recipientName} گرامی،`, `مهلت تأیید ابلاغیهٔ «${input.title}» (${due}) گذشته و این افراد ${who} هنوز آن را تأیید نکرده‌اند:`];
  const names = input.overdue.map((p) => `${p.displayName} (${p.username})`);
  const text = [...intro, ...names.map((n) => `- ${n}`), '', 'گزارش کامل تأییدها:', input.url, '', 'سامانهٔ آیین'].join('\n');
  const html = page([...intro.map(escapeHtml), `<ul>${names.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`], { url: input.url, label: 'گزارش تأییدها' });
  return { subject, text, html };
}
