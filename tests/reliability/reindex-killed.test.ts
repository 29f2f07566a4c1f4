/**
 * Re-indexing SIGKILLed at each of its named steps (the whole process, not a refused request):
 * the live index keeps serving every one of its records, of one generation only (the old one,
 * or, killed at the swap, possibly the new one complete); the next run succeeds and drops the
 * staging indexes the killed runs left behind.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Meilisearch } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meiliClient } from '../../server/search/meili-client';
import { startLocalMeili, type LocalMeili } from '../../server/search/local-meili';
import type { ReindexStep } from '../../server/search/reindex';
import { SEARCH_INDEX } from '../../src/search/meili-settings';
import { reportFigure } from './support/figures';
import { reliabilityMode } from './support/mode';

const root = path.resolve(__dirname, '../..');
const STEPS: ReindexStep[] = ['create-index', 'apply-settings', 'add-documents', 'check-count', 'swap'];
const scenario = 're-index SIGKILLed';
const { quick } = reliabilityMode();
let dir: string;
let meili: LocalMeili;
let client: Meilisearch;

/** Runs the child; with `killAt`, SIGKILLs it as that step begins. Resolves with what it printed. */
function runReindex(generation: number, killAt?: ReindexStep): Promise<{ lines: string[]; killed: boolean; code: number | null; ms: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/reliability/support/reindex-child.ts'], {
    cwd: root,
    env: { ...process.env, MEILI_HOST: meili.host, MEILI_KEY: meili.masterKey, GENERATION: String(generation), RECORDS: quick ? '400' : '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  let killed = false;
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    if (killAt && line === `step ${killAt}`) killed = child.kill('SIGKILL');
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      if (!killed && code !== 0) reject(new Error(`re-index exited with ${code}:\n${stderr.slice(-2000)}`));
      else resolve({ lines, killed, code, ms: performance.now() - started });
    });
  });
}

async function liveDocuments(): Promise<Map<string, number>> {
  // Meilisearch finishes what it was given before the kill: wait until it is idle.
  await client.tasks.waitForTasks((await client.tasks.getTasks({ statuses: ['enqueued', 'processing'] })).results.map((t) => t.uid), { timeout: 120_000 });
  const docs = await client.index(SEARCH_INDEX).getDocuments<{ id: string; reliabilityGeneration: number }>({ limit: 100_000, fields: ['id', 'reliabilityGeneration'] });
  return new Map(docs.results.map((d) => [d.id, d.reliabilityGeneration]));
}

const stagingIndexes = async () => (await client.getIndexes({ limit: 1000 })).results.map((i) => i.uid).filter((uid) => uid.startsWith(`${SEARCH_INDEX}_next_`));

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ayin-reliability-reindex-'));
  meili = await startLocalMeili({ dataDir: path.join(dir, 'meili') });
  client = meiliClient({ host: meili.host, apiKey: meili.masterKey });
  await runReindex(1);
});
afterAll(async () => {
  await meili?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('re-index killed at each named step', () => {
  it.each(STEPS)('killed at %s: the live index keeps every record, of one generation', async (step) => {
    const before = await liveDocuments();
    expect(before.size).toBeGreaterThan(100);
    const generationBefore = new Set(before.values());
    expect(generationBefore.size).toBe(1);
    const run = await runReindex(2 + STEPS.indexOf(step), step);
    expect(run.killed, `the child reached "${step}" and was killed there`).toBe(true);
    expect(run.lines.some((l) => l.startsWith('done'))).toBe(false);
    const after = await liveDocuments();
    const generations = new Set(after.values());
    reportFigure({ scenario, figure: `killed at ${step}: live records before / after`, value: `${before.size} / ${after.size}` });
    // Killed at the swap, Meilisearch may still carry out the swap it was sent: the new index, complete.
    const swapped = step === 'swap' && !generations.has([...generationBefore][0]!);
    reportFigure({ scenario, figure: `killed at ${step}: live index`, value: swapped ? 'new, complete (swap had been sent)' : 'unchanged' });
    expect(after.size).toBe(before.size);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    expect(generations.size, 'one generation only: never a mix').toBe(1);
    if (!swapped) expect(after).toEqual(before);
    // The live index still answers a search.
    expect((await client.index(SEARCH_INDEX).search('انشعاب', { limit: 1 })).hits.length).toBe(1);
  });

  it('the next run succeeds and drops the staging indexes the killed runs left', async () => {
    const left = await stagingIndexes();
    reportFigure({ scenario, figure: 'staging indexes left by the killed runs', value: left.length });
    expect(left.length).toBeGreaterThan(0);
    const run = await runReindex(99);
    reportFigure({ scenario, figure: 'complete re-index after the kills', value: run.ms, unit: 'ms' });
    const after = await liveDocuments();
    expect(new Set(after.values())).toEqual(new Set([99]));
    expect(after.size).toBe(Number(run.lines.find((l) => l.startsWith('records '))!.split(' ')[1]));
    expect(await stagingIndexes()).toEqual([]);
  });
});
