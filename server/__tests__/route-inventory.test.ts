/**
 * Every route the whole server registers (SQLite, accounts, training, seminars, admin, search,
 * health, static site), read as it is registered: each `/api` route declares who may call it,
 * each state-changing one is protected from cross-site requests (the session's token, or an
 * exemption that says why: the list of exemptions is reviewed here), nothing outside `/api`
 * changes state, and asked without the token by a signed-in user, every protected route refuses.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access, CsrfRule } from '../api/access';
import { STATE_CHANGING } from '../api/access';
import { buildServer } from '../app';
import { readConfig } from '../config';
import { userRowFor } from '../accounts/users';
import { testDatabases } from '../db/__tests__/test-databases';
import { emptyManifestSource } from '../manifest';
import { signIn } from '../training/__tests__/fixture';

const [sqlite] = testDatabases();

interface Registered {
  readonly method: string;
  readonly url: string;
  readonly access?: Access;
  readonly csrf?: CsrfRule;
}

/** The routes that may change state without the session's token, each with its reason in the code. */
// Keystatic's save cannot carry the token; its no-cors header and JSON body force a preflight (server/editorial/keystatic-api.ts).
const REVIEWED_EXEMPTIONS = ['POST /api/auth/sign-in', 'POST /api/keystatic/*', 'POST /api/search/query', 'POST /api/search/zero-results'];

describe('route inventory of the whole server', () => {
  let app: FastifyInstance;
  let site: string;
  const routes: Registered[] = [];

  beforeAll(async () => {
    site = mkdtempSync(path.join(tmpdir(), 'ayin-routes-'));
    for (const build of ['public', 'contractor', 'staff', 'editor']) {
      mkdirSync(path.join(site, build), { recursive: true });
      writeFileSync(path.join(site, build, 'index.html'), '<!doctype html><title>آیین</title>');
    }
    await sqlite!.reset();
    await sqlite!.db
      .insertInto('users')
      .values(await userRowFor({ username: 'ali.admin', password: 'admin-password-1', displayName: 'علی مدیری', role: 'admin', company: null }, Date.now()))
      .execute();
    const onRoute = (route: RouteOptions) => {
      const config = (route.config ?? {}) as { access?: Access; csrf?: CsrfRule };
      for (const method of [route.method].flat()) routes.push({ method: String(method), url: route.url, access: config.access, csrf: config.csrf });
    };
    // The project itself as the content root, so the editors' routes are listed too (nothing is written).
    app = await buildServer({ ...readConfig({}, site), siteDir: site, contentRoot: path.resolve(__dirname, '../..'), logLevel: 'silent' }, { database: sqlite!.handle, manifest: emptyManifestSource(), onRoute });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    rmSync(site, { recursive: true, force: true });
  });

  const api = () => routes.filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD');
  const changing = () => api().filter((r) => STATE_CHANGING.has(r.method));

  it('registers the API of every area', () => {
    const areas = new Set(api().map((r) => r.url.split('/')[2]));
    for (const area of ['auth', 'admin', 'training', 'certificates', 'verify', 'reports', 'seminars', 'search', 'health', 'keystatic', 'editorial', 'inbox', 'reacknowledgments', 'feedback', 'surveys', 'survey-results']) expect(areas, area).toContain(area);
    expect(changing().length).toBeGreaterThanOrEqual(12);
  });

  it('gives every /api route an access rule', () => {
    expect(api().filter((r) => !r.access).map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it('protects every state-changing /api route: the session token, or a reviewed exemption with its reason', () => {
    expect(changing().filter((r) => !r.csrf).map((r) => `${r.method} ${r.url}`)).toEqual([]);
    const exempt = changing().filter((r) => r.csrf !== 'session-token');
    expect(exempt.map((r) => `${r.method} ${r.url}`).sort()).toEqual([...REVIEWED_EXEMPTIONS].sort());
    for (const r of exempt) expect((r.csrf as { exempt: string }).exempt.length, `${r.method} ${r.url}`).toBeGreaterThan(30);
  });

  it('changes state only under /api', () => {
    expect(routes.filter((r) => STATE_CHANGING.has(r.method) && !r.url.startsWith('/api/')).map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it('refuses each protected route to a signed-in admin who does not send the token', async () => {
    const admin = await signIn(app, 'ali.admin', 'admin-password-1');
    const protectedRoutes = changing().filter((r) => r.csrf === 'session-token');
    for (const r of protectedRoutes) {
      const url = r.url.replace(/:([A-Za-z]+)/g, 'x1');
      const res = await app.inject({ method: r.method as 'POST', url, headers: { cookie: admin.cookie, 'content-type': 'application/json' }, payload: '{}' });
      const error = (res.json() as { error: string }).error;
      // Refused before the handler: for the CSRF token, or because an admin may not use it at all.
      expect([403], `${r.method} ${r.url}: ${res.body}`).toContain(res.statusCode);
      expect(['csrf_failed', 'forbidden'], `${r.method} ${r.url}`).toContain(error);
    }
  });
});
