/**
 * Audience is enforced by the server: a contractor or a visitor who has not signed in can get
 * no text meant for others — not a page, a JS chunk, a feed, a search index or a JSON file.
 *
 * Through the real server and the real per-audience builds (`npm run build` first), this signs
 * in as each reader, asks for every file that exists in ANY build (what a curious reader could
 * guess, including the staff build's chunk names), and looks in every answer for sentences that
 * only texts outside the reader's audience contain. The same sentences must be found in the
 * staff build: otherwise the check would be looking for strings the builds never contain.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../server/app';
import { DEMO_PASSWORD, ensureDemoUsers } from '../../server/accounts/demo-users';
import { readConfig } from '../../server/config';
import { openDatabase, type DatabaseHandle } from '../../server/db';
import { BUILD_AUDIENCES, inBuild, type BuildAudience } from '../../src/content/build-audience';
import { loadCorpus } from '../../src/content/corpus';
import { secretSentences, unescapeJs } from './secret-text';

const root = path.resolve(__dirname, '../..');
const buildDir = path.join(root, 'build');

function filesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return filesUnder(full, base);
    return /\.(br|gz)$/.test(name) ? [] : [path.relative(base, full).split(path.sep).join('/')];
  });
}

describe('per-audience builds served by role', () => {
  let app: FastifyInstance;
  let database: DatabaseHandle;
  let dataDir: string;
  const corpus = loadCorpus(root);

  beforeAll(async () => {
    const missing = BUILD_AUDIENCES.filter((a) => !existsSync(path.join(buildDir, a, 'index.html')));
    if (missing.length) throw new Error(`No built site for ${missing.join(', ')} in build/: run "npm run build" before these tests.`);
    dataDir = mkdtempSync(path.join(tmpdir(), 'ayin-leaks-'));
    database = await openDatabase({ sqlitePath: path.join(dataDir, 'ayin.sqlite') });
    await ensureDemoUsers(database.db);
    const config = readConfig({ AYIN_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, root);
    app = await buildServer({ ...config, meili: undefined, logLevel: 'silent' }, { database });
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function cookieOf(username: string | undefined): Promise<string | undefined> {
    if (!username) return undefined;
    const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password: DEMO_PASSWORD } });
    expect(response.statusCode, response.body).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'ayin_session');
    return `ayin_session=${cookie!.value}`;
  }

  // Each build's readable text, read once for both readers.
  const buildTexts = new Map<BuildAudience, string>();
  const textOfBuild = (build: BuildAudience): string => {
    if (!buildTexts.has(build)) {
      const dir = path.join(buildDir, build);
      const text = filesUnder(dir)
        .filter((f) => /\.(html|js|json|xml)$/.test(f))
        .map((f) => unescapeJs(readFileSync(path.join(dir, f), 'utf8')))
        .join('\n');
      buildTexts.set(build, text);
    }
    return buildTexts.get(build)!;
  };

  // Every path any build has: a reader may ask for the others' files by name.
  const everyPath = () => [...new Set(BUILD_AUDIENCES.flatMap((a) => filesUnder(path.join(buildDir, a))))].map((f) => `/${f}`);

  const readers: readonly { build: Exclude<BuildAudience, 'staff' | 'editor'>; username?: string }[] = [
    { build: 'public' },
    { build: 'contractor', username: 'demo.contractor' },
  ];

  for (const reader of readers) {
    it(`hands ${reader.username ?? 'a visitor who has not signed in'} no text outside the ${reader.build} audience`, async () => {
      const secrets = secretSentences(corpus, (audiences) => inBuild(reader.build, audiences));
      expect(secrets.length).toBeGreaterThan(50);

      // The control: every secret sentence is in some build that may hold it, as the builds
      // write it; otherwise the check would be looking for strings no build contains.
      const notInAnyBuild = secrets.filter((s) => !s.builds.some((b) => textOfBuild(b).includes(s.text))).map((s) => `«${s.text}» (${s.source})`);
      expect(notInAnyBuild.slice(0, 20)).toEqual([]);

      const cookie = await cookieOf(reader.username);
      const leaks: string[] = [];
      let served = 0;
      for (const url of everyPath()) {
        const response = await app.inject({ method: 'GET', url: encodeURI(url), headers: cookie ? { cookie } : {} });
        if (response.statusCode !== 200) continue;
        served++;
        const body = unescapeJs(response.body);
        for (const secret of secrets) if (body.includes(secret.text)) leaks.push(`${url}: «${secret.text}» (${secret.source})`);
      }
      // The server's other doors: the search index files and the search configuration.
      for (const url of ['/search-index/staff.json', '/search-index/contractor.json', '/search-index/public.json', '/api/search/config']) {
        const response = await app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
        const body = unescapeJs(response.body);
        for (const secret of secrets) if (body.includes(secret.text)) leaks.push(`${url}: «${secret.text}» (${secret.source})`);
      }
      expect(served).toBeGreaterThan(100);
      expect(leaks.slice(0, 20)).toEqual([]);
    });
  }

  it('serves each role its own build of the same URL, and never caches one for another', async () => {
    const staffOnly = [...corpus.editions.at(-1)!.regulations.values()].find((r) => r.frontMatter.audience.every((a) => a === 'staff'))!;
    const url = staffOnly.permalink;
    const asStaff = await app.inject({ url, headers: { cookie: (await cookieOf('demo.staff'))! } });
    expect(asStaff.statusCode).toBe(200);
    expect(asStaff.body).toContain(staffOnly.frontMatter.title);
    expect(asStaff.headers.vary).toMatch(/cookie/i);
    const asContractor = await app.inject({ url, headers: { cookie: (await cookieOf('demo.contractor'))! } });
    expect(asContractor.statusCode).toBe(404);
    expect(asContractor.body).not.toContain(staffOnly.frontMatter.title);
    const asVisitor = await app.inject({ url });
    expect(asVisitor.statusCode).toBe(404);
  });

  it('keeps drafts of the next edition to editors and approvers', async () => {
    const draft = [...corpus.regulations.values()].find((r) => r.frontMatter.status === 'draft')!;
    expect(draft.permalink).toMatch(/^\/regulations\/next\//);
    for (const username of ['demo.staff', 'demo.supervisor', 'demo.contractor', undefined]) {
      const response = await app.inject({ url: draft.permalink, headers: username ? { cookie: (await cookieOf(username))! } : {} });
      expect(response.statusCode, username).toBe(404);
    }
    for (const username of ['demo.editor', 'demo.approver']) {
      const response = await app.inject({ url: draft.permalink, headers: { cookie: (await cookieOf(username))! } });
      expect(response.statusCode, username).toBe(200);
      expect(response.body).toContain(draft.frontMatter.title);
    }
  });
});
