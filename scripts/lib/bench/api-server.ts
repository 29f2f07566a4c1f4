/**
 * The server process of `npm run bench:api`, started once per (database, mode):
 * - `AYIN_BENCH_MODE=ayin`: the real Ayin server (`buildServer`: sessions, CSRF, ownership,
 *   answer checks, the training routes) on the given database;
 * - `AYIN_BENCH_MODE=bare`: the baseline, a bare fastify 5 endpoint that only upserts
 *   an answer row (no session, no CSRF, no ownership), on the same database and pool.
 * Listens on 127.0.0.1:$PORT; `GET /api/health` answers when it is ready.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { buildServer } from '../../../server/app';
import { getCorpus } from '../../../src/content/index';
import { manifestFromCorpus, staticManifestSource } from '../../../server/manifest';
import { readConfig } from '../../../server/config';
import { openDatabase } from '../../../server/db/open';

async function main() {
  const mode = process.env.AYIN_BENCH_MODE;
  const port = Number(process.env.PORT);
  const database = await openDatabase({ url: process.env.DATABASE_URL || undefined, sqlitePath: process.env.AYIN_BENCH_SQLITE ?? '' });
  let app;
  if (mode === 'bare') {
    await sql`create table if not exists bench_answers (attempt_id text not null, question_id text not null, answer text not null, answered_at bigint not null, primary key (attempt_id, question_id))`.execute(database.db);
    app = Fastify({ logger: false });
    app.get('/api/health', async () => ({ ok: true }));
    app.put('/bare/answers/:attempt/:question', async (request) => {
      const { attempt, question } = request.params as { attempt: string; question: string };
      const answer = JSON.stringify((request.body as { answer?: unknown }).answer ?? null);
      const at = Date.now();
      await sql`insert into bench_answers (attempt_id, question_id, answer, answered_at) values (${attempt}, ${question}, ${answer}, ${at})
        on conflict (attempt_id, question_id) do update set answer = excluded.answer, answered_at = excluded.answered_at`.execute(database.db);
      return { saved: true };
    });
  } else if (mode === 'ayin') {
    const root = path.resolve(__dirname, '../../..');
    // No site is needed for the API; an empty folder keeps the static routes quiet.
    const siteDir = mkdtempSync(path.join(tmpdir(), 'ayin-bench-api-site-'));
    // The server reads what a build writes for it (courses, answer keys): made here from the
    // repository's content, as the build would, without building the site.
    const manifest = staticManifestSource(manifestFromCorpus(getCorpus(root)));
    app = await buildServer({ ...readConfig({}, root), siteDir, logLevel: 'silent' }, { database, manifest });
  } else {
    throw new Error(`AYIN_BENCH_MODE must be ayin or bare, got "${mode}"`);
  }
  app.addHook('onClose', () => database.close());
  await app.listen({ host: '127.0.0.1', port });
  console.log(`bench ${mode} server on ${database.dialect} at 127.0.0.1:${port}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void app.close().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
