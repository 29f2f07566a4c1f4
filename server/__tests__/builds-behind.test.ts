/**
 * `npm start` serves while it builds: a reader whose build is still being made gets the
 * Persian "being prepared" page (503, retry, not cached), never another audience's build; once
 * the build is swapped in they get their pages, and the CSP allows the new build's inline
 * script. A build that failed says so. Real server, real SQLite database, small builds on disk.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../app';
import { emptyManifestSource } from '../manifest';
import { userRowFor } from '../accounts/users';
import { readConfig } from '../config';
import { openDatabase, type DatabaseHandle } from '../db';
import { createSiteBuildTracker, type SiteBuildTracker } from '../site-builds';

let site: string;
let app: FastifyInstance;
let database: DatabaseHandle;
let builds: SiteBuildTracker;

const STAFF_SCRIPT = 'window.__staffBuild = "ستاد";';

function writeBuild(build: string, script?: string) {
  const dir = path.join(site, build);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), `<!doctype html><title>${build}</title><h1>نسخهٔ ${build}</h1>${script ? `<script>${script}</script>` : ''}`);
  writeFileSync(path.join(dir, '404.html'), '<!doctype html><h1>صفحه‌ای که دنبال آن بودید پیدا نشد</h1>');
}

async function cookieOf(username: string, password: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password } });
  expect(res.statusCode, res.body).toBe(200);
  return `ayin_session=${res.cookies.find((c) => c.name === 'ayin_session')!.value}`;
}

beforeAll(async () => {
  site = mkdtempSync(path.join(tmpdir(), 'ayin-builds-behind-'));
  writeBuild('public');
  database = await openDatabase({ sqlitePath: path.join(site, 'ayin.sqlite') });
  const now = Date.now();
  await database.db
    .insertInto('users')
    .values([
      await userRowFor({ username: 'maryam.ahmadi', password: 'maryam-password-1', displayName: 'مریم احمدی', role: 'staff', company: null }, now),
      await userRowFor({ username: 'reza.karimi', password: 'reza-password-1', displayName: 'رضا کریمی', role: 'contractor', company: 'شرکت نمونه' }, now),
    ])
    .execute();
  builds = createSiteBuildTracker();
  builds.set('staff', 'building');
  builds.set('contractor', 'waiting');
  builds.set('editor', 'waiting');
  app = await buildServer({ ...readConfig({}, site), siteDir: site, logLevel: 'silent', audience: 'public' }, { database, manifest: emptyManifestSource(), builds });
});

afterAll(async () => {
  await app?.close();
  await database?.close();
  rmSync(site, { recursive: true, force: true });
});

describe('a reader whose build is still being made', () => {
  it('serves visitors the public build that is ready', async () => {
    const res = await app.inject({ url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('نسخهٔ public');
  });

  it('tells signed-in staff their site is being prepared, and shows nothing of another build', async () => {
    const cookie = await cookieOf('maryam.ahmadi', 'maryam-password-1');
    for (const url of ['/', '/regulations/1404-09/connection-sales/cs-002', '/assets/js/main.js']) {
      const res = await app.inject({ url, headers: { cookie } });
      expect(res.statusCode, url).toBe(503);
      expect(res.headers['retry-after']).toBe('15');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.body).toContain('dir="rtl"');
      expect(res.body).toContain('در حال ساخته‌شدن است');
      expect(res.body).not.toContain('نسخهٔ public');
    }
  });

  it('serves the new build once it is swapped in, with its inline script allowed by the CSP', async () => {
    const cookie = await cookieOf('maryam.ahmadi', 'maryam-password-1');
    const hash = `'sha256-${createHash('sha256').update(STAFF_SCRIPT, 'utf8').digest('base64')}'`;
    expect((await app.inject({ url: '/' })).headers['content-security-policy']).not.toContain(hash);
    writeBuild('staff', STAFF_SCRIPT);
    await builds.swapped('staff');
    const res = await app.inject({ url: '/', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('نسخهٔ staff');
    expect(res.headers['content-security-policy']).toContain(hash);
  });

  it('says so when the build failed, still without serving another one', async () => {
    builds.set('contractor', 'failed');
    const cookie = await cookieOf('reza.karimi', 'reza-password-1');
    const res = await app.inject({ url: '/courses', headers: { cookie } });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('با خطا روبه‌رو شد');
    expect(res.body).not.toMatch(/نسخهٔ (public|staff)/);
  });

  it('keeps the plain 404 for a missing build nobody is making (npm run serve checks at start)', async () => {
    const plain = await buildServer({ ...readConfig({}, site), siteDir: site, logLevel: 'silent', audience: 'public' }, { database, manifest: emptyManifestSource() });
    try {
      const cookie = `ayin_session=${(await plain.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'reza.karimi', password: 'reza-password-1' } })).cookies.find((c) => c.name === 'ayin_session')!.value}`;
      const res = await plain.inject({ url: '/courses', headers: { cookie } });
      expect(res.statusCode).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
