/**
 * The mail that asks a reader to acknowledge an announcement: Persian, right-to-left HTML and
 * plain text, with the due day in Jalali and the link to the item on the site.
 */
import { formatJalaliLong, type JalaliDate } from '../../src/domain/jalali';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

export function announcementMail(input: { readonly displayName: string; readonly title: string; readonly url: string; readonly due: JalaliDate }): { subject: string; text: string; html: string } {
  const due = formatJalaliLong(input.due);
  const subject = `ابلاغیهٔ تازه برای تأیید: ${input.title}`;
  const text = [`${input.displayName} گرامی،`, '', `ابلاغیهٔ «${input.title}» برای شما ارسال شده است.`, `لطفاً آن را تا ${due} مطالعه و در کارتابل آیین تأیید کنید:`, input.url, '', 'سامانهٔ آیین'].join('\n');
  const html = `<!doctype html><html lang="fa-IR" dir="rtl"><body style="direction:rtl;text-align:right;font-family:Vazirmatn,Tahoma,sans-serif">
<p>${escapeHtml(input.displayName)} گرامی،</p>
<p>ابلاغیهٔ «${escapeHtml(input.title)}» برای شما ارسال شده است. لطفاً آن را تا <strong>${escapeHtml(due)}</strong> مطالعه و تأیید کنید.</p>
<p><a href="${escapeHtml(input.url)}">مطالعه و تأیید ابلاغیه</a></p>
<p>سامانهٔ آیین</p>
</body></html>`;
  return { subject, text, html };
}
