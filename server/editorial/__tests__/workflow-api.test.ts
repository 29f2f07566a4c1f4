/**
 * `/api/editorial/*` with the real accounts routes, the real Keystatic handler over a
 * temporary git copy of the content, and the store on SQLite and PostgreSQL: a save records
 * an edit, the transitions follow the rules, the trail is append-only, and every role that may
 * not use a route is refused.
 */
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { editorialRoutes } from '../../../src/api/editorial';
import { ROLES } from '../../../src/api/roles';
import { keystaticConfigAt } from '../../../keystatic.config';
import { testDatabases } from '../../db/__tests__/test-databases';
import type { UserRow } from '../../db/schema';
import { registerAccountRoutes } from '../../accounts/routes';
import { EDITORIAL_TEAM, expectApiError, gitIn as git, seedGitRepository, signedInHeaders, usersWithPassword } from '../../__tests__/api-fixture';
import { registerKeystaticApi } from '../keystatic-api';
import { recordSave, registerEditorialRoutes } from '../routes';
import { createEditorialStore } from '../store';
import { textHash } from '../text-hash';
import { formatJalaliIso, gregorianToJalali } from '../../../src/domain/jalali';

const SITE = path.resolve(__dirname, '../../..');
const PASSWORD = 'editorial-password-1';
const dialects = testDatabases();

