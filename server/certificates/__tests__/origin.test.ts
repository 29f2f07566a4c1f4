/**
 * The origin on certificates comes from configuration, never from the request: the whole
 * server (real SQLite, listening on a real port) is asked for a certificate PDF with a forged
 * `Host` and `X-Forwarded-Host`, and the address handed to the PDF renderer is checked.
 * (The real Chromium renderer and the QR code read back from the PDF are in
 * `server/training/__tests__/training.test.ts`.)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../app';
import { emptyManifestSource } from '../../manifest';
import { readConfig } from '../../config';
import { userRowFor } from '../../accounts/users';
import { testDatabases } from '../../db/__tests__/test-databases';
import { as, COURSE, LESSON_PAGES, LESSONS, RIGHT, signIn, testCatalog } from '../../training/__tests__/fixture';
import type { CertificatePdfRenderer } from '../pdf';
import { configuredOrigin, originWarning } from '../origin';

describe('configuredOrigin', () => {
  it('is PUBLIC_URL when set, without a trailing slash', () => {
    expect(configuredOrigin({ publicUrl: 'https://ayin.example/', host: '127.0.0.1', port: 3000 })()).toBe('https://ayin.example');
  });

  it('is the listening address otherwise, with the real port once listening', () => {
    expect(configuredOrigin({ host: '10.1.2.3', port: 3000 })()).toBe('http://10.1.2.3:3000');
    expect(configuredOrigin({ host: '127.0.0.1', port: 0, listening: () => ({ address: '127.0.0.1', family: 'IPv4', port: 43210 }) })()).toBe('http://127.0.0.1:43210');
    expect(configuredOrigin({ host: 'fd00::5', port: 3000 })()).toBe('http://[fd00::5]:3000');
    expect(configuredOrigin({ host: '0.0.0.0', port: 3000 })()).toBe('http://localhost:3000');
  });

  it('warns when certificates would carry an address other machines cannot open', () => {
    expect(originWarning({ host: '0.0.0.0' })).toMatch(/PUBLIC_URL is not set/);
    expect(originWarning({ host: '127.0.0.1' })).toMatch(/PUBLIC_URL/);
    expect(originWarning({ host: '10.1.2.3' })).toBeUndefined();
    expect(originWarning({ host: '0.0.0.0', publicUrl: 'https://ayin.example' })).toBeUndefined();
  });
});

const [sqlite] = testDatabases();
const PORT = 3341;

describe('certificate PDF origin through the whole server', () => {
  let app: FastifyInstance;
  let site: string;
  const printed: string[] = [];
  const pdf: CertificatePdfRenderer = {
    async render(_certificate, verifyUrl) {
      printed.push(verifyUrl);
      return Buffer.from('%PDF-1.7\n');
    },
    async close() {},
  };

  beforeAll(async () => {
    site = mkdtempSync(path.join(tmpdir(), 'ayin-origin-'));
    for (const build of ['public', 'contractor', 'staff', 'editor']) {
      mkdirSync(path.join(site, build), { recursive: true });
      writeFileSync(path.join(site, build, 'index.html'), '<!doctype html><title>آیین</title>');
      // The lesson pages, so the server's proof of study (it served the page) holds.
      for (const lesson of LESSON_PAGES) {
        mkdirSync(path.join(site, build, lesson.permalink), { recursive: true });
        writeFileSync(path.join(site, build, lesson.permalink, 'index.html'), '<!doctype html><title>درس</title>');
      }
    }
    await sqlite!.reset();
    const user = await userRowFor({ username: 'reza.karimi', password: 'reza-password-1', displayName: 'رضا کریمی', role: 'contractor', company: 'شرکت نمونه نور' }, Date.now());
    await sqlite!.db.insertInto('users').values(user).execute();
    const config = { ...readConfig({ PORT: String(PORT) }, site), siteDir: site, logLevel: 'silent' };
    expect(config.publicUrl).toBeUndefined();
    app = await buildServer(config, { database: sqlite!.handle, manifest: emptyManifestSource(), training: { catalog: testCatalog(), pdf, studyRule: { wordsPerMinute: Number.POSITIVE_INFINITY, floorMs: 0 } } });
    await app.listen({ host: config.host, port: PORT });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(site, { recursive: true, force: true });
  });

  it('prints the address the server listens on, whatever Host the request claims', async () => {
    const reza = await signIn(app, 'reza.karimi', 'reza-password-1');
    for (const lesson of LESSONS) {
      expect((await as(app, reza).page(lesson)).statusCode).toBe(200);
      expect((await as(app, reza).post('/api/training/lessons/open', { course: COURSE, lesson })).statusCode).toBe(200);
    }
    const attempt = (await as(app, reza).post(`/api/training/courses/${COURSE}/attempts`)).json() as { id: string; questions: { id: string }[] };
    for (const q of attempt.questions) await as(app, reza).put(`/api/training/attempts/${attempt.id}/answers/${q.id}`, { answer: RIGHT[q.id] });
    expect((await as(app, reza).post(`/api/training/attempts/${attempt.id}/submit`)).statusCode).toBe(200);
    const code = ((await as(app, reza).get('/api/training/me')).json() as { certificates: { code: string }[] }).certificates[0]!.code;

    // Over a real socket, with a forged Host and forwarded headers.
    const res = await fetch(`http://127.0.0.1:${PORT}/api/certificates/${code}/pdf`, { headers: { cookie: reza.cookie, 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' } });
    expect(res.status).toBe(200);
    const forged = await app.inject({ url: `/api/certificates/${code}/pdf`, headers: { cookie: reza.cookie, host: 'evil.example' } });
    expect(forged.statusCode).toBe(200);
    expect(printed).toEqual([`http://127.0.0.1:${PORT}/verify/${code}`, `http://127.0.0.1:${PORT}/verify/${code}`]);
  });
});
