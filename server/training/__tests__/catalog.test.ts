/**
 * The training catalog from the server manifest the build writes from a site's content
 * (courses, lessons, quizzes with their keys, editions), and the training routes inside the real
 * server (`buildServer`), including the `/verify/<code>` page. On the `editions` fixture (the
 * `minimal` site's course and quiz, two published editions): unit tests use fixtures, the
 * sample corpus is for e2e.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../app';
import { readConfig } from '../../config';
import { openDatabase } from '../../db/open';
import { getCorpus } from '../../../src/content/index';
import { userRowFor } from '../../accounts/users';
import { manifestFromCorpus, writeServerManifest } from '../../manifest';
import { createCatalog, CURRENT_TEXT, editionLabel } from '../catalog';
import { catalogFromManifest } from '../load';
import { fixturesDir, makeFixtureSite } from '../../../tests/support/fixture-site';

const fixture = makeFixtureSite('editions');
for (const name of ['versioned_docs', 'versioned_sidebars', 'versions.json']) {
  cpSync(path.join(fixturesDir, 'editions', name), path.join(fixture.dir, name), { recursive: true });
}
afterAll(() => fixture.remove());
const ROOT = fixture.dir;

describe('training catalog from the manifest of the content', () => {
  const manifest = manifestFromCorpus(getCorpus(ROOT));
  const catalog = catalogFromManifest(manifest);

  it('loads every course with its audience and lessons, and the quizzes that validate', () => {
    expect(getCorpus(ROOT).problems).toEqual([]);
    expect(manifest.courses.map((c) => c.id)).toEqual(['basics']);
    expect(catalog.courses).toHaveLength(1);
    const basics = catalog.course('basics')!;
    expect(basics.lessons).toEqual(['basics/01-intro']);
    expect(basics.quiz!.questions).toHaveLength(5);
    expect(basics.quiz!.draw).toBe(3);
    expect(basics.audience).toEqual(['contractor']);
    expect(catalog.lessonAtPath('/courses/basics/intro')).toEqual({ course: basics, lesson: 'basics/01-intro' });
    expect(catalog.lessonAtPath('/courses/basics/nowhere')).toBeUndefined();
    expect(catalog.lessonWords(basics, 'basics/01-intro')).toBeGreaterThan(3);
  });

  it('finds a lesson by its doc id with or without the number prefix, and nothing else', () => {
    const basics = catalog.course('basics')!;
    expect(catalog.lessonId(basics, 'basics/01-intro')).toBe('basics/01-intro');
    expect(catalog.lessonId(basics, 'basics/intro')).toBe('basics/01-intro');
    expect(catalog.lessonId(basics, 'customer-conduct/respect-takrim')).toBeUndefined();
    expect(catalog.lessonId(basics, 42)).toBeUndefined();
    expect(catalog.course('__proto__')).toBeUndefined();
  });

  it('links every cited clause of every quiz to a regulation page', () => {
    for (const course of catalog.courses) {
      for (const q of course.quiz?.questions ?? []) {
        for (const cite of q.cites) expect(catalog.citeLink(cite).url, `${course.id} ${q.id} ${cite}`).toMatch(/^\/regulations\/1404-09\/connection-sales\/cs-001#/);
      }
    }
  });

  it('names the edition in force at a moment, or the current text without editions', () => {
    expect(catalog.editionAt(Date.UTC(2025, 11, 1))).toBe('1404-09'); // 1404/09/10
    expect(catalog.editionAt(Date.UTC(2025, 0, 1))).toBe('1403-07'); // 1403/10/12
    expect(createCatalog({ courses: [], regulationPath: () => undefined, editions: [] }).editionAt(Date.now())).toBe(CURRENT_TEXT);
    expect(editionLabel('1404-09')).toBe('ویرایش ۱۴۰۴/۰۹');
    expect(editionLabel(CURRENT_TEXT)).toBe('متن جاری');
  });
});

describe('training in the real server', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ayin-training-server-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('registers the training routes and serves the verify page of the visitor’s build', async () => {
    const site = path.join(dir, 'build');
    mkdirSync(path.join(site, 'public'), { recursive: true });
    writeFileSync(path.join(site, 'public', 'verify.html'), '<html><body>صفحهٔ بررسی گواهی‌نامه</body></html>');
    writeFileSync(path.join(site, 'public', '404.html'), '<html><body>صفحه پیدا نشد</body></html>');
    writeServerManifest(site, manifestFromCorpus(getCorpus(ROOT)));
    const database = await openDatabase({ sqlitePath: path.join(dir, 'ayin.sqlite') });
    const app = await buildServer({ ...readConfig({}, ROOT), siteDir: site, logLevel: 'silent', audience: 'public' }, { database });
    try {
      const page = await app.inject({ method: 'GET', url: '/verify/7KQ2M-XP4RA' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('صفحهٔ بررسی گواهی‌نامه');
      const api = await app.inject({ method: 'GET', url: '/api/verify/7KQ2M-XP4RA' });
      expect([400, 404]).toContain(api.statusCode);
      expect(api.json().message).toMatch(/[\u0600-\u06FF]/);
      const quiz = await app.inject({ method: 'GET', url: '/api/training/courses/basics/quiz' });
      expect(quiz.statusCode).toBe(401);

      // A learner against the real quiz: the answer route skips helmet and compression (hot
      // path) but still says nosniff; the other routes keep every security header.
      await database.db.insertInto('users').values(await userRowFor({ username: 'reza.karimi', password: 'reza-password-1', displayName: 'رضا کریمی', role: 'contractor', company: 'شرکت نمونه' }, Date.now())).execute();
      const signIn = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'reza.karimi', password: 'reza-password-1' } });
      const headers = { cookie: `ayin_session=${signIn.cookies.find((c) => c.name === 'ayin_session')!.value}`, 'x-csrf-token': signIn.json().csrfToken as string };
      const started = await app.inject({ method: 'POST', url: '/api/training/courses/basics/attempts', headers });
      expect(started.statusCode, started.body).toBe(200);
      expect(started.headers['content-security-policy']).toContain("default-src 'self'");
      const attempt = started.json() as { id: string; questions: { id: string; type: string; options?: { id: string }[] }[] };
      expect(attempt.questions).toHaveLength(3);
      const q = attempt.questions.find((x) => x.type === 'true-false') ?? attempt.questions.find((x) => x.type === 'single')!;
      const saved = await app.inject({ method: 'PUT', url: `/api/training/attempts/${attempt.id}/answers/${q.id}`, headers, payload: { answer: q.type === 'true-false' ? true : q.options![0]!.id } });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.headers['x-content-type-options']).toBe('nosniff');
      expect(saved.headers['cache-control']).toBe('no-store');

      rmSync(path.join(site, 'public', 'verify.html'));
      const missing = await app.inject({ method: 'GET', url: '/verify/7KQ2M-XP4RA' });
      expect(missing.statusCode).toBe(404);
      expect(missing.body).toContain('صفحه پیدا نشد');
    } finally {
      await app.close();
      await database.close();
    }
  });
});
