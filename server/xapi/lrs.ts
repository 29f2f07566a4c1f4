/**
 * The transport to a learning record store: one `POST <endpoint>statements` per batch, with the
 * xAPI version header and Basic credentials, given up after `timeoutMs`. Errors are Persian
 * (the admin page shows them as they are) and never carry the credentials.
 */
import type { StatementTransport } from './outbox';

export interface LrsOptions {
  /** The xAPI base, ending in `/`. */
  readonly endpoint: string;
  readonly auth?: { readonly username: string; readonly password: string };
  readonly timeoutMs?: number;
}

export function lrsTransport({ endpoint, auth, timeoutMs = 10_000 }: LrsOptions): StatementTransport {
  const url = new URL('statements', endpoint).toString();
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-experience-api-version': '1.0.3' };
  if (auth) headers.authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
  return async (statements) => {
    let response: Response;
    try {
      response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(statements), signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      const e = error as Error & { cause?: { code?: string } };
      if (e.name === 'TimeoutError') throw new Error(`سامانهٔ LRS در ${(timeoutMs / 1000).toLocaleString('fa-IR')} ثانیه پاسخ نداد`);
      throw new Error(`اتصال به سامانهٔ LRS ممکن نشد (${e.cause?.code ?? e.message})`);
    }
    const body = await response.text().catch(() => '');
    if (response.status === 401 || response.status === 403) throw new Error(`سامانهٔ LRS اعتبارنامه را نپذیرفت (${response.status}): XAPI_AUTH را بررسی کنید`);
    if (!response.ok) throw new Error(`سامانهٔ LRS پاسخ ${response.status} داد: ${body.slice(0, 200)}`);
  };
}
