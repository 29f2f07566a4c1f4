/**
 * A visitor who has not signed in and asks for a page of the contractors' build (`/courses`)
 * is sent to `/sign-in?next=<the path>` instead of a 404; staff-only and draft pages, assets and
 * unknown paths stay 404 (a redirect would tell that they exist), and a signed-in reader is
 * never redirected. Real server, real SQLite database, a small site folder on disk.
 */
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

let site: string;
let app: FastifyInstance;
let database: DatabaseHandle;

function write(build: string, file: string, content: string) {
  const full = path.join(site, build, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, content);
}

beforeAll(async () => {
  site = mkdtempSync(path.join(tmpdir(), 'ayin-sign-in-redirect-'));
  for (const build of ['public', 'contractor', 'staff', 'editor']) {
    write(build, 'index.html', `<!doctype html><title>${build}</title>`);
    write(build, '404.html', '<!doctype html><h1>صفحه‌ای که دنبال آن بودید پیدا نشد</h1>');
    write(build, 'sign-in.html', '<!doctype html><h1>ورود</h1>');
  }
  for (const build of ['contractor', 'staff', 'editor']) {
    write(build, 'courses.html', '<h1>دوره‌های آموزشی</h1>');
    write(build, 'courses/meter-reading/schedule-routes.html', '<h1>برنامهٔ قرائت</h1>');
    write(build, 'assets/js/courses.0a1b2c3d.js', 'console.log("دوره");');
  }
  for (const build of ['staff', 'editor']) write(build, 'regulations/1404-09/supervision/sv-009.html', '<h1>فقط کارکنان</h1>');
  write('editor', 'regulations/next/supervision/sv-010.html', '<h1>پیش‌نویس</h1>');

  database = await openDatabase({ sqlitePath: path.join(site, 'ayin.sqlite') });
  await database.db
    .insertInto('users')
    .values(await userRowFor({ username: 'reza.karimi', password: 'reza-password-1', displayName: 'رضا کریمی', role: 'contractor', company: 'شرکت نمونه' }, Date.now()))
    .execute();
  app = await buildServer({ ...readConfig({}, site), siteDir: site, logLevel: 'silent', audience: 'public' }, { database, manifest: emptyManifestSource() });
});

afterAll(async () => {
  await app?.close();
  await database?.close();
  rmSync(site, { recursive: true, force: true });
});

async function contractorCookie(): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'reza.karimi', password: 'reza-password-1' } });
  expect(res.statusCode, res.body).toBe(200);
  return `ayin_session=${res.cookies.find((c) => c.name === 'ayin_session')!.value}`;
}

describe('pages a visitor could read after signing in', () => {
  it('sends a visitor to sign in and back, keeping the path and the query', async () => {
    for (const [url, next] of [
      ['/courses', '/courses'],
      ['/courses/meter-reading/schedule-routes?tab=2&x=ب', '/courses/meter-reading/schedule-routes?tab=2&x=ب'],
    ] as const) {
      const res = await app.inject({ url: encodeURI(url) });
      expect(res.statusCode, url).toBe(302);
      const location = new URL(res.headers.location as string, 'http://ayin.test');
      expect(location.pathname).toBe('/sign-in');
      expect(decodeURI(location.searchParams.get('next')!)).toBe(next);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers.vary).toMatch(/cookie/i);
    }
  });

  it('keeps a 404 for staff-only and draft pages, assets and unknown paths', async () => {
    for (const url of ['/regulations/1404-09/supervision/sv-009', '/regulations/next/supervision/sv-010', '/assets/js/courses.0a1b2c3d.js', '/courses/nothing-here', '/sign-in-nope']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).toContain('پیدا نشد');
    }
  });

  it('serves a signed-in contractor the page, and a 404 (not a sign-in) for what they may not read', async () => {
    const cookie = await contractorCookie();
    const courses = await app.inject({ url: '/courses', headers: { cookie } });
    expect(courses.statusCode).toBe(200);
    expect(courses.body).toContain('دوره‌های آموزشی');
    const staffOnly = await app.inject({ url: '/regulations/1404-09/supervision/sv-009', headers: { cookie } });
    expect(staffOnly.statusCode).toBe(404);
  });

  it('sends nobody to sign in on a server without accounts', async () => {
    const bare = await buildServer({ ...readConfig({}, site), siteDir: site, logLevel: 'silent', audience: 'public' });
    try {
      expect((await bare.inject({ url: '/courses' })).statusCode).toBe(404);
    } finally {
      await bare.close();
    }
  });
});
