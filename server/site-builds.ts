/**
 * Which audiences' builds are still being made while the server already serves (`npm start`
 * on a fresh clone serves the public site first and builds the others behind it). The server
 * asks it when a reader's build is missing, to answer with a "being prepared" page instead of
 * a 404 — never with another audience's build — and is told when a new build is moved into
 * place, to re-read what it keeps from the builds (inline-script hashes, editions, manifest).
 */
import type { BuildAudience } from '../src/policy/audience';

export type BuildState = 'waiting' | 'building' | 'ready' | 'failed';

export interface SiteBuildProgress {
  /** The state of one audience's build; `undefined` when nobody is building it. */
  stateOf(build: BuildAudience): BuildState | undefined;
  /** Called after a build has been moved into place. */
  onSwapped(listener: (build: BuildAudience) => void | Promise<void>): void;
}

export interface SiteBuildTracker extends SiteBuildProgress {
  set(build: BuildAudience, state: BuildState): void;
  /** Marks the build ready and tells the listeners (awaited, in order). */
  swapped(build: BuildAudience): Promise<void>;
}

export function createSiteBuildTracker(): SiteBuildTracker {
  const states = new Map<BuildAudience, BuildState>();
  const listeners: Array<(build: BuildAudience) => void | Promise<void>> = [];
  return {
    stateOf: (build) => states.get(build),
    onSwapped: (listener) => void listeners.push(listener),
    set: (build, state) => void states.set(build, state),
    async swapped(build) {
      states.set(build, 'ready');
      for (const listener of listeners) await listener(build);
    },
  };
}
