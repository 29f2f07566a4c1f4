/**
 * The zero-result log: queries that found nothing, for the editors' report. It takes no
 * user and no address, only the query, its filters and the day. The endpoint is open to
 * every visitor, so every dimension is bounded: the body (`ZERO_RESULTS_BODY_LIMIT`), the
 * query's length, the filters' shape, events per address per minute, lines per file (then
 * the file is rotated, keeping a few old ones), and lines waiting to be written. Lines go
 * through one append stream in order, so a request never waits on the disk.
 */
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { normalizePersian } from '../../src/search/normalize';

/** A query and a few filters fit in far less. */
export const ZERO_RESULTS_BODY_LIMIT = 2 * 1024;

export interface ZeroResultsLimits {
  /** Characters of the query as typed; longer ones are refused. */
  readonly maxQueryLength: number;
  /** Events one address may log per window. */
  readonly perAddress: { readonly max: number; readonly windowMs: number };
  /** Lines in `zero-results.jsonl` before it becomes `zero-results.1.jsonl`. */
  readonly maxLinesPerFile: number;
  /** Rotated files kept (`.1` … `.N`); older ones are deleted. */
  readonly keepFiles: number;
  /** Lines accepted but not yet written; beyond it, events are dropped (the disk is slow or full). */
  readonly maxPending: number;
  /** Addresses remembered by the rate limit; the oldest are forgotten beyond it. */
  readonly maxAddresses: number;
}

export const DEFAULT_ZERO_RESULTS_LIMITS: ZeroResultsLimits = {
  maxQueryLength: 200,
  perAddress: { max: 30, windowMs: 60_000 },
  maxLinesPerFile: 50_000,
  keepFiles: 4,
  maxPending: 1_000,
  maxAddresses: 10_000,
};

export const ZERO_RESULTS_FILE = 'zero-results.jsonl';

export type ZeroResultsOutcome =
  | { readonly kind: 'recorded' }
  | { readonly kind: 'invalid'; readonly message: string }
  | { readonly kind: 'rate-limited'; readonly retryAfterSeconds: number }
  | { readonly kind: 'busy' };

export interface ZeroResultsLog {
  record(address: string, body: unknown): ZeroResultsOutcome;
  /** Resolves when every accepted line is on disk (tests, shutdown). */
  flush(): Promise<void>;
  close(): Promise<void>;
  /** Events dropped because too many were waiting, since start. */
  readonly dropped: number;
}

export interface ZeroResultsOptions {
  readonly dataDir: string;
  readonly limits?: Partial<ZeroResultsLimits>;
  readonly now?: () => number;
  /** Where a failed write is reported (the server's logger). */
  readonly onError?: (error: unknown) => void;
}

type Filters = Record<string, string | string[]>;

/** Filters as the search page sends them (`{area: ['energy-sales']}`): small, flat, strings only. */
function boundedFilters(value: unknown): Filters {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const out: Filters = {};
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > 10) return {};
  const text = (v: unknown): v is string => typeof v === 'string' && v.length <= 100;
  for (const [key, v] of entries) {
    if (!/^[A-Za-z][A-Za-z0-9_-]{0,39}$/.test(key)) return {};
    if (text(v)) out[key] = v;
    else if (Array.isArray(v) && v.length <= 20 && v.every(text)) out[key] = v;
    else return {};
  }
  return out;
}

/** A fixed-window counter per address, holding at most `maxAddresses` of them. */
function addressLimiter({ max, windowMs }: ZeroResultsLimits['perAddress'], maxAddresses: number, now: () => number) {
  const windows = new Map<string, { start: number; count: number }>();
  return (address: string): number | undefined => {
    const at = now();
    let window = windows.get(address);
    if (!window || at - window.start >= windowMs) {
      windows.delete(address);
      window = { start: at, count: 0 };
      windows.set(address, window);
      // Oldest first (insertion order): forget the least recent addresses.
      for (const key of windows.keys()) {
        if (windows.size <= maxAddresses) break;
        windows.delete(key);
      }
    }
    if (window.count >= max) return Math.max(1, Math.ceil((window.start + windowMs - at) / 1000));
    window.count++;
    return undefined;
  };
}

