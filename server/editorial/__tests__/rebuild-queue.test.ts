/**
 * A publication from the approvers' form starts the rebuild queue: through fastify's inject
 * with the real accounts, the real publishing library on a git copy of the `editions` fixture
 * site, the real build tracker, and a real child process per audience. The child is a small
 * script (fixtures/fake-audience-build.mjs) standing in for `scripts/rebuild-audience.ts`, so
 * the test runs in seconds: it builds from the content root into staging and renames into
 * place like the real one; the real Docusaurus rebuild is driven by tests/e2e/publish.spec.ts.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixturesDir, makeFixtureSite, type FixtureSite } from '../../../tests/support/fixture-site';
import { testDatabases } from '../../db/__tests__/test-databases';
import type { UserRow } from '../../db/schema';
import { registerAccountRoutes } from '../../accounts/routes';
import { EDITORIAL_TEAM, PERSIAN, seedGitRepository, signedInHeaders, usersWithPassword } from '../../__tests__/api-fixture';
import { createSiteBuildTracker, type SiteBuildTracker } from '../../site-builds';
import type { BuildAudience } from '../../../src/policy/audience';
import { registerPublishRoutes } from '../publish-routes';
import { createEditorialStore } from '../store';
import { createRebuildQueue, type RebuildQueue } from '../rebuild-queue';
import { childProcessBuild } from '../rebuild-child';

const PASSWORD = 'rebuild-password-1';
const NEW = { name: '1405-10', effective: '1405/10/01', notificationNumber: '۱۴۰۵/ت/۹', notificationDate: '1405/09/05', summary: 'اصلاح ماده ۲ دستورالعمل فروش انشعاب و افزوده شدن بخشنامه ES-004.' };
const ORDER: BuildAudience[] = ['editor', 'staff', 'contractor', 'public'];
const FAKE_BUILD = path.join(__dirname, 'fixtures/fake-audience-build.mjs');

describe.each(testDatabases().filter((d) => d.name === 'sqlite'))('rebuild after a publication on $name', (t) => {
  let site: FixtureSite;
  let outDir: string;
  let app: FastifyInstance;
  let tracker: SiteBuildTracker;
  let queue: RebuildQueue;
  let swapped: BuildAudience[];
  let reindexed: number;
  let users: UserRow[];

  beforeAll(async () => {
    users = await usersWithPassword([EDITORIAL_TEAM.leila, EDITORIAL_TEAM.zahra, EDITORIAL_TEAM.maryam], PASSWORD);
  });

  async function start(env: NodeJS.ProcessEnv = {}) {
    site = makeFixtureSite('editions');
    for (const name of ['versioned_docs', 'versioned_sidebars', 'versions.json']) cpSync(path.join(fixturesDir, 'editions', name), path.join(site.dir, name), { recursive: true });
    seedGitRepository(site.dir, ['docs', 'courses', 'announcements', 'content', 'versioned_docs', 'versioned_sidebars', 'versions.json']);
    outDir = mkdtempSync(path.join(tmpdir(), 'ayin-rebuild-out-'));
    // The builds served before the publication.
    for (const audience of ORDER) {
      mkdirSync(path.join(outDir, audience));
      writeFileSync(path.join(outDir, audience, 'index.html'), `<p>${audience} 1404-09</p>`);
    }
    await t.reset();
    await t.db.insertInto('users').values(users).execute();
    tracker = createSiteBuildTracker();
    swapped = [];
    reindexed = 0;
    tracker.onSwapped((audience) => void swapped.push(audience));
    queue = createRebuildQueue({
      audiences: ORDER,
      tracker,
      buildAudience: childProcessBuild({ file: process.execPath, args: (audience) => [FAKE_BUILD, audience, outDir], cwd: site.dir, env }),
      reindex: async () => {
        reindexed++;
      },
    });
    app = Fastify({ logger: false });
    const guards = await registerAccountRoutes(app, { db: t.db, secureCookies: false });
    await registerPublishRoutes(app, { contentRoot: site.dir, store: createEditorialStore(t.db), authOf: guards.authOf, rebuilds: queue, onPublished: (edition) => queue.request(edition) });
    await app.ready();
  }

  afterEach(async () => {
    await queue.idle();
    await app.close();
    site.remove();
    rmSync(outDir, { recursive: true, force: true });
  });

  const as = (username: string): Promise<Record<string, string>> => signedInHeaders(app, username, PASSWORD);
  const served = (audience: BuildAudience) => readFileSync(path.join(outDir, audience, 'index.html'), 'utf8');
  const status = async (headers: Record<string, string>) => {
    const res = await app.inject({ method: 'GET', url: '/api/editorial/publish/status', headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { edition: string | null; configured: boolean; audiences: { audience: string; state: string; message?: string }[]; search: { state: string } };
  };

  it('rebuilds every audience, the editors first, swaps each through the tracker and re-indexes once; readers keep the old build until then', async () => {
    const gate = path.join(tmpdir(), `ayin-rebuild-gate-${process.pid}-${Date.now()}`);
    await start({ GATE_FILE: gate });
    const leila = await as('leila.approver');
    expect(await status(leila)).toMatchObject({ edition: null, audiences: [], configured: true });

    const res = await app.inject({ method: 'POST', url: '/api/editorial/publish', headers: leila, payload: NEW });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rebuild: 'started' });

    // The editors' build is being made (held at the gate); nobody's build has moved yet.
    await expect.poll(async () => (await status(leila)).audiences.map((a) => a.state), { timeout: 10_000 }).toEqual(['building', 'queued', 'queued', 'queued']);
    expect(tracker.stateOf('editor')).toBe('building');
    for (const audience of ORDER) expect(served(audience)).toBe(`<p>${audience} 1404-09</p>`);
    expect(swapped).toEqual([]);

    writeFileSync(gate, 'go');
    await queue.idle();
    rmSync(gate, { force: true });
    expect(swapped).toEqual(ORDER);
    for (const audience of ORDER) expect(served(audience)).toBe(`<p>${audience} 1405-10</p>`);
    for (const audience of ORDER) expect(tracker.stateOf(audience)).toBe('ready');
    expect(reindexed).toBe(1);
    const done = await status(await as('zahra.editor'));
    expect(done).toMatchObject({ edition: '1405-10', search: { state: 'done' } });
    expect(done.audiences.map((a) => [a.audience, a.state])).toEqual(ORDER.map((a) => [a, 'served']));
  });

  it('a failed build is reported in Persian and its readers keep the previous build; the others are still rebuilt', async () => {
    await start({ FAIL_AUDIENCE: 'staff' });
    const leila = await as('leila.approver');
    expect((await app.inject({ method: 'POST', url: '/api/editorial/publish', headers: leila, payload: NEW })).statusCode).toBe(200);
    await queue.idle();
    const after = await status(leila);
    const staff = after.audiences.find((a) => a.audience === 'staff')!;
    expect(staff.state).toBe('failed');
    expect(staff.message).toMatch(PERSIAN);
    expect(staff.message).toContain('docs/energy-sales/es-001.mdx:12');
    expect(served('staff')).toBe('<p>staff 1404-09</p>');
    expect(tracker.stateOf('staff')).toBe('failed');
    expect(swapped).toEqual(['editor', 'contractor', 'public']);
    expect(served('public')).toBe('<p>public 1405-10</p>');
    expect(reindexed).toBe(1);
  });

  it('a request during a build queues that audience again, so the newer content is built', async () => {
    const gate = path.join(tmpdir(), `ayin-rebuild-gate2-${process.pid}-${Date.now()}`);
    await start({ GATE_FILE: gate });
    queue.request('1405-10');
    await expect.poll(() => queue.status().audiences[0]?.state, { timeout: 10_000 }).toBe('building');
    queue.request('1405-11');
    expect(queue.status().audiences.map((a) => a.state)).toEqual(['queued', 'queued', 'queued', 'queued']);
    writeFileSync(gate, 'go');
    await queue.idle();
    rmSync(gate, { force: true });
    expect(swapped).toEqual(['editor', 'editor', 'staff', 'contractor', 'public']);
    expect(queue.status()).toMatchObject({ edition: '1405-11', search: { state: 'done' } });
  });

  it('stopping the server stops the build under way: its child process ends, nothing more is built, the old builds stay served', async () => {
    const gate = path.join(tmpdir(), `ayin-rebuild-gate3-${process.pid}-${Date.now()}`); // never written
    await start({ GATE_FILE: gate });
    queue.request('1405-10');
    await expect.poll(() => queue.status().audiences[0]?.state, { timeout: 10_000 }).toBe('building');
    const children = () => execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n').filter((line) => line.includes(FAKE_BUILD) && line.includes(outDir));
    expect(children()).toHaveLength(1);
    await app.close(); // the queue is not the app's here: close it the way buildServer's onClose does
    await queue.close();
    expect(children()).toEqual([]);
    expect(queue.status().audiences.map((a) => a.state)).toEqual(['failed', 'queued', 'queued', 'queued']);
    expect(queue.status().audiences[0]!.message).toMatch(PERSIAN);
    for (const audience of ORDER) expect(served(audience)).toBe(`<p>${audience} 1404-09</p>`);
    expect(swapped).toEqual([]);
    expect(reindexed).toBe(0);
    queue.request('1405-11'); // after close nothing starts
    await queue.idle();
    expect(children()).toEqual([]);
    app = Fastify({ logger: false }); // afterEach closes an app
  });

  it('only editors and approvers read the rebuild status', async () => {
    await start();
    expect((await app.inject({ method: 'GET', url: '/api/editorial/publish/status' })).statusCode).toBe(401);
    const res = await app.inject({ method: 'GET', url: '/api/editorial/publish/status', headers: await as('maryam.staff') });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toMatch(PERSIAN);
  });
});
