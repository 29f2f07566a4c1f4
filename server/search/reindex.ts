/**
 * Re-indexing as a pipeline of named steps, checked one by one, and atomic: records go into a
 * fresh index which is checked and then swapped in for the live one. A failure at any step
 * removes the fresh index and leaves the live index serving, and says which step failed.
 */
import type { Meilisearch, Task } from 'meilisearch';
import type { IndexedRecord } from '../../src/search/record';
import { SEARCH_INDEX, meiliSettings } from '../../src/search/meili-settings';

export type ReindexStep = 'create-index' | 'apply-settings' | 'add-documents' | 'check-count' | 'swap';

export class ReindexError extends Error {
  constructor(
    readonly step: ReindexStep,
    cause: unknown,
  ) {
    super(`Re-indexing failed at step "${step}": ${(cause as Error)?.message ?? String(cause)}. The live index was not changed.`, { cause });
    this.name = 'ReindexError';
  }
}

export interface ReindexOptions {
  readonly client: Meilisearch;
  readonly records: readonly IndexedRecord[];
  readonly synonyms: Record<string, string[]>;
  readonly indexUid?: string;
  readonly batchSize?: number;
  readonly log?: (line: string) => void;
  /** Test hook: runs before the named step, so a test can make it fail for real. */
  readonly beforeStep?: (step: ReindexStep, stagingUid: string) => Promise<void> | void;
}

async function succeeded(task: Task): Promise<Task> {
  if (task.status !== 'succeeded') {
    throw new Error(`task ${task.uid} (${task.type}) ${task.status}: ${task.error?.message ?? 'no error message'}`);
  }
  return task;
}

export async function reindex({
  client,
  records,
  synonyms,
  indexUid = SEARCH_INDEX,
  batchSize = 5000,
  log = () => {},
  beforeStep,
}: ReindexOptions): Promise<{ staging: string; documents: number; ms: number }> {
  const started = performance.now();
  const startedAt = Date.now();
  const staging = `${indexUid}_next_${startedAt}`;
  const wait = { timeout: 120_000, interval: 50 };

  async function step<T>(name: ReindexStep, run: () => Promise<T>): Promise<T> {
    try {
      await beforeStep?.(name, staging);
      return await run();
    } catch (error) {
      await client.deleteIndexIfExists(staging).catch(() => undefined);
      throw new ReindexError(name, error);
    }
  }

  await step('create-index', async () => succeeded(await client.createIndex(staging, { primaryKey: 'id' }).waitTask(wait)));
  log(`created ${staging}`);
  await step('apply-settings', async () => succeeded(await client.index(staging).updateSettings(meiliSettings(synonyms)).waitTask(wait)));
  log('applied settings');
  await step('add-documents', async () => {
    for (let i = 0; i < records.length; i += batchSize) {
      const batch = records.slice(i, i + batchSize) as unknown as Record<string, unknown>[];
      await succeeded(await client.index(staging).addDocuments(batch).waitTask(wait));
      log(`added ${Math.min(i + batchSize, records.length)} / ${records.length} documents`);
    }
  });
  await step('check-count', async () => {
    const stats = await client.index(staging).getStats();
    if (stats.numberOfDocuments !== records.length) {
      throw new Error(`the new index holds ${stats.numberOfDocuments} documents, expected ${records.length}`);
    }
  });
  await step('swap', async () => {
    // swapIndexes needs both to exist: the first run swaps with an empty live index.
    const live = await client.getIndex(indexUid).catch(() => undefined);
    if (!live) await succeeded(await client.createIndex(indexUid, { primaryKey: 'id' }).waitTask(wait));
    await succeeded(await client.swapIndexes([{ indexes: [indexUid, staging], rename: false }]).waitTask(wait));
  });
  log(`swapped ${staging} in as ${indexUid}`);
  // After the swap, `staging` holds the previous live index; failing to drop it is not fatal.
  try {
    await succeeded(await client.deleteIndex(staging).waitTask(wait));
  } catch (error) {
    log(`could not delete the previous index ${staging}: ${(error as Error).message}`);
  }
  await dropAbandonedStaging(client, indexUid, startedAt, wait, log);
  return { staging, documents: records.length, ms: Math.round(performance.now() - started) };
}

/**
 * A re-index that was killed (its process, not a refused request) cannot remove its staging
 * index: the next run that succeeds drops every staging index begun before its own (a run
 * begun earlier and still alive is superseded by this one anyway). Failing to is logged, not fatal.
 */
async function dropAbandonedStaging(client: Meilisearch, indexUid: string, before: number, wait: { timeout: number; interval: number }, log: (line: string) => void) {
  try {
    const { results } = await client.getIndexes({ limit: 1000 });
    const pattern = new RegExp(`^${indexUid.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}_next_(\\d+)$`);
    for (const { uid } of results) {
      const begun = Number(pattern.exec(uid)?.[1] ?? Number.NaN);
      if (begun < before) {
        await succeeded(await client.deleteIndex(uid).waitTask(wait));
        log(`dropped ${uid}, left by an interrupted re-index`);
      }
    }
  } catch (error) {
    log(`could not drop the staging indexes of interrupted re-indexes: ${(error as Error).message}`);
  }
}
