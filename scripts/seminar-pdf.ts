/**
 * Turns a seminar's Markdown handout or slides (`static/seminars/<id>/*.md`) into the PDF
 * served beside it, through Chromium so Persian is shaped correctly and Vazirmatn is embedded.
 * Understands the little Markdown handouts use: `#`/`##` headings, `-` lists, paragraphs, and
 * `---` for a new page (one slide per page).
 *
 *   npx tsx scripts/seminar-pdf.ts static/seminars/<id>/handout.md [more.md …]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const root = path.resolve(__dirname, '..');
// Inlined as a data URL: a page set from a string may not load file:// fonts.
const font = path.join(root, 'node_modules/vazirmatn/fonts/webfonts/Vazirmatn[wght].woff2');

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const inline = (text: string) => escape(text).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');

export function markdownToHtml(markdown: string): string {
  const pages = markdown.split(/^---\s*$/m).map((page) => {
    const html: string[] = [];
    let list: string[] = [];
    const flush = () => {
      if (list.length) html.push(`<ul>${list.map((i) => `<li>${inline(i)}</li>`).join('')}</ul>`);
      list = [];
    };
    for (const block of page.split(/\n{2,}/)) {
      for (const line of block.split('\n').filter((l) => l.trim())) {
        const heading = /^(#{1,3})\s+(.*)$/.exec(line);
        if (heading) {
          flush();
          html.push(`<h${heading[1]!.length}>${inline(heading[2]!)}</h${heading[1]!.length}>`);
        } else if (/^[-*]\s+/.test(line)) list.push(line.replace(/^[-*]\s+/, ''));
        else {
          flush();
          html.push(`<p>${inline(line)}</p>`);
        }
      }
      flush();
    }
    return `<section>${html.join('\n')}</section>`;
  });
  return `<!doctype html><html lang="fa-IR" dir="rtl"><head><meta charset="utf-8"><style>
@font-face { font-family: Vazirmatn; src: url('data:font/woff2;base64,${readFileSync(font).toString('base64')}') format('woff2'); font-weight: 100 900; }
body { font-family: Vazirmatn, sans-serif; line-height: 1.9; margin: 0; color: #1c1e21; }
section { page-break-after: always; padding: 0 4mm; }
section:last-child { page-break-after: auto; }
h1 { color: #0b5d7a; font-size: 20pt; } h2 { color: #0b5d7a; font-size: 15pt; margin-block-start: 1.2em; }
p, li { font-size: 11.5pt; } .sample { color: #a33; font-size: 9pt; }
</style></head><body>${pages.join('\n')}</body></html>`;
}

async function main(files: string[]) {
  if (!files.length) throw new Error('usage: tsx scripts/seminar-pdf.ts static/seminars/<id>/<name>.md …');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    for (const file of files) {
      if (!file.endsWith('.md')) throw new Error(`${file}: expected a .md file`);
      await page.setContent(markdownToHtml(readFileSync(file, 'utf8')), { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      const out = file.replace(/\.md$/, '.pdf');
      await page.pdf({ path: out, format: 'A4', margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' }, printBackground: true });
      console.log(`wrote ${out}`);
    }
  } finally {
    await browser.close();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
