/**
 * A tiny learning record store for the tests, on a real port: it checks the xAPI version header
 * and the Basic credentials, validates every statement against the schema of what Ayin emits,
 * keeps one copy per statement id (a resend of the same statement is counted, not stored), and
 * can be told to answer 500, to hang, or to store and then hang (a sender dying mid-request).
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { xapiStatementSchema, type XapiStatement } from '../statement-schema';

export type ReceiverMode = 'accept' | 'error-500' | 'hang' | 'store-then-hang';

export interface TestLrs {
  readonly endpoint: string;
  readonly port: number;
  readonly stored: Map<string, XapiStatement>;
  /** POSTs received, whatever was answered. */
  posts: number;
  /** Statements received again with an id already stored (same content). */
  duplicates: number;
  /** Statements refused by the schema, with zod's message. */
  readonly invalid: string[];
  mode: ReceiverMode;
  /** Answers every hung request (200 if it stored, else 503). */
  release(): void;
  /** Requests being held unanswered now. */
  hanging(): number;
  /** Stops listening (the LRS is down); `start()` listens again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

export const LRS_USER = 'ayin-key';
export const LRS_PASSWORD = 'ayin-secret';

export async function startTestLrs(port = 0): Promise<TestLrs> {
  let app: FastifyInstance | undefined;
  const hung: (() => void)[] = [];
  const lrs: TestLrs = {
    endpoint: '',
    port,
    stored: new Map(),
    posts: 0,
    duplicates: 0,
    invalid: [],
    mode: 'accept',
    release: () => hung.splice(0).forEach((answer) => answer()),
    hanging: () => hung.length,
    stop: async () => {
      lrs.release();
      await app?.close();
      app = undefined;
    },
    start: async () => {
      app = Fastify({ logger: false });
      app.post('/xapi/statements', async (request, reply) => {
        lrs.posts++;
        if (request.headers['x-experience-api-version'] !== '1.0.3') return reply.code(400).send({ error: 'X-Experience-API-Version 1.0.3 expected' });
        const expected = `Basic ${Buffer.from(`${LRS_USER}:${LRS_PASSWORD}`).toString('base64')}`;
        if (request.headers.authorization !== expected) return reply.code(401).send({ error: 'unauthorised' });
        if (lrs.mode === 'error-500') return reply.code(500).send({ error: 'database unavailable' });
        if (lrs.mode === 'hang') return new Promise<void>((resolve) => hung.push(() => resolve(void reply.code(503).send({ error: 'late' }))));
        const batch = (Array.isArray(request.body) ? request.body : [request.body]) as unknown[];
        const parsed = batch.map((s) => xapiStatementSchema.safeParse(s));
        const bad = parsed.filter((p) => !p.success);
        if (bad.length) {
          lrs.invalid.push(...bad.map((p) => p.error!.message));
          return reply.code(400).send({ error: 'invalid statement' });
        }
        for (const p of parsed) {
          const statement = p.data!;
          const had = lrs.stored.get(statement.id);
          if (had && JSON.stringify(had) !== JSON.stringify(statement)) return reply.code(409).send({ error: `statement ${statement.id} differs from the one stored` });
          if (had) lrs.duplicates++;
          else lrs.stored.set(statement.id, statement);
        }
        const ids = parsed.map((p) => p.data!.id);
        if (lrs.mode === 'store-then-hang') return new Promise<void>((resolve) => hung.push(() => resolve(void reply.code(200).send(ids))));
        return reply.code(200).send(ids);
      });
      await app.listen({ host: '127.0.0.1', port: lrs.port });
      const address = app.server.address();
      (lrs as { port: number }).port = typeof address === 'object' && address ? address.port : lrs.port;
      (lrs as { endpoint: string }).endpoint = `http://127.0.0.1:${lrs.port}/xapi/`;
    },
  };
  await lrs.start();
  return lrs;
}
