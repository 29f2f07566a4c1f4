/**
 * The load of `npm run bench:api`: learners with real sessions and open attempts, and
 * autocannon runs in which every connection is one learner answering their own questions
 * (PUT) or submitting their own attempt (POST), as the browser does.
 */
import path from 'node:path';
import autocannon from 'autocannon';
import type { Kysely } from 'kysely';
import { createSessionStore } from '../../../server/accounts/sessions';
import { userRowFor } from '../../../server/accounts/users';
import type { Database } from '../../../server/db/schema';
import type { PublicQuestion } from '../../../src/domain/quiz';
import { freeLoopbackPort, startInGroup, stopGroup, waitForHttp } from './processes';

export interface BenchLearner {
  readonly cookie: string;
  readonly csrf: string;
  readonly attemptId: string;
  readonly questions: readonly PublicQuestion[];
}

/** A valid answer of the right shape for a question (right or wrong does not matter to the load). */
export function someAnswer(question: PublicQuestion, variant: number): unknown {
  const ids = (question.options ?? []).map((o) => o.id);
  switch (question.type) {
    case 'single':
      return ids[variant % ids.length];
    case 'multiple':
      return ids.slice(0, 1 + (variant % ids.length));
    case 'true-false':
      return variant % 2 === 0;
    case 'numeric':
      return String(10 + variant);
    case 'ordering':
      return variant % 2 ? [...ids].reverse() : ids;
  }
}

export interface SignedIn {
  readonly username: string;
  readonly cookie: string;
  readonly csrf: string;
}

/**
 * `count` contractors named `<prefix>.<n>`, each signed in (a session row, as sign-in makes).
 * One password hash is shared: hashing is not what is measured. Inserted in slices, under
 * both databases' limits on bound parameters.
 */
export async function seedContractors(db: Kysely<Database>, prefix: string, count: number): Promise<SignedIn[]> {
  const template = await userRowFor({ username: `${prefix}.template`, password: 'bench-password-1', displayName: 'پیمانکار آزمایشی', role: 'contractor', company: 'شرکت پیمانکاری آزمون بار' }, Date.now());
  const rows = Array.from({ length: count }, (_, i) => ({ ...template, id: crypto.randomUUID(), username: `${prefix}.${i + 1}`, display_name: `پیمانکار آزمایشی ${i + 1}` }));
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('users').values(rows.slice(i, i + 500)).execute();
  const sessions = createSessionStore(db);
  const signedIn: SignedIn[] = [];
  for (const row of rows) {
    const { token, session } = await sessions.create(row.id);
    signedIn.push({ username: row.username, cookie: `ayin_session=${token}`, csrf: session.csrfToken });
  }
  return signedIn;
}

/** `count` contractors signed in, each with an attempt started through the API. */
export async function seedLearners(db: Kysely<Database>, origin: string, course: string, count: number): Promise<BenchLearner[]> {
  const learners: BenchLearner[] = [];
  for (const { username, cookie, csrf } of await seedContractors(db, 'bench.learner', count)) {
    const res = await fetch(`${origin}/api/training/courses/${course}/attempts`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrf } });
    if (!res.ok) throw new Error(`starting an attempt for ${username} failed: ${res.status} ${await res.text()}`);
    const attempt = (await res.json()) as { id: string; questions: PublicQuestion[] };
    learners.push({ cookie, csrf, attemptId: attempt.id, questions: attempt.questions });
  }
  return learners;
}

export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly p50: number;
  /** From every 2xx response's time (autocannon's own histogram stops at p90 and p97.5). */
  readonly p95: number;
  readonly p99: number;
  readonly requests: number;
  /** Connection errors, timeouts and non-2xx answers. */
  readonly errors: number;
}

type Request = { method: 'GET' | 'PUT' | 'POST'; path: string; headers: Record<string, string>; body?: string };

export const answerRequests = (learner: BenchLearner): Request[] =>
  learner.questions.flatMap((q) =>
    [0, 1].map((variant) => ({
      method: 'PUT' as const,
      path: `/api/training/attempts/${learner.attemptId}/answers/${q.id}`,
      headers: { cookie: learner.cookie, 'x-csrf-token': learner.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ answer: someAnswer(q, variant) }),
    })),
  );

