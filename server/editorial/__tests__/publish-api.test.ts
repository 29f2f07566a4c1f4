/**
 * Publishing from the approvers' form, through fastify's inject with the real accounts, the
 * real Keystatic handler, the real publishing library and a git copy of the `editions`
 * fixture site: the dry-run plan, the workflow's refusal of an unapproved change (nothing
 * written, nothing committed), Persian refusals of bad dates, and a publication committed with
 * the approver as author. SQLite only: the store is tested on PostgreSQL in workflow-api.test.ts.
 */
import { cpSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { keystaticConfigAt } from '../../../keystatic.config';
import { fixturesDir, makeFixtureSite, type FixtureSite } from '../../../tests/support/fixture-site';
import { testDatabases } from '../../db/__tests__/test-databases';
import type { UserRow } from '../../db/schema';
import { registerAccountRoutes } from '../../accounts/routes';
import { EDITORIAL_TEAM, gitIn as git, PERSIAN, seedGitRepository, signedInHeaders, usersWithPassword } from '../../__tests__/api-fixture';
import { registerKeystaticApi } from '../keystatic-api';
import { recordSave, registerEditorialRoutes } from '../routes';
import { registerPublishRoutes } from '../publish-routes';
import { createEditorialStore } from '../store';
import { textHash } from '../text-hash';

const PASSWORD = 'publish-password-1';
const NEW = { name: '1405-10', effective: '1405/10/01', notificationNumber: '۱۴۰۵/ت/۹', notificationDate: '1405/09/05', summary: 'اصلاح ماده ۲ دستورالعمل فروش انشعاب و افزوده شدن بخشنامه ES-004.' };
const ES001 = 'docs/energy-sales/es-001.mdx';
const CONTENT = ['docs', 'courses', 'announcements', 'content', 'versioned_docs', 'versioned_sidebars', 'versions.json'];

describe.each(testDatabases().filter((d) => d.name === 'sqlite'))('/api/editorial/publish on $name', (t) => {
  let site: FixtureSite;
  let app: FastifyInstance;
  let users: UserRow[];
  const published: string[] = [];

  beforeAll(async () => {
    users = await usersWithPassword([EDITORIAL_TEAM.zahra, EDITORIAL_TEAM.leila, EDITORIAL_TEAM.maryam], PASSWORD);
  });

  beforeEach(async () => {
    site = makeFixtureSite('editions');
    for (const name of ['versioned_docs', 'versioned_sidebars', 'versions.json']) cpSync(path.join(fixturesDir, 'editions', name), path.join(site.dir, name), { recursive: true });
    seedGitRepository(site.dir, CONTENT);
    await t.reset();
    await t.db.insertInto('users').values(users).execute();
    app = Fastify({ logger: false });
    const guards = await registerAccountRoutes(app, { db: t.db, secureCookies: false });
    // Each test's paths are fixed (the fixture's), and the trail outlives a reset: a store per test is not possible,
    // so the refusal test relies on its own fresh draft and the success test approves it.
    const store = createEditorialStore(t.db);
    await registerKeystaticApi(app, { contentRoot: site.dir, config: keystaticConfigAt(site.dir), authOf: guards.authOf, onSaved: (s, files) => recordSave(store, s, files, Date.now()) });
    await registerEditorialRoutes(app, { store, authOf: guards.authOf, contentRoot: site.dir });
    await registerPublishRoutes(app, { contentRoot: site.dir, store, authOf: guards.authOf, onPublished: (name) => published.push(name) });
    await app.ready();
  });
  afterEach(async () => {
    await app.close();
    site.remove();
  });

  const as = (username: string): Promise<Record<string, string>> => signedInHeaders(app, username, PASSWORD);
  async function save(headers: Record<string, string>, rel: string, text: string) {
    await app.inject({ method: 'GET', url: '/api/keystatic/tree', headers: { ...headers, 'no-cors': '1' } });
    const res = await app.inject({
      method: 'POST',
      url: '/api/keystatic/update',
      headers: { cookie: headers.cookie!, 'no-cors': '1', 'content-type': 'application/json' },
      payload: JSON.stringify({ additions: [{ path: rel, contents: Buffer.from(text).toString('base64url') }], deletions: [] }),
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  const plan = (headers: Record<string, string>, body: object = NEW) => app.inject({ method: 'POST', url: '/api/editorial/publish/plan', headers, payload: body });
  const publish = (headers: Record<string, string>, body: object = NEW) => app.inject({ method: 'POST', url: '/api/editorial/publish', headers, payload: body });

  it('shows the plan, refuses while a change is unapproved (nothing written), and publishes once it is approved', async () => {
    const zahra = await as('zahra.editor');
    const leila = await as('leila.approver');

    const clean = await plan(leila);
    expect(clean.statusCode, clean.body).toBe(200);
    expect(clean.json()).toMatchObject({ plan: { name: '1405-10', effective: '1405/10/01', previous: '1404-09', added: ['ES-004'], amended: ['CS-001'] }, problems: [] });

    const text = readFileSync(path.join(site.dir, ES001), 'utf8').replace(/\n\n([^\n#][^\n]*)/, '\n\n$1 (متن اصلاحی)');
    await save(zahra, ES001, text);
    const head = git(site.dir, 'rev-parse', 'HEAD');
    const held = (await plan(leila)).json() as { problems: { where?: string; message: string }[] };
    expect(held.problems).toEqual([expect.objectContaining({ where: ES001, message: expect.stringContaining('«پیش‌نویس»') })]);
    const refused = await publish(leila);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json()).toMatchObject({ error: 'publish_refused', message: expect.stringMatching(PERSIAN) });
    expect(refused.json().message).toContain(ES001);
    expect(git(site.dir, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(site.dir, 'status', '--porcelain', '--', ...CONTENT)).toBe('');
    expect(existsSync(path.join(site.dir, 'versioned_docs/version-1405-10'))).toBe(false);
    expect(published).toEqual([]);

    const submit = await app.inject({ method: 'POST', url: '/api/editorial/transition', headers: zahra, payload: { path: ES001, action: 'submit' } });
    expect(submit.statusCode, submit.body).toBe(200);
    const approve = await app.inject({ method: 'POST', url: '/api/editorial/transition', headers: leila, payload: { path: ES001, action: 'approve', textHash: textHash(text) } });
    expect(approve.statusCode, approve.body).toBe(200);

    const ok = await publish(leila);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ plan: { name: '1405-10', added: ['ES-004'] }, rebuild: 'started' });
    expect(ok.json().plan.amended).toEqual(expect.arrayContaining(['CS-001', 'ES-001']));
    expect(published).toEqual(['1405-10']);
    expect(git(site.dir, 'rev-parse', 'HEAD')).toBe(ok.json().commit);
    expect(git(site.dir, 'log', '-1', '--format=%an')).toBe('لیلا محمدی');
    expect(git(site.dir, 'status', '--porcelain', '--', ...CONTENT)).toBe('');
    expect(JSON.parse(readFileSync(path.join(site.dir, 'versions.json'), 'utf8'))[0]).toBe('1405-10');
    expect(existsSync(path.join(site.dir, 'announcements/1405-09-05-edition-1405-10.mdx'))).toBe(true);
    // The same edition again: the library's refusal, in Persian.
    const again = (await plan(leila)).json() as { problems: { message: string; detail: string }[] };
    expect(again.problems.length).toBeGreaterThan(0);
    for (const p of again.problems) expect(p.message).toMatch(PERSIAN);
  });

  it('refuses bad dates next to their fields, in Persian; only approvers may plan or publish', async () => {
    const leila = await as('leila.approver');
    const bad = (await plan(leila, { ...NEW, name: undefined, effective: '1405/13/01' })).json() as { plan: unknown; problems: { field?: string; message: string }[] };
    expect(bad.plan).toBeNull();
    // (The first test's approved ES-001 is published; the trail outlives the reset, so only the form's fields are compared.)
    expect(bad.problems.filter((p) => p.field)).toEqual([expect.objectContaining({ field: 'effective', message: 'تاریخ اجرا: تاریخ شمسی معتبری نیست؛ آن را مانند ۱۴۰۵/۱۰/۰۱ بنویسید.' })]);
    const early = (await plan(leila, { ...NEW, notificationDate: '1405/11/01' })).json() as { problems: { field?: string; message: string }[] };
    expect(early.problems.filter((p) => p.field)).toEqual([expect.objectContaining({ field: 'notificationDate', message: expect.stringContaining('نباید پس از تاریخ اجرا باشد') })]);

    for (const route of ['/api/editorial/publish/plan', '/api/editorial/publish']) {
      expect((await app.inject({ method: 'POST', url: route, payload: NEW })).statusCode).toBe(401);
      for (const who of ['zahra.editor', 'maryam.staff']) {
        const res = await app.inject({ method: 'POST', url: route, headers: await as(who), payload: NEW });
        expect(res.statusCode).toBe(403);
        expect(res.json().message).toMatch(PERSIAN);
      }
    }
    expect(git(site.dir, 'log', '--format=%s')).toBe('seed');
  });
});
