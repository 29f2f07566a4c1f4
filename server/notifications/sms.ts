/**
 * SMS through an HTTP webhook (`SMS_WEBHOOK_URL`): a JSON POST `{to, text}` to whatever gateway
 * the company contracts (Kavenegar, an in-house relay). Anything but a 2xx answer is a failure
 * the outbox retries with backoff, like refused mail.
 */
import type { MailTransport } from './outbox';

export function webhookSmsTransport(url: string, timeoutMs = 10_000): MailTransport {
  return async (message) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': message.key },
      body: JSON.stringify({ to: message.to, text: message.text }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    // Drained either way, so the connection is reused or closed rather than left hanging.
    const answer = await res.text();
    if (!res.ok) throw new Error(`SMS webhook answered ${res.status}: ${answer.slice(0, 200)}`);
  };
}
