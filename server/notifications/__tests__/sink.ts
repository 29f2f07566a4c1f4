/**
 * A real SMTP server (smtp-server) on a free local port for the tests, keeping what it is given:
 * the envelope's recipient, the notification key header, and the decoded subject and bodies.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { readMail } from './mime';

export interface ReceivedMail {
  readonly to: string;
  readonly key: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export interface MailSink {
  readonly url: string;
  readonly received: ReceivedMail[];
  close(): Promise<void>;
}

/** `onMail`: told of each mail as it arrives (the e2e server writes it where the spec reads it). */
export async function startMailSink(onMail?: (mail: ReceivedMail) => void): Promise<MailSink> {
  const received: ReceivedMail[] = [];
  const sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const key = /^x-ayin-notification: *(.*)$/im.exec(raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' '))?.[1]?.trim() ?? '';
        const mail = { to: session.envelope.rcptTo.map((r) => r.address).join(','), key, ...readMail(raw) };
        received.push(mail);
        onMail?.(mail);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', () => resolve()));
  const { port } = sink.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => sink.close(() => resolve())) };
}
