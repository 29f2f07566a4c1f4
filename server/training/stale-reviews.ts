/**
 * Stale flags for editors: the build's flags (catalog) joined with the reviews recorded in
 * the database. Marking one reviewed records who and when; the first review stands, so a
 * second click (or a second editor) changes nothing.
 */
import type { Kysely } from 'kysely';
import type { StaleFlag } from '../../src/domain/training/stale';
import { ApiError } from '../accounts/api-errors';
import type { Database } from '../db/schema';
import type { TrainingCatalog } from './catalog';

export interface StaleFlagView extends StaleFlag {
  readonly review: { readonly by: string; readonly at: string } | null;
}

export interface StaleFlagKey {
  readonly kind: 'question' | 'lesson';
  readonly course: string;
  readonly id: string;
  readonly edition: string;
}

export interface StaleReviewService {
  /** Unreviewed flags first, then the reviewed ones; each in the build's order. */
  list(): Promise<StaleFlagView[]>;
  markReviewed(reviewer: { id: string; displayName: string }, key: StaleFlagKey): Promise<StaleFlagView>;
}

const staleFlagNotFound = () => new ApiError(404, 'stale_flag_not_found', 'چنین موردی در فهرست «نیازمند بازبینی» نیست.');

const keyOf = (f: StaleFlagKey) => `${f.kind}\n${f.course}\n${f.id}\n${f.edition}`;

export function createStaleReviewService({ db, catalog, now = Date.now }: { db: Kysely<Database>; catalog: TrainingCatalog; now?: () => number }): StaleReviewService {
  async function reviews() {
    const rows = await db.selectFrom('stale_reviews').selectAll().execute();
    return new Map(rows.map((r) => [keyOf({ kind: r.kind, course: r.course, id: r.item_id, edition: r.edition }), { by: r.reviewer_name, at: new Date(Number(r.reviewed_at)).toISOString() }]));
  }

  return {
    async list() {
      const done = await reviews();
      const views = catalog.staleFlags.map((f): StaleFlagView => ({ ...f, review: done.get(keyOf(f)) ?? null }));
      return [...views.filter((v) => !v.review), ...views.filter((v) => v.review)];
    },
    async markReviewed(reviewer, key) {
      const flag = catalog.staleFlags.find((f) => keyOf(f) === keyOf(key));
      if (!flag) throw staleFlagNotFound();
      await db
        .insertInto('stale_reviews')
        .values({ kind: flag.kind, course: flag.course, item_id: flag.id, edition: flag.edition, reviewed_by: reviewer.id, reviewer_name: reviewer.displayName, reviewed_at: now() })
        .onConflict((oc) => oc.columns(['kind', 'course', 'item_id', 'edition']).doNothing())
        .execute();
      return { ...flag, review: (await reviews()).get(keyOf(flag))! };
    },
  };
}