/** The same answers to the bare baseline endpoint: `/bare/answers/<attempt>/<question>`, no cookie, no token. */
export const bareRequests = (learner: BenchLearner): Request[] =>
  answerRequests(learner).map((r) => ({ ...r, path: `/bare/answers/${learner.attemptId}/${r.path.split('/').at(-1)}`, headers: { 'content-type': 'application/json' } }));

export const submitRequests = (learner: BenchLearner): Request[] => [
  {
    method: 'POST',
    path: `/api/training/attempts/${learner.attemptId}/submit`,
    headers: { cookie: learner.cookie, 'x-csrf-token': learner.csrf, 'content-type': 'application/json' },
    body: '{}',
  },
];

/** A reader's inbox (`GET /api/inbox`): their announcements, acknowledgments and the approver's decisions. */
export const inboxRequest = (reader: SignedIn): Request => ({ method: 'GET', path: '/api/inbox', headers: { cookie: reader.cookie } });

/** A reader acknowledging an announcement's text: the first one records it (201), the rest answer the record (200). */
export const acknowledgeRequest = (reader: SignedIn, announcementId: string, textSha256: string): Request => ({
  method: 'POST',
  path: `/api/inbox/announcements/${announcementId}/acknowledge`,
  headers: { cookie: reader.cookie, 'x-csrf-token': reader.csrf, 'content-type': 'application/json' },
  body: JSON.stringify({ textSha256 }),
});

/**
 * Spreads many readers over fewer connections: connection i replays the requests of readers
 * i, i + connections, i + 2 × connections…, so every reader is used while the number of
 * connections stays the run's.
 */
export function perConnection<T>(readers: readonly T[], connections: number, requests: (reader: T) => Request[]): Request[][] {
  return Array.from({ length: Math.min(connections, readers.length) }, (_, c) => readers.filter((_, i) => i % connections === c).flatMap(requests));
}

/** The q-quantile (0..1) of sorted values, nearest rank. */
function quantile(sorted: Float64Array, q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : 0;
}

/** `connections` connections for `seconds`, connection i replaying learner i's requests. */
export async function drive(origin: string, perLearner: readonly Request[][], { connections, seconds }: { connections: number; seconds: number }): Promise<LoadResult> {
  let next = 0;
  const times: number[] = [];
  const instance = autocannon({
    url: origin,
    connections,
    duration: seconds,
    // Every connection is set up below; this first request is never sent as is.
    requests: perLearner[0],
    setupClient(client: { setRequests(requests: Request[]): void }) {
      client.setRequests(perLearner[next++ % perLearner.length]!);
    },
    // Without a callback autocannon's tracker is both the event emitter and the promise of the result.
  } as autocannon.Options) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>;
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (statusCode >= 200 && statusCode < 300) times.push(responseTime);
  });
  const result = await instance;
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p95: quantile(Float64Array.from(times).sort(), 0.95),
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

export interface BenchServer {
  readonly origin: string;
  stop(): Promise<void>;
}

/** The bench server (`api-server.ts`) in its own process, so the load generator does not share its event loop. */
export async function startBenchServer(repoDir: string, mode: 'ayin' | 'bare', database: { url?: string; sqlitePath: string }, logFile: string): Promise<BenchServer> {
  const port = await freeLoopbackPort();
  // One node process (tsx as an import hook, not its CLI's child process); AYIN_BENCH_PROFILE=<dir> writes a CPU profile.
  const profile = process.env.AYIN_BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.AYIN_BENCH_PROFILE}`] : [];
  const child = startInGroup(process.execPath, [...profile, '--import', 'tsx', 'scripts/lib/bench/api-server.ts'], {
    cwd: repoDir,
    logFile,
    env: { PORT: String(port), AYIN_BENCH_MODE: mode, DATABASE_URL: database.url ?? '', AYIN_BENCH_SQLITE: database.sqlitePath, NODE_ENV: 'production' },
  });
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${origin}/api/health`, child, { logFile, timeoutMs: 90_000 });
  } catch (error) {
    await stopGroup(child);
    throw error;
  }
  return { origin, stop: () => stopGroup(child) };
}
