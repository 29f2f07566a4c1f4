/** Meilisearch for scripts: MEILI_HOST when set, else the bundled binary on a temporary folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Meilisearch } from 'meilisearch';
import { startLocalMeili } from '../../../server/search/local-meili';
import { meiliClient } from '../../../server/search/meili-client';

export async function withMeili<T>(run: (client: Meilisearch) => Promise<T>, log = (line: string) => console.error(line)): Promise<T> {
  if (process.env.MEILI_HOST) return run(meiliClient({ host: process.env.MEILI_HOST, apiKey: process.env.MEILI_MASTER_KEY ?? '' }, 60_000));
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ayin-meili-'));
  log('MEILI_HOST is not set: starting the bundled Meilisearch …');
  const meili = await startLocalMeili({ dataDir });
  try {
    return await run(meiliClient({ host: meili.host, apiKey: meili.masterKey }, 60_000));
  } finally {
    await meili.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
