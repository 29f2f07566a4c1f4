/** Readers' suggestions on clauses (migration 009) and the editors' answers that close them. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export interface FeedbackRow {
  readonly id: string;
  readonly authorId: string;
  readonly authorName: string;
  readonly authorRole: string;
  readonly code: string;
  readonly anchor: string;
  readonly edition: string;
  readonly text: string;
  readonly createdAt: number;
  readonly answer: string | null;
  readonly answeredAt: number | null;
  readonly answeredByName: string | null;
}

export interface NewFeedback {
  readonly authorId: string;
  readonly code: string;
  readonly anchor: string;
  readonly edition: string;
  readonly text: string;
  readonly at: number;
}

export interface FeedbackStore {
  add(feedback: NewFeedback): Promise<FeedbackRow>;
  get(id: string): Promise<FeedbackRow | undefined>;
  /** One author's suggestions, newest first. */
  byAuthor(authorId: string): Promise<FeedbackRow[]>;
  /** Every suggestion not yet answered, oldest first (the longest waiting at the top). */
  open(): Promise<FeedbackRow[]>;
  /** The latest answered ones, newest answer first. */
  answered(limit: number): Promise<FeedbackRow[]>;
  /** Closes an open suggestion; false when it was already answered (or does not exist). */
  answer(id: string, by: string, answer: string, at: number): Promise<boolean>;
}

type Db = Kysely<Database>;

function query(db: Db) {
  return db
    .selectFrom('clause_feedback as f')
    .innerJoin('users as author', 'author.id', 'f.author_id')
    .leftJoin('users as answerer', 'answerer.id', 'f.answered_by')
    .select([
      'f.id',
      'f.author_id',
      'author.display_name as author_name',
      'author.role as author_role',
      'f.regulation_code',
      'f.clause_anchor',
      'f.edition',
      'f.text',
      'f.created_at',
      'f.answer',
      'f.answered_at',
      'answerer.display_name as answered_by_name',
    ]);
}

type Selected = Awaited<ReturnType<ReturnType<typeof query>['execute']>>[number];

const rowOf = (r: Selected): FeedbackRow => ({
  id: r.id,
  authorId: r.author_id,
  authorName: r.author_name,
  authorRole: r.author_role,
  code: r.regulation_code,
  anchor: r.clause_anchor,
  edition: r.edition,
  text: r.text,
  createdAt: Number(r.created_at),
  answer: r.answer,
  answeredAt: r.answered_at === null ? null : Number(r.answered_at),
  answeredByName: r.answered_by_name ?? null,
});

export function createFeedbackStore(db: Db): FeedbackStore {
  const get = async (id: string) => {
    const row = await query(db).where('f.id', '=', id).executeTakeFirst();
    return row && rowOf(row);
  };
  return {
    async add({ authorId, code, anchor, edition, text, at }) {
      const id = randomUUID();
      await db.insertInto('clause_feedback').values({ id, author_id: authorId, regulation_code: code, clause_anchor: anchor, edition, text, created_at: at, answer: null, answered_by: null, answered_at: null }).execute();
      return (await get(id))!;
    },
    get,
    byAuthor: async (authorId) => (await query(db).where('f.author_id', '=', authorId).orderBy('f.created_at', 'desc').orderBy('f.id').execute()).map(rowOf),
    open: async () => (await query(db).where('f.answered_at', 'is', null).orderBy('f.created_at').orderBy('f.id').execute()).map(rowOf),
    answered: async (limit) => (await query(db).where('f.answered_at', 'is not', null).orderBy('f.answered_at', 'desc').limit(limit).execute()).map(rowOf),
    async answer(id, by, answer, at) {
      // Only an open one: two editors answering at once, the first answer stands.
      const result = await db.updateTable('clause_feedback').set({ answer, answered_by: by, answered_at: at }).where('id', '=', id).where('answered_at', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
