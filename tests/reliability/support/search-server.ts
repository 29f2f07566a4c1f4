/**
 * The Ayin server for the browser's search-fallback scenario: the real build, a real bundled
 * Meilisearch (indexed with the sample corpus) and the real server on PORT. Signals drive the
 * fault: SIGUSR2 SIGKILLs Meilisearch, SIGHUP starts it again on the same port and data (as a
 * supervisor would restart it); each writes `meili down` / `meili up` to $STATE_FILE once done.
 * SIGTERM stops everything.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildServer } from '../../../server/app';
import { readConfig } from '../../../server/config';
import { openServerDatabase } from '../../../server/database';
import { startLocalMeili, type LocalMeili } from '../../../server/search/local-meili';
import { indexSite } from '../../../server/search/local-search';

const root = path.resolve(__dirname, '../../..');

async function main() {
  const port = Number(process.env.PORT);
  const stateFile = process.env.STATE_FILE!;
  const dataDir = mkdtempSync(path.join(tmpdir(), `ayin-reliability-search-${port}-`));
  const meiliDir = path.join(dataDir, 'meili');
  let meili: LocalMeili = await startLocalMeili({ dataDir: meiliDir });
  const meiliPort = Number(new URL(meili.host).port);
  await indexSite(root, { host: meili.host, apiKey: meili.masterKey }, () => {});
  const config = readConfig({ ...process.env, AYIN_DATA_DIR: dataDir }, root);
  const database = await openServerDatabase({ ...config, sampleAccounts: true }, { AYIN_DATA_DIR: dataDir }, () => {});
  const app = await buildServer({ ...config, meili: { host: meili.host, apiKey: meili.masterKey }, logLevel: 'warn' }, { database });
  await app.listen({ host: '127.0.0.1', port });
  writeFileSync(stateFile, `pid ${process.pid}\nmeili up\n`);

  process.on('SIGUSR2', () => {
    if (meili.pid) process.kill(meili.pid, 'SIGKILL');
    void meili.stop().then(() => writeFileSync(stateFile, `pid ${process.pid}\nmeili down\n`));
  });
  process.on('SIGHUP', () => {
    void startLocalMeili({ dataDir: meiliDir, port: meiliPort }).then((started) => {
      meili = started;
      writeFileSync(stateFile, `pid ${process.pid}\nmeili up\n`);
    });
  });
  const stop = async () => {
    await app.close();
    await database.close();
    await meili.stop();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
