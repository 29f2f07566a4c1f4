/** The outbox's transport over SMTP (`SMTP_URL`, read once in server/config.ts), by nodemailer. */
import nodemailer from 'nodemailer';
import type { MailTransport } from './outbox';

export function smtpTransport(smtpUrl: string, from: string): MailTransport & { close(): void } {
  const transporter = nodemailer.createTransport(smtpUrl);
  const send = (async (mail) => {
    // The key in a header: a reader's mail client ignores it, an admin tracing a complaint finds the row.
    await transporter.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, headers: { 'X-Ayin-Notification': mail.key } });
  }) as MailTransport & { close(): void };
  send.close = () => transporter.close();
  return send;
}
