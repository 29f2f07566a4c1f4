/**
 * Search against a real Meilisearch (the bundled binary, on a temporary folder): atomic
 * re-indexing and its failures, audience isolation through tenant tokens, and the server's
 * search routes, including Meilisearch going down.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Meilisearch } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../server/app';
import { readConfig } from '../../server/config';
import { startLocalMeili, type LocalMeili } from '../../server/search/local-meili';
import { meiliClient } from '../../server/search/meili-client';
import { reindex, ReindexError } from '../../server/search/reindex';
import { ensureSearchKey, tenantTokenFor } from '../../server/search/tokens';
import { loadCorpus } from '../../src/content/corpus';
import { buildRecords } from '../../src/content/records';
import { canSee } from '../../src/search/audience';
import { UNVERSIONED } from '../../src/search/editions';
import { meiliFilter } from '../../src/search/filters';
import { MEILI_SEARCH_DEFAULTS } from '../../src/search/meili-settings';
import { prepareIndex } from '../../src/search/prepare';
import { meiliSynonyms } from '../../src/search/synonyms';
import { searchableText } from '../../src/search/tokenize';
import { repoRoot } from '../support/fixture-site';

const corpus = loadCorpus(repoRoot);
const prepared = prepareIndex(buildRecords(corpus), corpus.glossary);
const synonyms = meiliSynonyms(prepared.synonyms);
const staffOnly = prepared.records.filter((r) => !canSee('contractor', r.audience));
/** What contractors may read, spelled out here rather than taken from the code under test. */
const contractorMayRead = (audience: readonly string[]) => audience.includes('contractor') || audience.includes('public');

let dataDir: string;
let meili: LocalMeili;
let client: Meilisearch;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'ayin-meili-test-'));
  meili = await startLocalMeili({ dataDir: path.join(dataDir, 'meili') });
  client = meiliClient({ host: meili.host, apiKey: meili.masterKey });
  await reindex({ client, records: prepared.records, synonyms });
});

