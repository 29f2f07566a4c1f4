/** The server against a small site folder on disk, through fastify's inject (no sockets). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../app';
import { readConfig, ConfigError } from '../config';
import { cacheControlFor, resolveSitePath } from '../static-site';

let site: string;
let app: FastifyInstance;

/** Visitors who have not signed in are served the public build, `<site>/public/`. */
function write(file: string, content: string, { precompress = false } = {}) {
  const full = path.join(site, 'public', file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, content);
  if (precompress) {
    writeFileSync(`${full}.br`, brotliCompressSync(content));
    writeFileSync(`${full}.gz`, gzipSync(content));
  }
}

beforeAll(async () => {
  site = mkdtempSync(path.join(tmpdir(), 'ayin-server-'));
  write('index.html', '<!doctype html><html lang="fa-IR" dir="rtl"><title>خانه</title></html>', { precompress: true });
  write('404.html', '<!doctype html><html lang="fa-IR" dir="rtl"><h1>صفحه‌ای که دنبال آن بودید پیدا نشد</h1></html>');
  write('regulations/connection-sales/cs-002.html', '<h1>دستورالعمل فروش انشعاب</h1>'.repeat(50), { precompress: true });
  write('regulations/connection-sales.html', '<h1>فروش انشعاب</h1>');
  write('assets/js/main.0123abcd.js', 'console.log("آیین");'.repeat(100), { precompress: true });
  write('announcements/rss.xml', '<rss/>');
  // Editions: one in force since 1403, one that takes effect in 1499 and holds a text of its own.
  write('__server/editions.json', JSON.stringify({ editions: [{ name: '1403-07', effective: { year: 1403, month: 7, day: 1 } }, { name: '1499-01', effective: { year: 1499, month: 1, day: 1 } }] }));
  write('regulations/1403-07/energy-sales/es-001.html', '<h1>تعرفه‌ها</h1>');
  write('regulations/1499-01/energy-sales/es-001.html', '<h1>تعرفه‌های آینده</h1>');
  write('regulations/1499-01/energy-sales/es-002.html', '<h1>مقررهٔ تازه</h1>');
  for (const build of ['contractor', 'staff', 'editor']) {
    mkdirSync(path.join(site, build), { recursive: true });
    writeFileSync(path.join(site, build, 'index.html'), `<!doctype html><title>${build}</title>`);
  }
  app = await buildServer({ ...readConfig({}, site), siteDir: site, logLevel: 'silent' });
});

afterAll(async () => {
  await app.close();
  rmSync(site, { recursive: true, force: true });
});

describe('static site', () => {
  it('serves pages under trailingSlash:false URLs, precompressed with brotli', async () => {
    const res = await app.inject({ url: '/regulations/connection-sales/cs-002', headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
  });

  it('falls back to gzip, and to identity for clients that accept neither', async () => {
    const gz = await app.inject({ url: '/', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await app.inject({ url: '/', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toContain('lang="fa-IR"');
  });

  it('caches hashed assets for a year, immutable', async () => {
    const res = await app.inject({ url: '/assets/js/main.0123abcd.js', headers: { 'accept-encoding': 'br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toMatch(/javascript/);
  });

  it('answers unknown paths with the Persian 404 page and status 404', async () => {
    for (const [url, status] of [['/nope', 404], ['/regulations/connection-sales/cs-999', 404], ['/..%2f..%2fetc/passwd', 404], ['/%E0%A4%A', 400]] as const) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(status);
      expect(res.body, url).toContain('صفحه‌ای که دنبال آن بودید پیدا نشد');
    }
  });

  it('never serves a file outside the site folder', () => {
    const build = path.join(site, 'public');
    expect(resolveSitePath(build, '/../package.json')).toBeUndefined();
    expect(resolveSitePath(build, '/%2e%2e/%2e%2e/etc/passwd')).toBeUndefined();
    expect(resolveSitePath(build, '/a\0b')).toBeUndefined();
    expect(resolveSitePath(build, '/')).toBe('index.html');
    expect(resolveSitePath(build, '/regulations/connection-sales')).toBe('regulations/connection-sales.html');
    expect(resolveSitePath(build, '/__server/editions.json')).toBeUndefined();
  });

  it('sends unversioned regulation URLs to the edition in force today, keeping the query', async () => {
    const inForce = await app.inject({ url: '/regulations/energy-sales/es-001?x=1' });
    expect(inForce.statusCode).toBe(302);
    expect(inForce.headers.location).toBe('/regulations/1403-07/energy-sales/es-001?x=1');
    expect(inForce.headers['cache-control']).toBe('no-store');
    // Not in the edition in force: its newest edition that has it.
    const onlyLater = await app.inject({ url: '/regulations/energy-sales/es-002' });
    expect(onlyLater.headers.location).toBe('/regulations/1499-01/energy-sales/es-002');
    // A versioned URL is never redirected, even when that edition lacks the text.
    expect((await app.inject({ url: '/regulations/1403-07/energy-sales/es-002' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/regulations/energy-sales/es-999' })).statusCode).toBe(404);
  });

  it('sets security headers with a self-only content policy', async () => {
    const res = await app.inject({ url: '/' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('chooses cache headers by kind of file', () => {
    expect(cacheControlFor('/assets/css/styles.abc.css.br')).toContain('immutable');
    expect(cacheControlFor('/index.html.gz')).toBe('no-cache');
    expect(cacheControlFor('/announcements/rss.xml')).toBe('public, max-age=3600, must-revalidate');
  });
});

describe('API', () => {
  it('reports health to a visitor as its status only', async () => {
    const res = await app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers unknown API paths with a Persian JSON error', async () => {
    const res = await app.inject({ url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: 'not_found', message: 'این نشانی در رابط برنامه‌نویسی آیین وجود ندارد.' });
  });
});

describe('configuration', () => {
  it('defaults to 127.0.0.1:3000', () => {
    expect(readConfig({})).toMatchObject({ host: '127.0.0.1', port: 3000 });
  });

  it('rejects a bad PORT or PUBLIC_URL with a clear message', () => {
    expect(() => readConfig({ PORT: 'abc' })).toThrow(new ConfigError('PORT must be a port number (0-65535), got "abc"'));
    expect(() => readConfig({ PUBLIC_URL: 'ayin.example' })).toThrow(/PUBLIC_URL must start with http/);
  });

  it('turns on HSTS only for an https public URL', async () => {
    const secure = await buildServer({ ...readConfig({ PUBLIC_URL: 'https://ayin.example' }, site), siteDir: site, logLevel: 'silent' });
    const res = await secure.inject({ url: '/' });
    expect(res.headers['strict-transport-security']).toContain('max-age=');
    await secure.close();
  });
});
