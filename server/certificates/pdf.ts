/**
 * Certificate PDFs, printed by Debian's Chromium (playwright-core) from `certificateHtml`.
 * One browser is started on the first request and kept; each PDF gets its own page, with the
 * network shut off (everything it needs is inline).
 */
import QRCode from 'qrcode';
import { chromium, type Browser } from 'playwright-core';
import { certificateHtml } from './html';
import type { CertificateView } from './store';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface CertificatePdfRenderer {
  render(certificate: CertificateView, verifyUrl: string): Promise<Buffer>;
  close(): Promise<void>;
}

export function createCertificatePdfRenderer(executablePath = CHROMIUM_PATH): CertificatePdfRenderer {
  let browser: Promise<Browser> | undefined;
  const browserOf = () => {
    browser ??= chromium.launch({ executablePath, args: CHROMIUM_ARGS }).catch((error: unknown) => {
      browser = undefined;
      throw error;
    });
    return browser;
  };

  return {
    async render(certificate, verifyUrl) {
      const qrSvg = await QRCode.toString(verifyUrl, { type: 'svg', margin: 0, errorCorrectionLevel: 'M', color: { dark: '#1c2b3a', light: '#ffffff' } });
      const context = await (await browserOf()).newContext({ offline: true, javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        await page.setContent(certificateHtml({ certificate, verifyUrl, qrSvg }), { waitUntil: 'load' });
        await page.evaluateHandle('document.fonts.ready').catch(() => undefined);
        return await page.pdf({ format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true });
      } finally {
        await context.close();
      }
    },
    async close() {
      const running = browser;
      browser = undefined;
      if (running) await (await running).close().catch(() => undefined);
    },
  };
}
