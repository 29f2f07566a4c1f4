/**
 * The certificate as a single self-contained HTML page (fonts and QR code inline), which
 * Chromium prints to an A4 landscape PDF. HTML rather than drawing text with a PDF library:
 * Chromium shapes Persian with HarfBuzz and lays out mixed RTL/LTR runs with the Unicode bidi
 * algorithm, the two things PDF libraries get wrong (pdfkit draws RTL runs reversed).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CertificateView } from './store';

const FONT_DIR = path.join(path.dirname(require.resolve('vazirmatn/package.json')), 'fonts', 'ttf');
let fontFaces: string | undefined;

/** Vazirmatn Regular and Bold as data: URLs, read once: the PDF embeds them, nothing is fetched. */
function vazirmatnFaces(): string {
  fontFaces ??= (
    [
      ['Vazirmatn-Regular.ttf', 400],
      ['Vazirmatn-Bold.ttf', 700],
    ] as const
  )
    .map(
      ([file, weight]) =>
        `@font-face{font-family:'Vazirmatn';font-weight:${weight};src:url(data:font/ttf;base64,${readFileSync(path.join(FONT_DIR, file)).toString('base64')}) format('truetype');}`,
    )
    .join('\n');
  return fontFaces;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface CertificatePageInput {
  readonly certificate: CertificateView;
  /** Absolute `…/verify/<code>`. */
  readonly verifyUrl: string;
  /** The QR code of `verifyUrl`, as an SVG element. */
  readonly qrSvg: string;
}

export function certificateHtml({ certificate: c, verifyUrl, qrSvg }: CertificatePageInput): string {
  const company = c.company ? `<p class="company">کارکن <strong>${escapeHtml(c.company)}</strong></p>` : '';
  return `<!doctype html>
<html lang="fa-IR" dir="rtl">
<head>
<meta charset="utf-8">
<title>گواهی‌نامهٔ پایان دوره — ${escapeHtml(c.courseTitle)}</title>
<style>
${vazirmatnFaces()}
@page { size: A4 landscape; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: 'Vazirmatn', sans-serif; color: #1c2b3a; width: 297mm; height: 210mm; }
.sheet { position: relative; width: 297mm; height: 210mm; padding: 14mm; }
.frame { height: 100%; border: 2.5mm double #1f5f8b; border-radius: 4mm; padding: 12mm 18mm; display: flex; flex-direction: column; text-align: center; }
.org { margin: 0; font-size: 13pt; color: #1f5f8b; }
h1 { margin: 4mm 0 2mm; font-size: 32pt; font-weight: 700; }
.lead { margin: 6mm 0 0; font-size: 15pt; }
.name { margin: 3mm 0; font-size: 28pt; font-weight: 700; color: #123; }
.company { margin: 0; font-size: 14pt; }
.course { margin: 6mm 0 0; font-size: 15pt; line-height: 1.9; }
.course strong { font-size: 18pt; }
.footer { margin-top: auto; display: flex; align-items: flex-end; justify-content: space-between; gap: 10mm; }
.facts { font-size: 12pt; line-height: 2; margin: 0; text-align: start; }
.facts dt { display: inline; color: #456; }
.facts dd { display: inline; margin: 0 1mm 0 0; font-weight: 700; }
.code { direction: ltr; unicode-bidi: isolate; font-family: 'DejaVu Sans Mono', monospace; letter-spacing: 0.5mm; }
.verify { text-align: center; font-size: 9.5pt; color: #456; }
.verify svg { width: 34mm; height: 34mm; display: block; margin: 0 auto 2mm; }
.url { direction: ltr; unicode-bidi: isolate; font-family: 'DejaVu Sans Mono', monospace; font-size: 8pt; }
</style>
</head>
<body>
<div class="sheet"><div class="frame">
  <p class="org">شرکت توزیع نیروی برق — معاونت خدمات مشترکین</p>
  <h1>گواهی‌نامهٔ پایان دورهٔ آموزشی</h1>
  <p class="lead">بدین‌وسیله گواهی می‌شود</p>
  <p class="name">${escapeHtml(c.learner)}</p>
  ${company}
  <p class="course">دورهٔ آموزشی <strong>«${escapeHtml(c.courseTitle)}»</strong> را با خواندن همهٔ درس‌ها و قبولی در آزمون پایانی، با موفقیت به پایان رسانده است.</p>
  <div class="footer">
    <dl class="facts">
      <div><dt>تاریخ صدور:</dt><dd>${escapeHtml(c.issuedAtJalaliLong)}</dd></div>
      <div><dt>بر پایهٔ مقررات:</dt><dd>${escapeHtml(c.edition)}</dd></div>
      <div><dt>کد رهگیری گواهی‌نامه:</dt><dd><bdi class="code">${escapeHtml(c.code)}</bdi></dd></div>
    </dl>
    <div class="verify">
      ${qrSvg}
      <div>برای بررسی درستی این گواهی‌نامه، کد را اسکن کنید یا به نشانی زیر بروید:</div>
      <bdi class="url">${escapeHtml(verifyUrl)}</bdi>
    </div>
  </div>
</div></div>
</body>
</html>`;
}
