/**
 * The private server manifest: written from validated content (the minimal fixture site),
 * validated on load, reloaded when a new build is swapped in, and never served; and the real
 * server (`buildServer`) answering from it — seminars for the configured visitor audience,
 * training after a reload without a restart, and a lesson counted only once its page was served.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getCorpus } from '../../../src/content/index';
import { buildServer } from '../../app';
import { readConfig } from '../../config';
import { openDatabase, type DatabaseHandle } from '../../db/open';
import { userRowFor } from '../../accounts/users';
import { countWords, manifestFromCorpus, openManifestSource, readServerManifest, SERVER_MANIFEST, writeServerManifest, type ServerManifest } from '../index';

const ROOT = path.resolve(__dirname, '../../..');
const MINIMAL = path.join(ROOT, 'tests/fixtures/sites/minimal');
const SECRET = 'توضیح آزمایشی پرسش نخست که فقط سرور آن را می‌خواند';
const HOUR = 3_600_000;

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ayin-manifest-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const fixtureManifest = (): ServerManifest => manifestFromCorpus(getCorpus(MINIMAL), new Date('2026-01-01T00:00:00Z'));

describe('the manifest the build writes', () => {
  it('holds the courses with audiences, lesson pages and lengths, and the quiz keys', () => {
    const manifest = fixtureManifest();
    expect(manifest.courses).toHaveLength(1);
    const [course] = manifest.courses;
    expect(course).toMatchObject({ id: 'basics', audience: ['contractor'], lessons: [{ id: 'basics/01-intro', permalink: '/courses/basics/intro' }] });
    expect(course!.lessons[0]!.words).toBeGreaterThan(5);
    expect(course!.quiz!.questions[0]).toMatchObject({ id: 'b-01', answer: 'a' });
    expect(JSON.stringify(manifest)).toContain(SECRET);
    const cs001 = manifest.regulations.find((r) => r.code === 'CS-001')!;
    expect(cs001).toMatchObject({ code: 'CS-001', current: '/regulations/connection-sales/cs-001', editions: {} });
    // Its text's audience and clauses, for readers' suggestions on a clause (server/feedback/).
    expect(Object.keys(cs001.texts!)).toEqual(['current']);
    expect(cs001.texts!.current!.audience.length).toBeGreaterThan(0);
    expect(cs001.texts!.current!.clauses.length).toBeGreaterThan(0);
    expect(cs001.texts!.current!.clauses[0]).toEqual({ anchor: expect.any(String), label: expect.stringMatching(/[\u0600-\u06FF]/) });
  });

  it('counts the words a reader reads, not the markup', () => {
    expect(countWords("import X from './x';\n\n## ماده ۱ – عنوان\n\n**تبصره:** متن <Card title=\"x\" /> [پیوند](reg:CS-001) - بند")).toBe(7);
  });

  it('is refused on load with the file and the field when it is missing, not JSON, or invalid', () => {
    const dir = tempDir();
    const file = path.join(dir, SERVER_MANIFEST);
    expect(() => readServerManifest(file)).toThrow(`${file}: missing; the server reads the build's private manifest: run npm run build`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, '{"version": 1,');
    expect(() => readServerManifest(file)).toThrow(`${file}: not JSON`);
    const bad = fixtureManifest();
    writeFileSync(file, JSON.stringify({ ...bad, courses: [{ ...bad.courses[0], audience: [] }] }));
    expect(() => readServerManifest(file)).toThrow(`${file}: not a valid server manifest: courses.0.audience: name at least one audience`);
    writeFileSync(file, JSON.stringify({ ...bad, version: 2 }));
    expect(() => readServerManifest(file)).toThrow(/version/);
  });

  it('is reloaded when a new one is swapped in, and a bad new one is refused while the old one stays', () => {
    const dir = tempDir();
    const first = fixtureManifest();
    writeServerManifest(dir, first);
    const refused: string[] = [];
    let clock = 0;
    const source = openManifestSource(path.join(dir, SERVER_MANIFEST), { checkEveryMs: 1000, now: () => clock, onRefused: (e) => refused.push(e.message) });
    expect(source.current().courses[0]!.title).toBe(first.courses[0]!.title);

    writeServerManifest(dir, { ...first, courses: [{ ...first.courses[0]!, title: 'دورهٔ تازه' }] });
    expect(source.current().courses[0]!.title).toBe(first.courses[0]!.title); // not looked at yet
    clock += 1000;
    expect(source.current().courses[0]!.title).toBe('دورهٔ تازه');

    writeFileSync(path.join(dir, SERVER_MANIFEST), JSON.stringify({ ...first, courses: 'none' }));
    expect(source.reload()).toBe(false);
    expect(source.current().courses[0]!.title).toBe('دورهٔ تازه');
    expect(refused).toHaveLength(1);
    expect(refused[0]).toContain('courses');
  });
});

describe('the real server on a build with a manifest', () => {
  let site: string;
  let database: DatabaseHandle;
  let app: FastifyInstance;
  const NOW = Date.UTC(2026, 10, 27, 8);

  async function start(env: Record<string, string> = {}) {
    app = await buildServer({ ...readConfig(env, ROOT), siteDir: site, logLevel: 'silent' }, { database, training: { now: () => NOW } });
  }

  beforeEach(async () => {
    site = path.join(tempDir(), 'build');
    for (const build of ['public', 'contractor', 'staff', 'editor']) {
      mkdirSync(path.join(site, build, 'courses/basics'), { recursive: true });
      writeFileSync(path.join(site, build, '404.html'), '<html><body>صفحه پیدا نشد</body></html>');
    }
    writeFileSync(path.join(site, 'contractor/courses/basics/intro.html'), '<html><body>درس نخست</body></html>');
    const manifest = fixtureManifest();
    writeServerManifest(site, {
      ...manifest,
      seminars: [{ id: 'contractor-briefing', permalink: '/seminars/contractor-briefing', startsAt: NOW + 24 * HOUR, endsAt: NOW + 26 * HOUR, seminar: { title: 'نشست پیمانکاران', audience: ['contractor'], capacity: 10, durationMinutes: 120 } }],
    });
    database = await openDatabase({ sqlitePath: path.join(path.dirname(site), 'ayin.sqlite') });
    await database.db.insertInto('users').values(await userRowFor({ username: 'reza.karimi', password: 'reza-password-1', displayName: 'رضا کریمی', role: 'contractor', company: 'شرکت نمونه' }, NOW)).execute();
  });
  afterEach(async () => {
    await app?.close();
    await database.close();
  });

  async function signIn() {
    const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'reza.karimi', password: 'reza-password-1' } });
    expect(res.statusCode, res.body).toBe(200);
    const cookie = res.cookies[0]!;
    return { cookie: `${cookie.name}=${cookie.value}`, csrf: (res.json() as { csrfToken: string }).csrfToken };
  }

  it('never serves the manifest, by any path, to a visitor or a signed-in reader', async () => {
    await start();
    const who = await signIn();
    const paths = ['/.server/manifest.json', '/../.server/manifest.json', '/%2e%2e/.server/manifest.json', '/..%2f.server%2fmanifest.json', '/%2E%2E%2F.server%2Fmanifest.json', '/contractor/../.server/manifest.json', '/.server/', '/.server'];
    for (const url of paths) {
      for (const headers of [{}, { cookie: who.cookie }]) {
        const res = await app.inject({ method: 'GET', url, headers });
        expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
        expect(res.body, url).not.toContain(SECRET);
        expect(res.body, url).not.toContain('"answer"');
      }
    }
    expect(readFileSync(path.join(site, SERVER_MANIFEST), 'utf8')).toContain(SECRET); // it is there, and private
  });

  it('shows seminars to visitors by the configured audience (AYIN_AUDIENCE), not its own rule', async () => {
    await start();
    expect((await app.inject({ method: 'GET', url: '/api/seminars/contractor-briefing' })).statusCode).toBe(404);
    await app.close();
    await start({ AYIN_AUDIENCE: 'contractor' });
    const res = await app.inject({ method: 'GET', url: '/api/seminars/contractor-briefing' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ seminar: { id: 'contractor-briefing', capacity: 10, seatsLeft: 10 } });
  });

  it('answers from a new manifest swapped in, without a restart', async () => {
    await start();
    const who = await signIn();
    const titleOf = async () => ((await app.inject({ method: 'GET', url: '/api/training/me', headers: { cookie: who.cookie } })).json() as { courses: { course: string; title: string }[] }).courses.find((c) => c.course === 'basics')?.title;
    expect(await titleOf()).toBe('دوره آزمایشی');
    expect((await app.inject({ method: 'GET', url: '/api/seminars/new-briefing', headers: { cookie: who.cookie } })).statusCode).toBe(404);

    const next = readServerManifest(path.join(site, SERVER_MANIFEST));
    writeServerManifest(site, {
      ...next,
      courses: [{ ...next.courses[0]!, title: 'دوره آزمایشی، ویرایش تازه' }],
      seminars: [...next.seminars, { ...next.seminars[0]!, id: 'new-briefing', permalink: '/seminars/new-briefing' }],
    });
    // The server looks at the file at most once a second: make the new file look a second newer.
    const later = new Date(Date.now() + 2000);
    utimesSync(path.join(site, SERVER_MANIFEST), later, later);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await titleOf()).toBe('دوره آزمایشی، ویرایش تازه');
    expect((await app.inject({ method: 'GET', url: '/api/seminars/new-briefing', headers: { cookie: who.cookie } })).statusCode).toBe(200);
  });

  it('counts a lesson opened only after the static server served its page to the learner', async () => {
    await start();
    const who = await signIn();
    const open = () => app.inject({ method: 'POST', url: '/api/training/lessons/open', headers: { cookie: who.cookie, 'x-csrf-token': who.csrf }, payload: { course: 'basics', lesson: 'basics/01-intro' } });
    expect((await open()).statusCode).toBe(409);
    const page = await app.inject({ method: 'GET', url: '/courses/basics/intro', headers: { cookie: who.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('درس نخست');
    const opened = await open();
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ course: 'basics', lessonsOpened: ['basics/01-intro'], completed: false });
  });
});
