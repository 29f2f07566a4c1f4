/**
 * After a publication, the affected audiences' builds are remade one at a time behind the
 * running server, each swapped in through the build tracker when complete (readers keep the
 * old build until then), and search re-indexed once the last one is served. The build itself
 * is the caller's (`buildAudience`: a child process in production, so the server's event loop
 * never waits on Docusaurus or on precompression).
 *
 * A publication during a rebuild queues every audience again: the build already running may
 * have read the content before the new edition was written.
 */
import type { BuildAudience } from '../../src/policy/audience';
import type { SiteBuildTracker } from '../site-builds';

export type AudienceRebuildState = 'queued' | 'building' | 'served' | 'failed';
export type SearchRebuildState = 'waiting' | 'indexing' | 'done' | 'failed' | 'off';

export interface AudienceRebuild {
  readonly audience: BuildAudience;
  readonly state: AudienceRebuildState;
  /** When the audience entered this state (ms since epoch). */
  readonly since: number;
  /** Persian, for the dashboard; only when the build failed. */
  readonly message?: string;
}

export interface RebuildStatus {
  /** The edition whose publication started the latest rebuild; `null` before any. */
  readonly edition: string | null;
  readonly audiences: readonly AudienceRebuild[];
  readonly search: { readonly state: SearchRebuildState; readonly since: number; readonly message?: string };
}

export interface RebuildQueue {
  /** Queues every audience of the queue for a rebuild (editor first); returns at once. */
  request(edition: string): void;
  status(): RebuildStatus;
  /** Resolves when nothing is queued or building (tests, benchmarks). */
  idle(): Promise<void>;
  /**
   * The server is stopping: nothing more is started, the build under way is stopped (its
   * child process ended) and the old build stays served. Resolves when the work has ended.
   */
  close(): Promise<void>;
}

export interface RebuildQueueOptions {
  /** The audiences to rebuild after a publication, in order: the editors' first, so the approver sees it. */
  readonly audiences: readonly BuildAudience[];
  readonly tracker: SiteBuildTracker;
  /** Builds one audience into place; rejects with the reason when it failed, or when `signal` stopped it. */
  readonly buildAudience: (audience: BuildAudience, signal: AbortSignal) => Promise<void>;
  /** Re-indexes search after the builds; without it search is `off` (the offline index follows the build). */
  readonly reindex?: () => Promise<void>;
  readonly now?: () => number;
  readonly log?: (line: string) => void;
}

export function createRebuildQueue({ audiences, tracker, buildAudience, reindex, now = Date.now, log = () => {} }: RebuildQueueOptions): RebuildQueue {
  const states = new Map<BuildAudience, AudienceRebuild>();
  let search: RebuildStatus['search'] = { state: reindex ? 'waiting' : 'off', since: now() };
  let edition: string | null = null;
  let running: Promise<void> | null = null;
  const stopping = new AbortController();

  const mark = (audience: BuildAudience, state: AudienceRebuildState, message?: string) =>
    void states.set(audience, { audience, state, since: now(), ...(message ? { message } : {}) });
  const nextQueued = () => audiences.find((a) => states.get(a)?.state === 'queued');

  async function work() {
    let built = 0;
    for (let audience = nextQueued(); audience && !stopping.signal.aborted; audience = nextQueued()) {
      mark(audience, 'building');
      // The tracker says "building" only to readers without any build; the others keep theirs.
      tracker.set(audience, 'building');
      try {
        await buildAudience(audience, stopping.signal);
        await tracker.swapped(audience);
        // Queued again while it was building (a newer publication): it stays queued.
        if (states.get(audience)?.state === 'building') mark(audience, 'served');
        built++;
        log(`rebuild after publication: the ${audience} site is served`);
      } catch (error) {
        if (stopping.signal.aborted) {
          mark(audience, 'failed', 'ساخت این نسخه با توقف سرور نیمه‌کاره ماند؛ خوانندگان همان نسخه‌ی پیشین را می‌بینند.');
          log(`rebuild after publication: the ${audience} build was stopped with the server`);
          break;
        }
        tracker.set(audience, 'failed');
        if (states.get(audience)?.state === 'building') mark(audience, 'failed', `ساخت دوباره‌ی این نسخه از سایت انجام نشد؛ خوانندگان همان نسخه‌ی پیشین را می‌بینند. (${lastLine(error)})`);
        log(`rebuild after publication: the ${audience} site failed: ${(error as Error).message}`);
      }
    }
    if (!reindex || !built || stopping.signal.aborted) return;
    search = { state: 'indexing', since: now() };
    try {
      await reindex();
      search = { state: 'done', since: now() };
    } catch (error) {
      search = { state: 'failed', since: now(), message: `نمایه‌ی جست‌وجو به‌روز نشد؛ جست‌وجو از نمایه‌ی پیشین پاسخ می‌دهد. (${lastLine(error)})` };
    }
  }

  function drain() {
    if (stopping.signal.aborted) return;
    running ??= work().finally(() => {
      running = null;
      // A request that arrived after the last pick (while search was indexing) still runs.
      if (nextQueued()) drain();
    });
  }

  return {
    request(name) {
      edition = name;
      for (const audience of audiences) mark(audience, 'queued');
      if (reindex) search = { state: 'waiting', since: now() };
      drain();
    },
    status: () => ({
      edition,
      audiences: audiences.map((a) => states.get(a)).filter((s): s is AudienceRebuild => s !== undefined),
      search,
    }),
    async idle() {
      while (running) await running;
    },
    async close() {
      stopping.abort();
      while (running) await running;
    },
  };
}

/** The last line of a failure (a child's stderr tail), short enough for the dashboard. */
function lastLine(error: unknown): string {
  const text = (error as Error)?.message ?? String(error);
  const line = text.trim().split('\n').filter(Boolean).pop() ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
