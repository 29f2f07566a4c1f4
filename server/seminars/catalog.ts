/**
 * The seminars the server knows, from the build's private manifest (`build/.server/`), and who
 * may see each: the audience policy's decision, made here so every route asks the same
 * question. A seminar the reader may not see does not exist for them.
 */
import type { Seminar } from '../../src/content/schemas/seminar';
import type { SeminarEntry } from '../../src/content/seminars';
import type { AudiencePolicy, Reader } from '../../src/policy/audience';
import type { ManifestSource } from '../manifest/source';

/** What the server uses of a seminar (a full `SeminarEntry` from the content is one too). */
export type ServedSeminar = Pick<SeminarEntry, 'id' | 'permalink' | 'startsAt' | 'endsAt'> & {
  readonly seminar: Pick<Seminar, 'title' | 'audience' | 'capacity' | 'durationMinutes'>;
};

export interface SeminarCatalog {
  /** The seminar `id`, if `reader` (a role, or null for no session) may see it. */
  readable(id: string, reader: Reader): ServedSeminar | undefined;
}

/** A catalog over seminars that may change (the manifest in force) or a fixed list (tests). */
export function createSeminarCatalog(seminars: readonly ServedSeminar[] | (() => readonly ServedSeminar[]), policy: AudiencePolicy): SeminarCatalog {
  const current = typeof seminars === 'function' ? seminars : () => seminars;
  let seen: readonly ServedSeminar[] | undefined;
  let byId = new Map<string, ServedSeminar>();
  return {
    readable(id, reader) {
      const list = current();
      if (list !== seen) {
        byId = new Map(list.map((s) => [s.id, s]));
        seen = list;
      }
      const entry = byId.get(id);
      return entry && policy.mayRead(reader, entry.seminar.audience) ? entry : undefined;
    },
  };
}

/** The seminars of the manifest in force, reloaded with it. */
export function seminarCatalogOf(manifest: ManifestSource, policy: AudiencePolicy): SeminarCatalog {
  return createSeminarCatalog(() => manifest.current().seminars, policy);
}