afterAll(async () => {
  await meili?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const search = (q: string, options: Record<string, unknown> = {}) =>
  client.index('ayin').search(searchableText(q), { ...MEILI_SEARCH_DEFAULTS, ...options });

describe('re-indexing', () => {
  it('swaps the new records in and removes the staging index', async () => {
    const stats = await client.index('ayin').getStats();
    expect(stats.numberOfDocuments).toBe(prepared.records.length);
    const { results } = await client.getIndexes({ limit: 100 });
    expect(results.map((i) => i.uid).filter((uid) => uid.startsWith('ayin_next_'))).toEqual([]);
  });

  it('finds clauses however the query is typed', async () => {
    const first = async (q: string) => (await search(q, { limit: 5, filter: meiliFilter({ edition: ['1404-09'] }) })).hits.map((h) => h.id);
    expect(await first('مشتركين بدهكار قطع برق')).toContain('ES-007-top--1404-09'); // Arabic letters
    expect((await first('آیین نامه اطلاع رسانی ابلاغ')).some((id) => String(id).startsWith('AT-001'))).toBe(true);
    expect((await first('CS-003')).some((id) => String(id).startsWith('CS-003'))).toBe(true);
  });

  const failures: [string, () => Parameters<typeof reindex>[0], string][] = [
    ['create-index', () => ({ client, records: prepared.records, synonyms, indexUid: 'bad uid!' }), 'create-index'],
    ['apply-settings', () => ({ client, records: prepared.records, synonyms: { کنتور: 'not a list' } as never }), 'apply-settings'],
    ['add-documents', () => ({ client, records: [{ ...prepared.records[0]!, id: 'not a valid id!' }], synonyms }), 'add-documents'],
    ['check-count', () => ({ client, records: [prepared.records[0]!, prepared.records[0]!], synonyms }), 'check-count'],
    [
      'swap',
      () => ({
        client,
        records: prepared.records.slice(0, 3),
        synonyms,
        // The staging index disappears just before the swap, as if deleted by someone else.
        beforeStep: async (step, staging) => {
          if (step === 'swap') await client.deleteIndex(staging).waitTask();
        },
      }),
      'swap',
    ],
  ];

  it.each(failures)('a failure at %s leaves the live index serving and says which step', async (_, options, step) => {
    const error = await reindex(options()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReindexError);
    expect((error as ReindexError).step).toBe(step);
    expect((error as Error).message).toContain(`step "${step}"`);
    expect((error as Error).message).toContain('The live index was not changed');
    expect((await client.index('ayin').getStats()).numberOfDocuments).toBe(prepared.records.length);
    expect((await search('شکایت صورتحساب')).hits.length).toBeGreaterThan(0);
    const { results } = await client.getIndexes({ limit: 100 });
    expect(results.map((i) => i.uid).filter((uid) => uid.startsWith('ayin_next_'))).toEqual([]);
  });
});

describe('editions', () => {
  const inEdition = (edition: string, q: string, limit = 50) =>
    search(q, { limit, filter: meiliFilter({ edition: [edition] }), attributesToRetrieve: ['id', 'kind', 'edition', 'url', 'code'] });

  it('indexes every published edition, each clause once per edition at its edition\'s URL', () => {
    const copies = prepared.records.filter((r) => r.code === 'SV-001' && r.anchor === 'ماده-۵');
    expect(copies.map((r) => [r.id, r.edition, r.url])).toEqual([
      ['SV-001-a5--1403-07', '1403-07', '/regulations/1403-07/supervision/sv-001'],
      ['SV-001-a5--1404-09', '1404-09', '/regulations/1404-09/supervision/sv-001'],
      ['SV-001-a5--1406-01', '1406-01', '/regulations/1406-01/supervision/sv-001'],
    ]);
  });

  it('an edition filter keeps regulations to that edition and lets lessons, announcements and the glossary through', async () => {
    const res = await inEdition('1404-09', 'مهلت وصل مجدد برق');
    const regulations = res.hits.filter((h) => h.kind === 'regulation');
    expect(regulations.length).toBeGreaterThan(3);
    expect(new Set(regulations.map((h) => h.edition))).toEqual(new Set(['1404-09']));
    expect(regulations.every((h) => String(h.url).startsWith('/regulations/1404-09/'))).toBe(true);
    const others = res.hits.filter((h) => h.kind !== 'regulation');
    expect(others.length).toBeGreaterThan(0);
    expect(new Set(others.map((h) => h.edition))).toEqual(new Set([UNVERSIONED]));
  });

  it('finds a repealed text only in the edition that still had it, and an added one only from its edition', async () => {
    const codes = async (edition: string, q: string) => (await inEdition(edition, q)).hits.map((h) => h.code).filter(Boolean);
    expect(await codes('1403-07', 'CS-013')).toContain('CS-013');
    expect(await codes('1404-09', 'CS-013')).not.toContain('CS-013');
    expect(await codes('1406-01', 'ES-013')).toContain('ES-013');
    expect(await codes('1404-09', 'ES-013')).not.toContain('ES-013');
  });

  it('finds the amended wording in its own edition: SV-001 reconnection 24 hours (1403-07) → 12 hours (1404-09)', async () => {
    const top = async (edition: string) => (await inEdition(edition, 'SV-001 ماده ۵ تبصره ۱', 5)).hits.map((h) => h.id);
    expect(await top('1403-07')).toContain('SV-001-a5-n1--1403-07');
    expect(await top('1404-09')).toContain('SV-001-a5-n1--1404-09');
    const texts = prepared.records.filter((r) => r.id.startsWith('SV-001-a5-n1--')).map((r) => [r.edition, r.content]);
    expect(texts.find(([e]) => e === '1403-07')![1]).toMatch(/۲۴ ساعت/);
    expect(texts.find(([e]) => e === '1404-09')![1]).toMatch(/۱۲ ساعت/);
  });

  it('without an edition filter, every edition answers', async () => {
    const res = await search('SV-001 ماده ۵', { limit: 30, attributesToRetrieve: ['edition'] });
    expect(new Set(res.hits.map((h) => h.edition))).toEqual(new Set(['1403-07', '1404-09', '1406-01']));
  });
});

describe('audience isolation with tenant tokens', () => {
  let contractor: Meilisearch;
  // Hits stop at maxTotalHits (1,000); the facet counts of a single-valued field do not.
  const matchedCount = async (as: Meilisearch, filter?: string) => {
    const res = await as.index('ayin').search('', { limit: 0, facets: ['kind'], ...(filter ? { filter } : {}) });
    return Object.values(res.facetDistribution?.kind ?? {}).reduce((a, b) => a + b, 0);
  };

  beforeAll(async () => {
    const key = await ensureSearchKey(client);
    const { token } = await tenantTokenFor(key, 'contractor');
    contractor = meiliClient({ host: meili.host, apiKey: token });
  });

  it('the corpus has staff-only records to hide', () => {
    expect(staffOnly.length).toBeGreaterThan(50);
  });

  it('no query finds a staff-only record with the contractor token', async () => {
    const leaked: string[] = [];
    for (const record of staffOnly.filter((r) => r.anchor === '' || r.position % 5 === 0)) {
      for (const q of [record.title, record.content.slice(0, 80), record.code ?? '']) {
        if (!searchableText(q)) continue;
        const res = await contractor.index('ayin').search(searchableText(q), { limit: 50, attributesToRetrieve: ['id', 'audience'] });
        leaked.push(...res.hits.filter((h) => !canSee('contractor', h.audience as string[])).map((h) => String(h.id)));
      }
    }
    expect(leaked).toEqual([]);
  });

  it('finds with the contractor token every record a contractor may read, and only those', async () => {
    const visible = prepared.records.filter((r) => contractorMayRead(r.audience));
    expect(visible.length).toBeGreaterThan(50);
    expect(await matchedCount(contractor)).toBe(visible.length);
    // A text the contractor may read is found by its title (a broken token finds nothing).
    const title = visible.find((r) => r.anchor === '' && r.kind === 'regulation') ?? visible.find((r) => r.anchor === '')!;
    const byTitle = await contractor.index('ayin').search(searchableText(title.title), { limit: 50, attributesToRetrieve: ['id'] });
    expect(byTitle.hits.map((h) => h.id)).toContain(title.id);
  });

  // Each filter is valid and answers: the token's rule is added to it, never replaced by it.
  it.each([
    ['audience = staff', (a: readonly string[]) => a.includes('staff')],
    ['audience IN [staff]', (a: readonly string[]) => a.includes('staff')],
    ['NOT audience IN [contractor, public]', (a: readonly string[]) => !a.includes('contractor') && !a.includes('public')],
    ['audience = staff OR audience = contractor', (a: readonly string[]) => a.includes('staff') || a.includes('contractor')],
  ] as const)('the filter «%s» cannot widen what the contractor sees', async (filter, matches) => {
    const res = await contractor.index('ayin').search('', { filter, limit: 1000, attributesToRetrieve: ['id', 'audience'] });
    expect(res.hits.filter((h) => !canSee('contractor', h.audience as string[]))).toEqual([]);
    // Exactly what the filter and the token's rule together allow.
    expect(await matchedCount(contractor, filter)).toBe(prepared.records.filter((r) => matches(r.audience) && contractorMayRead(r.audience)).length);
  });

  it('refuses a filter that tries to close the token\'s rule and open its own, as a bad filter', async () => {
    await expect(
      contractor.index('ayin').search('', { filter: 'area = "energy-sales") OR (audience = staff', limit: 1000 }),
    ).rejects.toMatchObject({ cause: { code: 'invalid_search_filter' } });
  });

  it('the token cannot write or read other indexes', async () => {
    await expect(contractor.index('ayin').addDocuments([{ id: 'x' }])).rejects.toThrow();
    await expect(contractor.getKeys()).rejects.toThrow();
  });
});

describe('server search routes with Meilisearch', () => {
  let app: FastifyInstance;
  let contractorApp: FastifyInstance;
  // A site folder with just the three offline indexes: what the gate serves is the point here.
  const siteDir = mkdtempSync(path.join(tmpdir(), 'ayin-site-'));

  beforeAll(async () => {
    // One build per audience, each holding its readers' offline index (editors read as staff).
    for (const [build, audience] of [['staff', 'staff'], ['contractor', 'contractor'], ['public', 'public'], ['editor', 'staff']] as const) {
      mkdirSync(path.join(siteDir, build, 'search-index'), { recursive: true });
      writeFileSync(path.join(siteDir, build, 'search-index', `${audience}.json`), JSON.stringify({ audience }));
    }
    const base = { ...readConfig({}, repoRoot), siteDir, logLevel: 'silent', dataDir, meili: { host: meili.host, apiKey: meili.masterKey } };
    app = await buildServer({ ...base, audience: 'staff' });
    contractorApp = await buildServer({ ...base, audience: 'contractor' });
  });
  afterAll(async () => {
    await app?.close();
    await contractorApp?.close();
    rmSync(siteDir, { recursive: true, force: true });
  });

  it('tells the browser the engine and its offline index, never a key or the Meilisearch address', async () => {
    const res = await app.inject({ url: '/api/search/config' });
    expect(res.json()).toEqual({ engine: 'meilisearch', audience: 'staff', lunr: { url: '/search-index/staff.json' } });
    expect(res.body).not.toContain(meili.masterKey);
    expect(res.body).not.toContain(meili.host);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('has no proxy to Meilisearch any more: the browser asks the ranked search', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/search/meili/indexes/ayin/search', headers: { authorization: 'Bearer x' }, payload: { q: 'قبض' } });
    expect(res.statusCode).toBe(404);
  });

  const rankedQuery = (server: FastifyInstance, payload: Record<string, unknown>) => server.inject({ method: 'POST', url: '/api/search/query', payload });

  it('ranks on the server under the session\'s audience, whatever the body says', async () => {
    const staffOnlyTitle = staffOnly.find((r) => r.anchor === '')!;
    const asStaff = await rankedQuery(app, { query: staffOnlyTitle.title, limit: 50 });
    expect(asStaff.statusCode, asStaff.body).toBe(200);
    expect(asStaff.headers['cache-control']).toBe('no-store');
    expect(asStaff.json().hits.map((h: { id: string }) => h.id)).toContain(staffOnlyTitle.id);
    // A long question takes the fused path (Meilisearch's two orders and the in-memory BM25F index).
    const question = `آیا در مورد ${staffOnlyTitle.title} چه باید کرد وقتی مشترک اعتراض دارد`;
    for (const query of [staffOnlyTitle.title, question]) {
      const asContractor = await rankedQuery(contractorApp, { query, limit: 50, audience: 'staff', filters: { audience: ['staff'] } });
      expect(asContractor.statusCode, asContractor.body).toBe(200);
      expect(asContractor.json().audience).toBe('contractor');
      expect(asContractor.json().hits.filter((h: { audience: string[] }) => !canSee('contractor', h.audience))).toEqual([]);
    }
    expect((await rankedQuery(app, { query: question, limit: 50 })).json().hits.length).toBeGreaterThan(0);
    const forContractors = prepared.records.find((r) => r.anchor === '' && r.audience.includes('contractor') && !r.audience.includes('public'))!;
    const found = await rankedQuery(contractorApp, { query: forContractors.title, limit: 50 });
    expect(found.json().hits.map((h: { id: string }) => h.id)).toContain(forContractors.id);
  });

  it('answers a bad ranked query with a Persian message naming the field', async () => {
    const res = await rankedQuery(app, { query: 'ا'.repeat(201) });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('عبارت جست‌وجو');
    const badLimit = await rankedQuery(app, { query: 'قبض', limit: 5000 });
    expect(badLimit.statusCode).toBe(400);
    expect(badLimit.body).toContain('تعداد نتیجه');
  });

  it('refuses an oversized ranked query body', async () => {
    const huge = await rankedQuery(app, { query: 'ا'.repeat(20_000) });
    expect(huge.statusCode).toBe(413);
  });

  it('serves each audience only its own offline index', async () => {
    expect((await contractorApp.inject({ url: '/search-index/staff.json' })).statusCode).toBe(403);
    const own = await contractorApp.inject({ url: '/search-index/contractor.json' });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toEqual({ audience: 'contractor' });
    expect((await app.inject({ url: '/search-index/staff.json' })).json()).toEqual({ audience: 'staff' });
    expect((await contractorApp.inject({ url: '/search-index/%2e%2e/search-index/staff.json' })).statusCode).toBe(403);
  });

  it('records zero-result queries without personal data', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/search/zero-results', payload: { query: 'واژه‌ای  ناموجود', filters: { area: ['energy-sales'] } } });
    expect(res.statusCode).toBe(204);
    // Written off the request, through an append stream: wait for the line.
    await expect.poll(() => existsSync(path.join(dataDir, 'zero-results.jsonl')) && readFileSync(path.join(dataDir, 'zero-results.jsonl'), 'utf8').includes('ناموجود')).toBe(true);
    const lines = readFileSync(path.join(dataDir, 'zero-results.jsonl'), 'utf8').trim().split('\n');
    const entry = JSON.parse(lines[lines.length - 1]!);
    expect(Object.keys(entry).sort()).toEqual(['at', 'filters', 'query']);
    expect(entry.query).toBe('واژه\u200Cای ناموجود');
    expect((await app.inject({ method: 'POST', url: '/api/search/zero-results', payload: { query: '   ' } })).statusCode).toBe(400);
  });

  it('falls back to the offline index when Meilisearch goes down', async () => {
    await meili.stop();
    // The engine is checked at most every few seconds (server/search/engine-cache.ts).
    await expect.poll(async () => (await app.inject({ url: '/api/search/config' })).json().engine, { timeout: 10_000 }).toBe('lunr');
    const config = (await app.inject({ url: '/api/search/config' })).json();
    expect(config).toMatchObject({ engine: 'lunr', lunr: { url: '/search-index/staff.json' } });
    const ranked = await rankedQuery(app, { query: 'قبض برق' });
    expect(ranked.statusCode).toBe(503);
    expect(ranked.json().message).toBe('جست‌وجوی کارساز پاسخ نداد.');
    // Visitors are told the status only (details are for admins: server/__tests__/health.test.ts).
    await expect.poll(async () => (await app.inject({ url: '/api/health' })).json(), { timeout: 10_000 }).toEqual({ status: 'degraded' });
  });
});
