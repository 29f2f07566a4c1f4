/**
 * `/api/keystatic/*` through fastify's inject with the real accounts routes, the real
 * Keystatic handler, and a temporary git copy of the content: who may reach it, which paths a
 * save may touch, what the tree hides, the stale-save refusal, and one git commit per save
 * with the editor as author.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ROLES } from '../../../src/api/roles';
import { keystaticConfigAt } from '../../../keystatic.config';
import { testDatabases } from '../../db/__tests__/test-databases';
import type { UserRow } from '../../db/schema';
import { registerAccountRoutes } from '../../accounts/routes';
import { EDITORIAL_TEAM, expectApiError, gitIn as git, seedGitRepository, signedInHeaders, usersWithPassword } from '../../__tests__/api-fixture';
import { blobSha } from '../git';
import { registerKeystaticApi } from '../keystatic-api';

const SITE = path.resolve(__dirname, '../../..');
const PASSWORD = 'editorial-password-1';
const REG = 'docs/connection-sales/cs-002.mdx';

const dialects = testDatabases().filter((d) => d.name === 'sqlite');

describe.each(dialects)('/api/keystatic on $name', (t) => {
  let root: string;
  let app: FastifyInstance;
  let users: UserRow[];

  beforeAll(async () => {
    const { zahra, hamid, leila, maryam, ali, naser, sara } = EDITORIAL_TEAM;
    users = await usersWithPassword([zahra, hamid, leila, maryam, ali, naser, sara], PASSWORD);
  });

  beforeEach(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'ayin-content-'));
    for (const dir of ['docs', 'courses', 'announcements', 'content']) cpSync(path.join(SITE, dir), path.join(root, dir), { recursive: true });
    // What must never reach an editor, with no .gitignore to hide it.
    for (const dir of ['build', '.docusaurus', 'data', 'server']) {
      mkdirSync(path.join(root, dir), { recursive: true });
      writeFileSync(path.join(root, dir, 'secret.yml'), 'secret: true\n');
    }
    seedGitRepository(root, ['docs', 'courses', 'announcements', 'content']);

    await t.reset();
    await t.db.insertInto('users').values(users).execute();
    app = Fastify({ logger: false });
    const guards = await registerAccountRoutes(app, { db: t.db, secureCookies: false });
    await registerKeystaticApi(app, { contentRoot: root, config: keystaticConfigAt(root), authOf: guards.authOf });
    await app.ready();
  });
  afterEach(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  // Keystatic's own requests carry no CSRF token (its `no-cors` header stands in for it): the cookie alone.
  const as = async (username: string): Promise<Record<string, string>> => ({ cookie: (await signedInHeaders(app, username, PASSWORD)).cookie });
  const keystatic = { 'no-cors': '1' };
  const tree = (headers: Record<string, string>) => app.inject({ method: 'GET', url: '/api/keystatic/tree', headers: { ...headers, ...keystatic } });
  const save = (headers: Record<string, string>, additions: { path: string; text: string }[], deletions: string[] = []) =>
    app.inject({
      method: 'POST',
      url: '/api/keystatic/update',
      headers: { ...headers, ...keystatic, 'content-type': 'application/json' },
      payload: JSON.stringify({ additions: additions.map((a) => ({ path: a.path, contents: Buffer.from(a.text).toString('base64url') })), deletions: deletions.map((p) => ({ path: p })) }),
    });
  const amended = () => readFileSync(path.join(root, REG), 'utf8').replace('دستورالعمل فروش انشعاب', 'دستورالعمل اصلاح‌شده فروش انشعاب');

  it('refuses visitors (401) and every role but editors and approvers (403), on every route', async () => {
    for (const route of [{ method: 'GET' as const, url: '/api/keystatic/tree' }, { method: 'GET' as const, url: `/api/keystatic/blob/abc/${REG}` }, { method: 'POST' as const, url: '/api/keystatic/update' }]) {
      expectApiError(await app.inject({ ...route, headers: keystatic }), 401, 'not_signed_in');
      for (const role of ROLES) {
        const user = users.find((u) => u.role === role)!;
        const res = await app.inject({ ...route, headers: { ...(await as(user.username)), ...keystatic, 'content-type': 'application/json' }, payload: route.method === 'POST' ? '{"additions":[],"deletions":[]}' : undefined });
        if (role === 'editor' || role === 'approver') expect([200, 400, 404], `${role} ${route.url}: ${res.body}`).toContain(res.statusCode);
        else expectApiError(res, 403, 'forbidden');
      }
    }
    expect(git(root, 'rev-list', '--count', 'HEAD')).toBe('1');
  });

  it('keeps build/, .docusaurus/, data/, server/ out of the tree, and their blobs unreadable', async () => {
    const editor = await as('zahra.editor');
    const res = await tree(editor);
    expect(res.statusCode, res.body).toBe(200);
    const entries = res.json() as { path: string; type: string; sha: string }[];
    const firsts = new Set(entries.map((e) => e.path.split('/')[0]));
    for (const hidden of ['build', '.docusaurus', 'data', 'server', 'node_modules']) expect(firsts.has(hidden)).toBe(false);
    const reg = entries.find((e) => e.path === REG)!;
    expect(reg.sha).toBe(blobSha(readFileSync(path.join(root, REG))));
    const blob = await app.inject({ method: 'GET', url: `/api/keystatic/blob/${reg.sha}/${REG}`, headers: { ...editor, ...keystatic } });
    expect(blob.statusCode).toBe(200);
    expect(blob.body).toBe(readFileSync(path.join(root, REG), 'utf8'));
    const secretSha = blobSha(Buffer.from('secret: true\n'));
    expect((await app.inject({ method: 'GET', url: `/api/keystatic/blob/${secretSha}/data/secret.yml`, headers: { ...editor, ...keystatic } })).statusCode).toBe(404);
  });

  it('checks every path of a save before writing any, and writes nothing when one is refused', async () => {
    const editor = await as('zahra.editor');
    await tree(editor);
    const before = readFileSync(path.join(root, REG), 'utf8');
    for (const bad of ['build/index.html', '.docusaurus/x.yml', 'data/ayin.yml', 'server/config.ts', 'content/editions.yml', 'content/taxonomy/areas.yml', 'docs/../server/x.mdx', '/etc/passwd', 'docs\\x.mdx', 'docs/connection-sales/run.sh']) {
      const res = await save(editor, [{ path: REG, text: amended() }, { path: bad, text: 'x' }]);
      expectApiError(res, 403, 'path_not_allowed');
    }
    expect(readFileSync(path.join(root, REG), 'utf8')).toBe(before);
    expect(git(root, 'status', '--porcelain', '--', 'docs', 'content')).toBe('');
    expect(git(root, 'rev-list', '--count', 'HEAD')).toBe('1');
  });

  it('commits an accepted save with the editor as author', async () => {
    const editor = await as('zahra.editor');
    await tree(editor);
    const res = await save(editor, [{ path: REG, text: amended() }]);
    expect(res.statusCode, res.body).toBe(200);
    expect(readFileSync(path.join(root, REG), 'utf8')).toContain('دستورالعمل اصلاح‌شده فروش انشعاب');
    expect(git(root, 'rev-list', '--count', 'HEAD')).toBe('2');
    expect(git(root, 'log', '-1', '--format=%an <%ae>')).toBe('زهرا رضایی <zahra.editor@ayin.invalid>');
    expect(git(root, 'show', '--name-only', '--format=', 'HEAD')).toBe(REG);
    expect(res.headers['x-ayin-commit']).toBe(git(root, 'rev-parse', 'HEAD'));
    expect(git(root, 'status', '--porcelain', '--', 'docs', 'courses', 'announcements', 'content')).toBe('');
    // The answer is the new tree, with the file's new blob id.
    const entries = res.json() as { path: string; sha: string }[];
    expect(entries.find((e) => e.path === REG)!.sha).toBe(blobSha(readFileSync(path.join(root, REG))));
  });

  it("refuses a second editor's save based on the older text with a Persian 409, and writes nothing", async () => {
    const first = await as('zahra.editor');
    const second = await as('hamid.editor');
    await tree(first);
    await tree(second);
    expect((await save(first, [{ path: REG, text: amended() }])).statusCode).toBe(200);
    const afterFirst = readFileSync(path.join(root, REG), 'utf8');
    const stale = await save(second, [{ path: REG, text: afterFirst.replace('اصلاح‌شده', 'بازنویسی‌شده') }]);
    expectApiError(stale, 409, 'stale_edit');
    expect(stale.json().message).toContain(REG);
    expect(readFileSync(path.join(root, REG), 'utf8')).toBe(afterFirst);
    expect(git(root, 'rev-list', '--count', 'HEAD')).toBe('2');
    // After reloading, the second editor's save goes through on top of the first.
    await tree(second);
    const again = await save(second, [{ path: REG, text: afterFirst.replace('اصلاح‌شده', 'بازنویسی‌شده') }]);
    expect(again.statusCode, again.body).toBe(200);
    expect(git(root, 'log', '--format=%an', '-2').split('\n')).toEqual(['حمید نوری', 'زهرا رضایی']);
  });

  it('refuses a save by a session that never read the tree, and a new file that appeared meanwhile', async () => {
    const editor = await as('zahra.editor');
    expectApiError(await save(editor, [{ path: REG, text: amended() }]), 409, 'stale_edit');
    await tree(editor);
    const fresh = 'docs/connection-sales/cs-099.mdx';
    writeFileSync(path.join(root, fresh), '---\ntitle: x\n---\n');
    expectApiError(await save(editor, [{ path: fresh, text: '---\ntitle: y\n---\n' }]), 409, 'stale_edit');
    expect(readFileSync(path.join(root, fresh), 'utf8')).toBe('---\ntitle: x\n---\n');
  });

  it('commits a deletion and an addition of a new entry', async () => {
    const editor = await as('leila.approver');
    await tree(editor);
    const added = 'announcements/1405-10-01-test.mdx';
    const res = await save(editor, [{ path: added, text: '---\ntitle: آزمون\n---\n\nمتن\n' }], ['docs/connection-sales/cs-012.mdx']);
    expect(res.statusCode, res.body).toBe(200);
    expect(git(root, 'show', '--name-status', '--format=', 'HEAD').split('\n').sort()).toEqual([`A\t${added}`, 'D\tdocs/connection-sales/cs-012.mdx']);
    expect(git(root, 'log', '-1', '--format=%an')).toBe('لیلا محمدی');
  });

  it('refuses a save without Keystatic\'s no-cors header or with another content type', async () => {
    const editor = await as('zahra.editor');
    await tree(editor);
    const body = JSON.stringify({ additions: [{ path: REG, contents: Buffer.from(amended()).toString('base64url') }], deletions: [] });
    expectApiError(await app.inject({ method: 'POST', url: '/api/keystatic/update', headers: { ...editor, 'content-type': 'application/json' }, payload: body }), 400, 'bad_request');
    expect(git(root, 'rev-list', '--count', 'HEAD')).toBe('1');
  });
});