describe.each(dialects)('/api/editorial on $name', (t) => {
  let root: string;
  let app: FastifyInstance;
  let users: UserRow[];
  let reg: string;
  let counter = 0;

  beforeAll(async () => {
    const { zahra, leila, reza, maryam, ali, naser, sara } = EDITORIAL_TEAM;
    users = await usersWithPassword([zahra, leila, reza, maryam, ali, naser, sara], PASSWORD);
  });

  beforeEach(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'ayin-content-'));
    for (const dir of ['docs', 'content', 'versioned_docs', 'versions.json']) cpSync(path.join(SITE, dir), path.join(root, dir), { recursive: true });
    seedGitRepository(root, ['.']);
    // The trail is append-only and outlives a test: each test works on a new file of its own.
    reg = `docs/connection-sales/cs-${900 + counter++}-${randomUUID().slice(0, 8)}.mdx`;

    await t.reset();
    await t.db.insertInto('users').values(users).execute();
    app = Fastify({ logger: false });
    const guards = await registerAccountRoutes(app, { db: t.db, secureCookies: false });
    const store = createEditorialStore(t.db);
    await registerKeystaticApi(app, { contentRoot: root, config: keystaticConfigAt(root), authOf: guards.authOf, onSaved: (session, files) => recordSave(store, session, files, Date.now()) });
    await registerEditorialRoutes(app, { store, authOf: guards.authOf, contentRoot: root });
    await app.ready();
  });
  afterEach(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  const as = (username: string): Promise<Record<string, string>> => signedInHeaders(app, username, PASSWORD);
  async function editAs(headers: Record<string, string>, text: string) {
    await app.inject({ method: 'GET', url: '/api/keystatic/tree', headers: { ...headers, 'no-cors': '1' } });
    const res = await app.inject({
      method: 'POST',
      url: '/api/keystatic/update',
      headers: { cookie: headers.cookie!, 'no-cors': '1', 'content-type': 'application/json' },
      payload: JSON.stringify({ additions: [{ path: reg, contents: Buffer.from(text).toString('base64url') }], deletions: [] }),
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  const act = (headers: Record<string, string>, body: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/editorial/transition', headers, payload: { path: reg, ...body } });
  const changeOf = async (headers: Record<string, string>) => ((await app.inject({ method: 'GET', url: '/api/editorial/changes', headers })).json().changes as { path: string; state: string; textHash: string; allowed: string[]; heldBy: string | null }[]).find((c) => c.path === reg)!;

  it('takes a saved change from draft through review to approval of the exact text; the author cannot approve', async () => {
    const zahra = await as('zahra.editor');
    const leila = await as('leila.approver');
    const reza = await as('reza.approver');
    const text = readFileSync(path.join(root, 'docs/connection-sales/cs-002.mdx'), 'utf8').replace(/^title: (.*)$/m, 'title: $1 (اصلاحیه)');
    await editAs(zahra, text);
    const draft = await changeOf(zahra);
    expect(draft).toMatchObject({ state: 'draft', textHash: textHash(text), heldBy: 'authors' });
    expect(draft.allowed).toEqual(['edit', 'submit']);

    expect((await act(zahra, { action: 'submit' })).json().change.state).toBe('in-review');
    // leila edits it during review: back to draft, and she is now an author.
    const amended = text.replace('(اصلاحیه)', '(اصلاحیه دوم)');
    await editAs(leila, amended);
    expect((await changeOf(leila)).state).toBe('draft');
    expect((await act(leila, { action: 'submit' })).statusCode).toBe(200);
    expectApiError(await act(leila, { action: 'approve', textHash: textHash(amended) }), 403, 'self_approval');
    expectApiError(await act(reza, { action: 'approve', textHash: textHash(text) }), 409, 'text_changed');
    expectApiError(await act(zahra, { action: 'approve', textHash: textHash(amended) }), 403, 'forbidden');
    expectApiError(await act(reza, { action: 'send-back', reason: ' ' }), 400, 'reason_required');
    const approved = await act(reza, { action: 'approve', textHash: textHash(amended) });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().change).toMatchObject({ state: 'approved', approvedBy: users.find((u) => u.username === 'reza.approver')!.id, heldBy: null });

    const history = await app.inject({ method: 'GET', url: `/api/editorial/history?path=${encodeURIComponent(reg)}`, headers: reza });
    expect(history.json().transitions.map((x: { action: string; to: string }) => `${x.action}→${x.to}`)).toEqual(['edit→draft', 'submit→in-review', 'edit→draft', 'submit→in-review', 'approve→approved']);
    expect(git(root, 'log', '--format=%an', '-2').split('\n')).toEqual(['لیلا محمدی', 'زهرا رضایی']);

    // The trail cannot be rewritten, even by a bug in a route.
    await expect(t.db.updateTable('editorial_transitions').set({ reason: 'x' }).where('path', '=', reg).execute()).rejects.toThrow(/append-only/);
    await expect(t.db.deleteFrom('editorial_transitions').where('path', '=', reg).execute()).rejects.toThrow(/append-only/);
  });

  it('shows the word redline against the latest edition and each item\'s git log beside its transitions', async () => {
    const zahra = await as('zahra.editor');
    const cs002 = 'docs/connection-sales/cs-002.mdx';
    const file = path.join(root, cs002);
    const clause = 'ثبت درخواست به صورت برخط یا در دفاتر پیشخوان و دریافت کد رهگیری.';
    writeFileSync(file, readFileSync(file, 'utf8').replace(clause, clause.replace('برخط', 'برخط (وب‌گاه یا برنامه همراه)')));
    const res = await app.inject({ method: 'GET', url: `/api/editorial/redline?path=${encodeURIComponent(cs002)}`, headers: zahra });
    expect(res.statusCode, res.body).toBe(200);
    const { edition, articles } = res.json() as { edition: string; articles: { anchor: string; change: string; segments: { kind: string; text: string }[] }[] };
    expect(edition).toBe(JSON.parse(readFileSync(path.join(root, 'versions.json'), 'utf8'))[0]);
    const changed = articles.filter((a) => a.change !== 'unchanged');
    expect(changed.map((a) => `${a.anchor}:${a.change}`)).toEqual(['ماده-۲:amended']);
    const inserted = changed[0]!.segments.filter((x) => x.kind === 'inserted').map((x) => x.text).join(' ');
    expect(inserted).toContain('(وب‌گاه');
    expect(inserted).toContain('همراه)');
    // The new text is what is not deleted, in order.
    expect(changed[0]!.segments.filter((x) => x.kind !== 'deleted').map((x) => x.text).join('')).toContain(clause.replace('برخط', 'برخط (وب‌گاه یا برنامه همراه)'));
    expect(changed[0]!.segments.some((x) => x.kind === 'deleted')).toBe(false);
    // Outside docs/ (or outside what editors may write) there is no redline to read.
    expectApiError(await app.inject({ method: 'GET', url: `/api/editorial/redline?path=${encodeURIComponent('server/config.ts')}`, headers: zahra }), 404, 'change_not_found');
    expectApiError(await app.inject({ method: 'GET', url: `/api/editorial/redline?path=${encodeURIComponent('docs/../server/config.ts')}`, headers: zahra }), 404, 'change_not_found');

    await editAs(zahra, readFileSync(file, 'utf8').replace(cs002, reg));
    const history = (await app.inject({ method: 'GET', url: `/api/editorial/history?path=${encodeURIComponent(reg)}`, headers: zahra })).json() as { commits: { author: string; sha: string; subject: string }[] };
    expect(history.commits).toHaveLength(1);
    expect(history.commits[0]).toMatchObject({ author: 'زهرا رضایی', sha: git(root, 'rev-parse', 'HEAD') });
    expect(history.commits[0]!.subject).toContain(reg);
  });

  it('lists regulations due and overdue for review from their front matter, soonest first', async () => {
    const zahra = await as('zahra.editor');
    const inTenDays = formatJalaliIso(gregorianToJalali(new Date(Date.now() + 10 * 86_400_000)));
    const setTerms = (rel: string, line: string) => {
      const file = path.join(root, rel);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^(inForceFrom: .*)$/m, `$1\n${line}`));
    };
    setTerms('docs/connection-sales/cs-002.mdx', 'nextReview: 1400/01/01');
    setTerms('docs/connection-sales/cs-003.mdx', `nextReview: ${inTenDays}`);
    setTerms('docs/connection-sales/cs-001.mdx', 'reviewEvery: 120');
    const res = await app.inject({ method: 'GET', url: '/api/editorial/reviews', headers: zahra });
    expect(res.statusCode, res.body).toBe(200);
    const reviews = (res.json() as { reviews: { code: string; due: string; status: string; daysLeft: number }[] }).reviews;
    const ours = reviews.filter((r) => ['CS-001', 'CS-002', 'CS-003'].includes(r.code));
    expect(ours.map((r) => `${r.code} ${r.status} ${r.due}`)).toEqual(['CS-002 overdue 1400/01/01', `CS-003 due ${inTenDays}`]);
    expect(ours[1]!.daysLeft).toBe(10);
  });

  it('refuses every role that may not use each route, and visitors', async () => {
    const routes = Object.values(editorialRoutes);
    for (const route of routes) {
      const url = route.method === 'GET' && route.query ? `${route.path}?path=${encodeURIComponent(reg)}` : route.path;
      expectApiError(await app.inject({ method: route.method, url, payload: route.method === 'POST' ? { path: reg, action: 'submit' } : undefined }), 401, 'not_signed_in');
      for (const role of ROLES.filter((r) => r !== 'editor' && r !== 'approver')) {
        const headers = await as(users.find((u) => u.role === role)!.username);
        expectApiError(await app.inject({ method: route.method, url, headers, payload: route.method === 'POST' ? { path: reg, action: 'submit' } : undefined }), 403, 'forbidden');
      }
    }
    const zahra = await as('zahra.editor');
    expectApiError(await app.inject({ method: 'POST', url: '/api/editorial/transition', headers: { cookie: zahra.cookie! }, payload: { path: reg, action: 'submit' } }), 403, 'csrf_failed');
    expectApiError(await act(zahra, { action: 'submit' }), 404, 'change_not_found');
    expectApiError(await act(zahra, { action: 'publish' }), 400, 'invalid_body');
  });
});
