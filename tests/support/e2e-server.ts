/**
 * The Ayin server as the browser tests use it: the real build, a real bundled Meilisearch on
 * a temporary folder (indexed with the sample corpus), and the real server on PORT.
 * SIGUSR2 stops Meilisearch (to test the offline fallback); SIGTERM stops everything.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildServer } from '../../server/app';
import { readConfig } from '../../server/config';
import { openServerDatabase } from '../../server/database';
import { startLocalMeili } from '../../server/search/local-meili';
import { indexSite } from '../../server/search/local-search';
import { E2E_SERVER_START, runningClockFrom } from './e2e-clock';
import { seedRefresherLearner } from './e2e-refresher-seed';
import { mkdirSync, readFileSync } from 'node:fs';
import { startMailSink } from '../../server/notifications/__tests__/sink';
import { mailDirFor } from './e2e-mail';

const root = path.resolve(__dirname, '../..');

async function main() {
  const port = Number(process.env.PORT);
  const dataDir = mkdtempSync(path.join(tmpdir(), `ayin-e2e-${port}-`));
  const meili = await startLocalMeili({ dataDir: path.join(dataDir, 'meili') });
  await indexSite(root, { host: meili.host, apiKey: meili.masterKey }, () => {});
  // A real SMTP sink for the reminder mail (tests/e2e/inbox.spec.ts reads what it wrote).
  const mailDir = mailDirFor(port);
  rmSync(mailDir, { recursive: true, force: true });
  mkdirSync(mailDir, { recursive: true });
  let mailCount = 0;
  const sink = await startMailSink((mail) => writeFileSync(path.join(mailDir, `${String(++mailCount).padStart(5, '0')}.json`), JSON.stringify(mail)));
  const config = readConfig({ ...process.env, AYIN_DATA_DIR: dataDir, SMTP_URL: sink.url, SMTP_FROM: 'ayin@e2e.example' }, root);
  const database = await openServerDatabase({ ...config, sampleAccounts: true }, { AYIN_DATA_DIR: dataDir }, () => {});
  // A contractor who completed customer-conduct before edition 1404-09 (tests/e2e/refresher.spec.ts).
  const manifest = JSON.parse(readFileSync(path.join(config.siteDir, '.server/manifest.json'), 'utf8')) as { courses: { id: string; title: string; lessons: { id: string }[] }[] };
  const conduct = manifest.courses.find((c) => c.id === 'customer-conduct');
  if (conduct) await seedRefresherLearner(database.db, 'ayin-demo-1234', { title: conduct.title, lessons: conduct.lessons.map((l) => l.id) });
  // The study rule shortened (half a second a lesson) by the server's own option, so the
  // learner flow runs in seconds; nothing a browser sends can change it.
  const training = { studyRule: { wordsPerMinute: Number.POSITIVE_INFINITY, floorMs: 500 } };
  // E2E_SERVER_START_MS moves the clock in a one-off run (to see a seminar test fail when the
  // registration window has closed); the default keeps the specs independent of the real date.
  const start = process.env.E2E_SERVER_START_MS ? Number(process.env.E2E_SERVER_START_MS) : E2E_SERVER_START;
  const app = await buildServer(
    { ...config, meili: { host: meili.host, apiKey: meili.masterKey }, logLevel: 'warn' },
    // Reminders decided every second and mail sent every half second, so a spec sees them at once.
    { database, training, seminars: { now: runningClockFrom(start) }, reminders: { run: true, everyMs: 1000, sendEveryMs: 500 } },
  );
  await app.listen({ host: '127.0.0.1', port });
  if (process.env.E2E_PID_FILE) writeFileSync(process.env.E2E_PID_FILE, String(process.pid));
  console.log(`e2e server on ${port} with Meilisearch at ${meili.host}`);

  process.on('SIGUSR2', () => void meili.stop().then(() => console.log('Meilisearch stopped on request')));
  const stop = async () => {
    await app.close();
    await database.close();
    await meili.stop();
    await sink.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(mailDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
