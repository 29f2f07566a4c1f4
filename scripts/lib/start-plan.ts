/**
 * What `npm start` must build before each audience is current, decided from what is on disk:
 * a build that is missing, unstamped, older than its sources or made before the edition in
 * force changed is (re)built; everything present is served at once meanwhile. Pure: the
 * caller supplies the facts.
 */
import type { BuildAudience } from '../../src/content/build-audience';
import type { BuildStamp } from './site-build';

export type RebuildReason = 'missing' | 'unstamped' | 'sources' | 'edition';

export interface StartPlan {
  /** Audiences to build, in the order given (the public site first: a newcomer sees it soonest). */
  readonly builds: ReadonlyArray<{ audience: BuildAudience; reason: RebuildReason }>;
  /** Audiences with no build at all: their readers see the "being prepared" page until it lands. */
  readonly missing: readonly BuildAudience[];
}

export function planStart({ audiences, present, stamp, sourcesAt, inForce }: {
  audiences: readonly BuildAudience[];
  present: (audience: BuildAudience) => boolean;
  stamp: BuildStamp | undefined;
  /** Newest modification time of the sources (ms). */
  sourcesAt: number;
  inForce: string | null;
}): StartPlan {
  const builds: Array<{ audience: BuildAudience; reason: RebuildReason }> = [];
  for (const audience of audiences) {
    const reason = reasonFor(present(audience), stamp?.audiences[audience], sourcesAt, inForce);
    if (reason) builds.push({ audience, reason });
  }
  return { builds, missing: builds.filter((b) => b.reason === 'missing').map((b) => b.audience) };
}

function reasonFor(present: boolean, stamp: BuildStamp['audiences'][BuildAudience], sourcesAt: number, inForce: string | null): RebuildReason | undefined {
  if (!present) return 'missing';
  if (!stamp) return 'unstamped';
  if (stamp.sourcesAt < sourcesAt) return 'sources';
  if (stamp.listedEdition !== inForce) return 'edition';
  return undefined;
}

export const REASON_TEXT: Record<RebuildReason, string> = {
  missing: 'not built yet',
  unstamped: 'built by an older Ayin',
  sources: 'older than its sources',
  edition: 'built before the edition in force changed',
};
