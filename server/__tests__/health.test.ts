/**
 * `/api/health`: a visitor (and a signed-in non-admin) learns the status only; an admin gets
 * the details. The report and the search engine's check are cached for a few seconds.
 * Real SQLite and the whole server; the engine check is counted through a wrapper.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../app';
import { emptyManifestSource } from '../manifest';
import { readConfig } from '../config';
import { registerHealth } from '../health';
import { userRowFor } from '../accounts/users';
import { testDatabases } from '../db/__tests__/test-databases';
import { withCachedEngine } from '../search/engine-cache';
import type { SearchService } from '../search/service';
import { signIn } from '../training/__tests__/fixture';

const [sqlite] = testDatabases();

describe('/api/health', () => {
  let app: FastifyInstance;
  let site: string;
  beforeAll(async () => {
    site = mkdtempSync(path.join(tmpdir(), 'ayin-health-'));
    for (const build of ['public', 'contractor', 'staff', 'editor']) {
      mkdirSync(path.join(site, build), { recursive: true });
      writeFileSync(path.join(site, build, 'index.html'), '<!doctype html><title>آیین</title>');
    }
    writeFileSync(path.join(site, '.ayin-build.json'), JSON.stringify({ builtAt: '2025-12-01T08:00:00.000Z' }));
    await sqlite!.reset();
    const at = Date.now();
    await sqlite!.db
      .insertInto('users')
      .values([
        await userRowFor({ username: 'ali.admin', password: 'admin-password-1', displayName: 'علی مدیری', role: 'admin', company: null }, at),
        await userRowFor({ username: 'maryam.staff', password: 'staff-password-1', displayName: 'مریم احمدی', role: 'staff', company: null }, at),
      ])
      .execute();
    app = await buildServer({ ...readConfig({}, site), siteDir: site, logLevel: 'silent' }, { database: sqlite!.handle, manifest: emptyManifestSource() });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(site, { recursive: true, force: true });
  });

  it('tells a visitor and a non-admin the status only: no version, engine or database path', async () => {
    const visitor = await app.inject({ url: '/api/health' });
    expect(visitor.json()).toEqual({ status: 'ok' });
    expect(visitor.headers['cache-control']).toBe('no-store');
    expect(visitor.headers.vary).toMatch(/cookie/i);
    const staff = await signIn(app, 'maryam.staff', 'staff-password-1');
    const asStaff = await app.inject({ url: '/api/health', headers: { cookie: staff.cookie } });
    expect(asStaff.json()).toEqual({ status: 'ok' });
    expect(asStaff.body).not.toContain(sqlite!.handle.location);
  });

  it('gives an admin the details', async () => {
    const admin = await signIn(app, 'ali.admin', 'admin-password-1');
    const res = await app.inject({ url: '/api/health', headers: { cookie: admin.cookie } });
    expect(res.json()).toMatchObject({
      status: 'ok',
      version: expect.any(String),
      site: { built: true, builtAt: '2025-12-01T08:00:00.000Z' },
      search: { engine: 'lunr', configured: 'lunr', audience: 'public' },
      database: { engine: 'sqlite', location: sqlite!.handle.location },
    });
  });
});

describe('withCachedEngine', () => {
  it('asks the engine once per TTL, sharing one question between concurrent callers', async () => {
    let asked = 0;
    let engine: 'meilisearch' | 'lunr' = 'meilisearch';
    const service: SearchService = {
      audience: 'public',
      engine: async () => {
        asked++;
        return engine;
      },
      token: async () => undefined,
    };
    let clock = 0;
    const cached = withCachedEngine(service, { ttlMs: 3000, now: () => clock });
    expect(await Promise.all(Array.from({ length: 100 }, () => cached.engine()))).toEqual(Array(100).fill('meilisearch'));
    expect(asked).toBe(1);
    engine = 'lunr';
    clock = 2999;
    expect(await cached.engine()).toBe('meilisearch');
    clock = 3000;
    expect(await cached.engine()).toBe('lunr');
    expect(asked).toBe(2);
  });

  it('caches the health report too: 200 probes, one engine check', async () => {
    let asked = 0;
    const counting: SearchService = { audience: 'public', engine: async () => (asked++, 'lunr'), token: async () => undefined };
    const probe = Fastify({ logger: false });
    registerHealth(probe, { siteDir: '/nonexistent', search: counting, isAdmin: async () => false, ttlMs: 60_000 });
    await probe.ready();
    for (let i = 0; i < 200; i++) expect((await probe.inject({ url: '/api/health' })).json()).toEqual({ status: 'degraded' });
    expect(asked).toBe(1);
    await probe.close();
  });
});