async function countLines(file: string): Promise<number> {
  let lines = 0;
  try {
    for await (const chunk of createReadStream(file)) {
      for (const byte of chunk as Buffer) if (byte === 0x0a) lines++;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return lines;
}

const endStream = (stream: WriteStream) => new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
const writeTo = (stream: WriteStream, text: string) => new Promise<void>((resolve, reject) => stream.write(text, (error) => (error ? reject(error) : resolve())));

export function createZeroResultsLog({ dataDir, limits: given, now = Date.now, onError = () => {} }: ZeroResultsOptions): ZeroResultsLog {
  const limits = { ...DEFAULT_ZERO_RESULTS_LIMITS, ...given };
  const file = path.join(dataDir, ZERO_RESULTS_FILE);
  const rotated = (n: number) => path.join(dataDir, ZERO_RESULTS_FILE.replace(/\.jsonl$/, `.${n}.jsonl`));
  const limited = addressLimiter(limits.perAddress, limits.maxAddresses, now);

  let stream: WriteStream | undefined;
  let lines = 0;
  let pending = 0;
  let dropped = 0;
  let closed = false;
  /** Writes run one after another on this chain, in the order they were accepted. */
  let chain: Promise<void> = Promise.resolve();

  async function open() {
    await mkdir(dataDir, { recursive: true });
    lines = await countLines(file);
    stream = createWriteStream(file, { flags: 'a' });
  }

  async function rotate() {
    await endStream(stream!);
    stream = undefined;
    await rm(rotated(limits.keepFiles), { force: true });
    for (let n = limits.keepFiles - 1; n >= 1; n--) await rename(rotated(n), rotated(n + 1)).catch(() => undefined);
    if (limits.keepFiles >= 1) await rename(file, rotated(1));
    else await rm(file, { force: true });
    stream = createWriteStream(file, { flags: 'a' });
    lines = 0;
  }

  async function append(line: string) {
    if (!stream) await open();
    if (lines >= limits.maxLinesPerFile) await rotate();
    await writeTo(stream!, line);
    lines++;
  }

  return {
    get dropped() {
      return dropped;
    },
    record(address, body) {
      const raw = (body as { query?: unknown } | null | undefined)?.query;
      if (typeof raw !== 'string') return { kind: 'invalid', message: 'عبارت جست‌وجو خالی است.' };
      if ([...raw].length > limits.maxQueryLength) return { kind: 'invalid', message: `عبارت جست‌وجو نباید بیش از ${limits.maxQueryLength.toLocaleString('fa-IR')} نویسه باشد.` };
      const query = normalizePersian(raw);
      if (!query) return { kind: 'invalid', message: 'عبارت جست‌وجو خالی است.' };
      const retryAfterSeconds = limited(address);
      if (retryAfterSeconds !== undefined) return { kind: 'rate-limited', retryAfterSeconds };
      if (closed || pending >= limits.maxPending) {
        dropped++;
        return { kind: 'busy' };
      }
      const filters = boundedFilters((body as { filters?: unknown }).filters);
      const line = `${JSON.stringify({ at: new Date(now()).toISOString().slice(0, 10), query, filters })}\n`;
      pending++;
      chain = chain
        .then(() => append(line))
        .catch(onError)
        .finally(() => {
          pending--;
        });
      return { kind: 'recorded' };
    },
    flush: () => chain,
    async close() {
      closed = true;
      await chain;
      if (stream) await endStream(stream).catch(onError);
      stream = undefined;
    },
  };
}

/** `POST /api/search/zero-results`: the log's answer as HTTP. */
export async function answerZeroResults(log: ZeroResultsLog, request: FastifyRequest, reply: FastifyReply) {
  const outcome = log.record(request.ip, request.body);
  switch (outcome.kind) {
    case 'recorded':
      return reply.code(204).send();
    case 'invalid':
      return reply.code(400).send({ error: 'bad_request', message: outcome.message });
    case 'rate-limited':
      return reply
        .code(429)
        .header('retry-after', String(outcome.retryAfterSeconds))
        .send({ error: 'rate_limited', message: 'درخواست‌های این نشانی بیش از اندازه است؛ کمی بعد دوباره تلاش کنید.' });
    case 'busy':
      return reply.code(503).send({ error: 'busy', message: 'ثبت جست‌وجوهای بی‌نتیجه اکنون ممکن نیست.' });
  }
}
