/**
 * Stale flags for editors: the build's flags (catalog) joined with the reviews recorded in
 * the database. Marking one reviewed records who and when; the first review stands, so a
 * second click (or a second editor) changes nothing.
 */
import type { Kysely } from 'kysely';
import type { StaleFlag } from '../../src/domain/training/stale';
import { ApiError } from '../accounts/api-errors';
import type { Database } from '../db/schema';
import type { CatalogStaleFlag, TrainingCatalog } from './catalog';

export interface StaleFlagView extends Omit<StaleFlag, 'cites'> {
  readonly courseTitle: string;
  /** A question's prompt (editors see what they review); null for a lesson. */
  readonly prompt: string | null;
  /** A lesson's page; null for a question. */
  readonly page: string | null;
  readonly cites: readonly (StaleFlag['cites'][number] & { readonly material: boolean })[];
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
  /**
   * Whether part of `course` is under review: some flag of a published edition (published or
   * upcoming, not the draft `next`) that no editor has marked reviewed. What learners are told.
   */
  underReview(course: string): Promise<boolean>;
}

/** The id flags give the draft in `docs/` (src/content/citers.ts): it binds no learner yet. */
const DRAFT_EDITION = 'next';

const staleFlagNotFound = () => new ApiError(404, 'stale_flag_not_found', 'چنین موردی در فهرست «نیازمند بازبینی» نیست.');

const keyOf = (f: StaleFlagKey) => `${f.kind}\n${f.course}\n${f.id}\n${f.edition}`;

export function createStaleReviewService({ db, catalog, now = Date.now }: { db: Kysely<Database>; catalog: TrainingCatalog; now?: () => number }): StaleReviewService {
  function viewOf(f: CatalogStaleFlag, review: StaleFlagView['review']): StaleFlagView {
    const course = catalog.course(f.course);
    return {
      ...f,
      courseTitle: course?.title ?? f.course,
      prompt: f.kind === 'question' ? (course?.quiz?.questions.find((q) => q.id === f.id)?.prompt ?? null) : null,
      page: f.kind === 'lesson' ? (course?.lessonPages?.find((l) => l.id === f.id)?.permalink ?? null) : null,
      cites: f.cites.map((c) => ({ ...c, material: c.material ?? true })),
      review,
    };
  }

  async function reviews() {
    const rows = await db.selectFrom('stale_reviews').selectAll().execute();
    return new Map(rows.map((r) => [keyOf({ kind: r.kind, course: r.course, id: r.item_id, edition: r.edition }), { by: r.reviewer_name, at: new Date(Number(r.reviewed_at)).toISOString() }]));
  }

  return {
    async list() {
      const done = await reviews();
      const views = catalog.staleFlags.map((f) => viewOf(f, done.get(keyOf(f)) ?? null));
      return [...views.filter((v) => !v.review), ...views.filter((v) => v.review)];
    },
    async underReview(course) {
      const flags = catalog.staleFlags.filter((f) => f.course === course && f.edition !== DRAFT_EDITION);
      if (!flags.length) return false;
      const done = await reviews();
      return flags.some((f) => !done.has(keyOf(f)));
    },
    async markReviewed(reviewer, key) {
      const flag = catalog.staleFlags.find((f) => keyOf(f) === keyOf(key));
      if (!flag) throw staleFlagNotFound();
      await db
        .insertInto('stale_reviews')
        .values({ kind: flag.kind, course: flag.course, item_id: flag.id, edition: flag.edition, reviewed_by: reviewer.id, reviewer_name: reviewer.displayName, reviewed_at: now() })
        .onConflict((oc) => oc.columns(['kind', 'course', 'item_id', 'edition']).doNothing())
        .execute();
      return viewOf(flag, (await reviews()).get(keyOf(flag))!);
    },
  };
}
