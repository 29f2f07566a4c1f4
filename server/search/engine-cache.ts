/**
 * Which engine serves, remembered for a few seconds. `/api/search/config` (every page that
 * searches) and `/api/health` (every monitoring probe) ask; without this each asked
 * Meilisearch for its index stats. Concurrent callers share one question in flight. A few
 * seconds late is harmless: when Meilisearch stops answering the browser falls back to Lunr
 * on its own (1 s timeout), and the next question after the TTL finds out.
 */
import type { SearchService } from './service';

export const ENGINE_CACHE_TTL_MS = 3000;

export function withCachedEngine(service: SearchService, { ttlMs = ENGINE_CACHE_TTL_MS, now = Date.now }: { ttlMs?: number; now?: () => number } = {}): SearchService {
  let cached: { at: number; engine: Promise<'meilisearch' | 'lunr'> } | undefined;
  return {
    get audience() {
      return service.audience;
    },
    get meili() {
      return service.meili;
    },
    get ranked() {
      return service.ranked;
    },
    token: (audience) => service.token(audience),
    engine() {
      const at = now();
      if (!cached || at - cached.at >= ttlMs) {
        // `engine()` answers 'lunr' on any failure, so the cached promise never rejects.
        cached = { at, engine: service.engine() };
      }
      return cached.engine;
    },
  };
}
