/**
 * The approver's re-acknowledgment decisions in the database, and the announcements as they are
 * in force with them (src/domain/inbox/reacknowledge.ts). The inbox, the report and the reminder
 * runner all read announcements through `announcementsInForce`, so one decision changes what all
 * three ask of a reader at once.
 *
 * A required re-acknowledgment gives the announcement another text identity: the sha256 of its
 * text and the editions that required it. Acknowledgments of the earlier text stay recorded (and
 * in the report's history) but no longer count; the reader is asked for the new one.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { inForce, type ReacknowledgmentDecision } from '../../src/domain/inbox/reacknowledge';
import type { AcknowledgeTargetsData } from '../../src/domain/inbox/targets';
import type { JalaliDate } from '../../src/domain/jalali';
import type { Database } from '../db/schema';
import type { ManifestAnnouncement } from '../manifest/schema';

export interface StoredDecision extends ReacknowledgmentDecision {
  readonly announcementId: string;
  readonly decidedByName: string;
}

export async function allDecisions(db: Kysely<Database>): Promise<StoredDecision[]> {
  const rows = await db.selectFrom('reacknowledgment_decisions').selectAll().orderBy('decided_at').execute();
  return rows.map((r) => ({ announcementId: r.announcement_id, edition: r.edition, required: Number(r.required) === 1, decidedAt: Number(r.decided_at), decidedByName: r.decided_by_name }));
}

/** Records the decision unless one was taken for this (announcement, edition); returns whether this call took it. */
export async function recordDecision(
  db: Kysely<Database>,
  input: { readonly announcementId: string; readonly edition: string; readonly required: boolean; readonly userId: string; readonly userName: string; readonly now: number },
): Promise<boolean> {
  const inserted = await db
    .insertInto('reacknowledgment_decisions')
    .values({ announcement_id: input.announcementId, edition: input.edition, required: input.required ? 1 : 0, decided_by: input.userId, decided_by_name: input.userName, decided_at: input.now })
    .onConflict((oc) => oc.columns(['announcement_id', 'edition']).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** An announcement as it asks to be acknowledged now: the text identity, the round's start and due, and why. */
export interface AnnouncementInForce extends Omit<ManifestAnnouncement, 'acknowledge'> {
  readonly acknowledge: AcknowledgeTargetsData | null;
  /** Null in the first round; the Persian line the inbox shows once a new acknowledgment is required. */
  readonly reason: string | null;
  /** How many decisions asked for a new acknowledgment (0: the first round); reminder keys carry it. */
  readonly round: number;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export function applyDecisions(announcements: readonly ManifestAnnouncement[], decisions: readonly StoredDecision[]): AnnouncementInForce[] {
  return announcements.map((a) => {
    if (!a.acknowledge || !a.changedBy.length) return { ...a, reason: null, round: 0 };
    const state = inForce({ published: a.published, acknowledge: a.acknowledge, changedBy: a.changedBy }, decisions.filter((d) => d.announcementId === a.id));
    if (!state.requiredBy.length) return { ...a, reason: null, round: 0 };
    const published: JalaliDate = state.roundStarted;
    return {
      ...a,
      published,
      acknowledge: state.acknowledge,
      textSha256: sha256(`${a.textSha256}\n${state.requiredBy.map((c) => c.edition).join('\n')}`),
      reason: state.reason,
      round: state.requiredBy.length,
    };
  });
}

export async function announcementsInForce(db: Kysely<Database>, announcements: readonly ManifestAnnouncement[]): Promise<AnnouncementInForce[]> {
  // Most builds have no edition changing an announcement's regulations: no query then.
  if (!announcements.some((a) => a.acknowledge && a.changedBy.length)) return announcements.map((a) => ({ ...a, reason: null, round: 0 }));
  return applyDecisions(announcements, await allDecisions(db));
}
