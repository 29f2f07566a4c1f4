/**
 * The JavaScript one page of a build makes the browser download, measured in the browser
 * rather than guessed from the bundle: the page is opened in Chromium from a static server
 * over the build's folder, and every request the browser makes for a script of the site is
 * recorded until the network has been idle for half a second after `load`.
 *
 * What that counts, exactly: the `<script>` files in the HTML (`runtime~main`, `main`), and
 * the route's chunks, which the runtime loads as `<script>` elements before it hydrates the
 * page (component, content and global modules of every route the URL matches), plus any chunk
 * a component loads on mount. What it does not count: `<link rel=prefetch>` of linked pages
 * (Docusaurus prefetches links in view when idle; they are not needed to show this page), the
 * HTML, CSS, fonts and JSON. Each file is counted once, at its gzip -9 size (what a server
 * precompressing with gzip sends; brotli is about 15 % smaller).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM } from './lighthouse';

export interface PageJs {
  /** The script paths, in the order requested. */
  files: string[];
  rawKB: number;
  gzipKB: number;
  /** Of which the two scripts in the HTML (`runtime~main`, `main`). */
  entryGzipKB: number;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };

/** `/a/b` → `a/b.html` or `a/b/index.html` (trailingSlash: false), as the Ayin server resolves it. */
function resolveFile(root: string, urlPath: string): string | undefined {
  const clean = decodeURIComponent(urlPath.split('?')[0]!).replace(/\/+$/, '');
  for (const candidate of [clean, `${clean}.html`, `${clean}/index.html`]) {
    const file = path.join(root, candidate);
    if (file.startsWith(root) && existsSync(file) && statSync(file).isFile()) return file;
  }
  return undefined;
}

function staticServer(root: string): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const file = resolveFile(root, req.url ?? '/');
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ origin: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

export async function measurePageJs(outDir: string, pagePath: string): Promise<PageJs> {
  const root = path.resolve(outDir);
  const html = resolveFile(root, pagePath);
  if (!html) throw new Error(`${pagePath}: no such page in ${outDir}`);
  const entries = [...readFileSync(html, 'utf8').matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)].map((m) => m[1]!);

  const server = await staticServer(root);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  const files: string[] = [];
  try {
    const page = await browser.newPage();
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (request.resourceType() === 'script' && url.origin === server.origin && !files.includes(url.pathname)) files.push(url.pathname);
    });
    await page.goto(`${server.origin}${pagePath}`, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
  } finally {
    await browser.close();
    await server.close();
  }
  for (const entry of entries) if (!files.includes(entry)) throw new Error(`${pagePath}: the browser did not load ${entry}, a script of the HTML`);

  let raw = 0;
  let gzip = 0;
  let entryGzip = 0;
  for (const file of files) {
    const body = readFileSync(resolveFile(root, file)!);
    const size = gzipSync(body, { level: 9 }).length;
    raw += body.length;
    gzip += size;
    if (entries.includes(file)) entryGzip += size;
  }
  return { files, rawKB: raw / 1024, gzipKB: gzip / 1024, entryGzipKB: entryGzip / 1024 };
}
