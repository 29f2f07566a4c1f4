/**
 * One reader's inbox (کارتابل) from the announcements in force and their acknowledgments. Pure:
 * the server passes the manifest's announcements, the reader (role, company, unit codes), what
 * they acknowledged, the clock, and the audience policy's answer.
 *
 * An acknowledgment belongs to the text it was given for: when the text has changed (another
 * sha256), the announcement is pending again and says when the earlier text was acknowledged.
 */
import type { JalaliDate } from '../jalali';
import { daysLeft, dueDate, isAddressed, type AcknowledgeTargetsData, type Addressee } from './targets';

export interface InboxSourceAnnouncement {
  readonly id: string;
  readonly title: string;
  readonly permalink: string;
  readonly published: JalaliDate;
  readonly audience: readonly string[];
  readonly textSha256: string;
  readonly acknowledge: AcknowledgeTargetsData | null;
  /** Why it asks again (an edition changed its regulations and the approver required it); null or absent: the first time. */
  readonly reason?: string | null;
}

export interface GivenAcknowledgment {
  readonly announcementId: string;
  readonly textSha256: string;
  readonly acknowledgedAt: number;
}

export interface PendingItem {
  readonly id: string;
  readonly title: string;
  readonly permalink: string;
  readonly published: JalaliDate;
  readonly textSha256: string;
  readonly due: JalaliDate;
  readonly daysLeft: number;
  readonly overdue: boolean;
  readonly previouslyAcknowledgedAt: number | null;
  readonly reason: string | null;
}

export interface AcknowledgedItem {
  readonly id: string;
  readonly title: string;
  readonly permalink: string;
  readonly due: JalaliDate;
  readonly acknowledgedAt: number;
  readonly onTime: boolean;
}

/** Acknowledged by the end of the due day in Tehran. */
export const acknowledgedOnTime = (due: JalaliDate, acknowledgedAt: number): boolean => daysLeft(due, new Date(acknowledgedAt)) >= 0;

/** The announcements that ask `reader` to acknowledge them and that they may read. */
export function addressedTo<A extends InboxSourceAnnouncement>(announcements: readonly A[], reader: Addressee, mayRead: (audience: readonly string[]) => boolean): A[] {
  return announcements.filter((a) => isAddressed(a.acknowledge, reader) && mayRead(a.audience));
}

export function inboxOf(
  announcements: readonly InboxSourceAnnouncement[],
  reader: Addressee,
  given: readonly GivenAcknowledgment[],
  now: Date,
  mayRead: (audience: readonly string[]) => boolean,
): { pending: PendingItem[]; acknowledged: AcknowledgedItem[] } {
  const pending: PendingItem[] = [];
  const acknowledged: AcknowledgedItem[] = [];
  for (const a of addressedTo(announcements, reader, mayRead)) {
    const due = dueDate(a.published, a.acknowledge!);
    const mine = given.filter((g) => g.announcementId === a.id);
    const ofThisText = mine.find((g) => g.textSha256 === a.textSha256);
    if (ofThisText) {
      acknowledged.push({ id: a.id, title: a.title, permalink: a.permalink, due, acknowledgedAt: ofThisText.acknowledgedAt, onTime: acknowledgedOnTime(due, ofThisText.acknowledgedAt) });
      continue;
    }
    const left = daysLeft(due, now);
    const earlier = mine.map((g) => g.acknowledgedAt).sort((x, y) => y - x)[0];
    pending.push({ id: a.id, title: a.title, permalink: a.permalink, published: a.published, textSha256: a.textSha256, due, daysLeft: left, overdue: left < 0, previouslyAcknowledgedAt: earlier ?? null, reason: a.reason ?? null });
  }
  // The most pressing first; the newest acknowledgment first.
  pending.sort((x, y) => x.daysLeft - y.daysLeft || x.id.localeCompare(y.id));
  acknowledged.sort((x, y) => y.acknowledgedAt - x.acknowledgedAt);
  return { pending, acknowledged };
}
