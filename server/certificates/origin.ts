/**
 * The origin printed on certificates (the QR code and the address under it). It comes from
 * configuration only: `PUBLIC_URL`, else the address the server listens on. Never from the
 * request's `Host` (or `X-Forwarded-Host`): a forged header would print a certificate that
 * sends whoever checks it to someone else's site.
 */
import type { AddressInfo } from 'node:net';

export interface OriginSource {
  /** `PUBLIC_URL`, when set. */
  readonly publicUrl?: string;
  /** The configured listening address (`HOST`, `PORT`)… */
  readonly host: string;
  readonly port: number;
  /** …and where the server really listens, once it does (`PORT=0` picks a free port). */
  readonly listening?: () => AddressInfo | string | null;
}

const WILDCARD = new Set(['', '0.0.0.0', '::', '[::]']);

/** A function, because the real port is known only after `listen`. */
export function configuredOrigin({ publicUrl, host, port, listening }: OriginSource): () => string {
  if (publicUrl) {
    const fixed = publicUrl.replace(/\/+$/, '');
    return () => fixed;
  }
  return () => {
    const address = listening?.();
    const actualPort = address && typeof address === 'object' ? address.port : port;
    // Listening on every interface names no host a reader can reach: say localhost (and
    // `originWarning` asks for PUBLIC_URL).
    const name = WILDCARD.has(host) ? 'localhost' : host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
    return `http://${name}:${actualPort}`;
  };
}

/** A start-up warning when certificates would carry an address only this machine can open. */
export function originWarning({ publicUrl, host }: Pick<OriginSource, 'publicUrl' | 'host'>): string | undefined {
  if (publicUrl) return undefined;
  if (WILDCARD.has(host) || host === '127.0.0.1' || host === 'localhost' || host === '::1') {
    return `PUBLIC_URL is not set: certificate QR codes point at this server's own address (HOST=${host || '(all interfaces)'}), which other machines cannot open; set PUBLIC_URL to the address readers use`;
  }
  return undefined;
}
