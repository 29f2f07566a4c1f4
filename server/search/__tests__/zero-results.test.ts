/**
 * The zero-result log's bounds, each on its own: body size, query length, filters' shape,
 * events per address, lines per file with rotation, lines waiting; and that a request does
 * not wait on the disk. Real files in a temporary directory; the route through fastify.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerZeroResults, createZeroResultsLog, ZERO_RESULTS_BODY_LIMIT, ZERO_RESULTS_FILE, type ZeroResultsLog } from '../zero-results';

let dir: string;
const logs: ZeroResultsLog[] = [];
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ayin-zero-'));
});
afterEach(async () => {
  for (const log of logs.splice(0)) await log.close();
  rmSync(dir, { recursive: true, force: true });
});

const logWith = (limits: Parameters<typeof createZeroResultsLog>[0]['limits'] = {}, now?: () => number) => {
  const log = createZeroResultsLog({ dataDir: dir, limits, now, onError: (error) => { throw error; } });
  logs.push(log);
  return log;
};
const linesOf = (file: string) => readFileSync(path.join(dir, file), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { at: string; query: string; filters: object });

describe('zero-result log', () => {
  it('writes the normalised query, bounded filters and the day, nothing about the reader', async () => {
    const log = logWith({}, () => Date.UTC(2025, 11, 1));
    expect(log.record('10.0.0.1', { query: 'واژه‌ای  ناموجود', filters: { area: ['energy-sales'], type: 'bylaw' } })).toEqual({ kind: 'recorded' });
    expect(log.record('10.0.0.1', { query: 'قبض', filters: { area: [{ nested: true }] } })).toEqual({ kind: 'recorded' });
    expect(log.record('10.0.0.1', { query: 'کنتور', filters: { '__proto__x': 'a' } })).toEqual({ kind: 'recorded' });
    await log.flush();
    const lines = linesOf(ZERO_RESULTS_FILE);
    expect(lines).toEqual([
      { at: '2025-12-01', query: 'واژه\u200Cای ناموجود', filters: { area: ['energy-sales'], type: 'bylaw' } },
      { at: '2025-12-01', query: 'قبض', filters: {} },
      { at: '2025-12-01', query: 'کنتور', filters: {} },
    ]);
    expect(readFileSync(path.join(dir, ZERO_RESULTS_FILE), 'utf8')).not.toContain('10.0.0.1');
  });

  it('refuses an empty, missing or overlong query', () => {
    const log = logWith({ maxQueryLength: 200 });
    expect(log.record('a', { query: '   ' }).kind).toBe('invalid');
    expect(log.record('a', {}).kind).toBe('invalid');
    expect(log.record('a', null).kind).toBe('invalid');
    expect(log.record('a', { query: 42 }).kind).toBe('invalid');
    expect(log.record('a', { query: 'ا'.repeat(200) }).kind).toBe('recorded');
    const long = log.record('a', { query: 'ا'.repeat(201) });
    expect(long).toEqual({ kind: 'invalid', message: 'عبارت جست‌وجو نباید بیش از ۲۰۰ نویسه باشد.' });
  });

  it('limits events per address per window, others unaffected, and forgives after the window', async () => {
    let clock = 0;
    const log = logWith({ perAddress: { max: 3, windowMs: 60_000 } }, () => clock);
    for (let i = 0; i < 3; i++) expect(log.record('10.0.0.1', { query: `q${i}` }).kind).toBe('recorded');
    expect(log.record('10.0.0.1', { query: 'q4' })).toEqual({ kind: 'rate-limited', retryAfterSeconds: 60 });
    expect(log.record('10.0.0.2', { query: 'q' }).kind).toBe('recorded');
    clock = 30_000;
    expect(log.record('10.0.0.1', { query: 'q5' })).toEqual({ kind: 'rate-limited', retryAfterSeconds: 30 });
    clock = 60_000;
    expect(log.record('10.0.0.1', { query: 'q6' }).kind).toBe('recorded');
    await log.flush();
    expect(linesOf(ZERO_RESULTS_FILE).map((l) => l.query)).toEqual(['q0', 'q1', 'q2', 'q', 'q6']);
  });

  it('remembers at most maxAddresses addresses', () => {
    const log = logWith({ perAddress: { max: 1, windowMs: 60_000 }, maxAddresses: 100 }, () => 0);
    expect(log.record('first', { query: 'q' }).kind).toBe('recorded');
    expect(log.record('first', { query: 'q' }).kind).toBe('rate-limited');
    for (let i = 0; i < 100; i++) log.record(`other-${i}`, { query: 'q' });
    // The oldest address was forgotten to keep the table at 100.
    expect(log.record('first', { query: 'q' }).kind).toBe('recorded');
  });

  it('rotates at maxLinesPerFile and keeps keepFiles old files, counting lines already on disk at start', async () => {
    const limits = { maxLinesPerFile: 10, keepFiles: 2, perAddress: { max: 1_000, windowMs: 60_000 } };
    const first = logWith(limits);
    for (let i = 0; i < 4; i++) first.record('a', { query: `q${i}` });
    await first.close();
    // A restart continues the same file: 4 lines already count.
    const log = logWith(limits);
    for (let i = 4; i < 45; i++) log.record('a', { query: `q${i}` });
    await log.flush();
    expect(readdirSync(dir).sort()).toEqual(['zero-results.1.jsonl', 'zero-results.2.jsonl', 'zero-results.jsonl']);
    expect(linesOf('zero-results.jsonl').map((l) => l.query)).toEqual(['q40', 'q41', 'q42', 'q43', 'q44']);
    expect(linesOf('zero-results.1.jsonl').map((l) => l.query)).toEqual(Array.from({ length: 10 }, (_, i) => `q${30 + i}`));
    expect(linesOf('zero-results.2.jsonl').map((l) => l.query)).toEqual(Array.from({ length: 10 }, (_, i) => `q${20 + i}`));
    expect(existsSync(path.join(dir, 'zero-results.3.jsonl'))).toBe(false);
  });

  it('accepts at most maxPending lines waiting for the disk, and answers before writing', async () => {
    const log = logWith({ maxPending: 5, perAddress: { max: 1_000, windowMs: 60_000 } });
    const outcomes = Array.from({ length: 8 }, (_, i) => log.record('a', { query: `q${i}` }).kind);
    // All eight were answered synchronously, before any write finished: five taken, three dropped.
    expect(outcomes).toEqual(['recorded', 'recorded', 'recorded', 'recorded', 'recorded', 'busy', 'busy', 'busy']);
    expect(existsSync(path.join(dir, ZERO_RESULTS_FILE))).toBe(false);
    expect(log.dropped).toBe(3);
    await log.flush();
    expect(linesOf(ZERO_RESULTS_FILE)).toHaveLength(5);
    expect(log.record('a', { query: 'after' }).kind).toBe('recorded');
  });
});

describe('POST /api/search/zero-results', () => {
  let app: FastifyInstance;
  let log: ZeroResultsLog;
  beforeEach(async () => {
    app = Fastify({ logger: false });
    log = logWith({ perAddress: { max: 2, windowMs: 60_000 } });
    app.post('/api/search/zero-results', { bodyLimit: ZERO_RESULTS_BODY_LIMIT }, (request, reply) => answerZeroResults(log, request, reply));
    await app.ready();
  });
  afterEach(() => app.close());
  const post = (payload: object | string, remoteAddress = '10.0.0.1') => app.inject({ method: 'POST', url: '/api/search/zero-results', payload, remoteAddress, headers: { 'content-type': 'application/json' } });

  it('answers 204, 400, 413 and 429 with Persian messages', async () => {
    expect((await post({ query: 'قبض' })).statusCode).toBe(204);
    const empty = await post({ query: ' ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toEqual({ error: 'bad_request', message: 'عبارت جست‌وجو خالی است.' });
    const huge = await post({ query: 'ا'.repeat(150), filters: { area: Array.from({ length: 20 }, () => 'x'.repeat(100)) } });
    expect(huge.statusCode).toBe(413);
    expect((await post({ query: 'کنتور' })).statusCode).toBe(204);
    const limited = await post({ query: 'سوم' });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('60');
    expect(limited.json().message).toMatch(/کمی بعد/);
    expect((await post({ query: 'دیگری' }, '10.0.0.9')).statusCode).toBe(204);
    await log.flush();
    expect(linesOf(ZERO_RESULTS_FILE).map((l) => l.query)).toEqual(['قبض', 'کنتور', 'دیگری']);
  });
});
