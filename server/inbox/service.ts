/**
 * The inbox's rules, apart from HTTP: what awaits a reader, and acknowledging an announcement.
 * An announcement not addressed to the reader, or one their audience may not read, does not
 * exist for them (404, nothing recorded); the text acknowledged must be the text in force
 * (409 otherwise); acknowledging the same text twice answers the first record.
 *
 * The companies and units of the build are kept in the database (`syncOrganisations`) before
 * the inbox is read, so a code an announcement names is a row users can belong to.
 */
import type { Kysely } from 'kysely';
import type { Inbox, ReacknowledgmentItem } from '../../src/api/inbox';
import { INBOX_MESSAGES, REACKNOWLEDGMENT_MESSAGES } from '../../src/api/inbox';
import { addressedTo, inboxOf } from '../../src/domain/inbox/inbox';
import { parseJalali } from '../../src/domain/jalali';
import { acknowledgmentReport, type AcknowledgmentReport } from '../../src/domain/inbox/report';
import type { AudiencePolicy } from '../../src/policy/audience';
import { ApiError } from '../accounts/api-errors';
import type { Database } from '../db/schema';
import type { ManifestSource } from '../manifest/source';
import type { ServerManifest } from '../manifest/schema';
import { syncOrganisations } from './organisations';
import { allDecisions, announcementsInForce, recordDecision } from './reacknowledgments';
import * as store from './store';

export interface InboxServiceOptions {
  readonly db: Kysely<Database>;
  readonly manifest: ManifestSource;
  readonly policy: AudiencePolicy;
  /** The clock, for tests. */
  readonly now?: () => number;
  /** Told when the build's organisations could not be written (a name another code holds). */
  readonly onOrganisationsRefused?: (message: string) => void;
}

export interface InboxService {
  /** Writes the build's companies and units now (at start, so the admin's form can offer them). */
  syncOrganisations(): Promise<void>;
  inbox(userId: string): Promise<Inbox>;
  /** The supervisors' view: every announcement asking for acknowledgment, its targets and their state. */
  report(period?: { from?: string; to?: string }): Promise<AcknowledgmentReport>;
  count(userId: string): Promise<{ pending: number; overdue: number }>;
  acknowledge(input: { userId: string; announcementId: string; textSha256: string; address: string }): Promise<{ created: boolean; acknowledgment: store.AcknowledgmentRecord }>;
  /** The approver's list: each (announcement, edition that changed its regulations) and its decision, undecided first. */
  reacknowledgments(): Promise<ReacknowledgmentItem[]>;
  /** Records the approver's decision once (409 when one stands, 404 for a pair the build does not have). */
  decideReacknowledgment(input: { announcementId: string; edition: string; required: boolean; userId: string; userName: string }): Promise<ReacknowledgmentItem>;
}

export function createInboxService(options: InboxServiceOptions): InboxService {
  const { db, manifest, policy } = options;
  const now = options.now ?? Date.now;
  let synced: ServerManifest | undefined;
  let syncing: Promise<void> | undefined;

  /** Once per manifest (a new build may name new companies). */
  async function current(): Promise<ServerManifest> {
    const m = manifest.current();
    if (m !== synced) {
      syncing ??= (async () => {
        try {
          const result = await syncOrganisations(db, m.organisations, now());
          if (!result.ok) options.onOrganisationsRefused?.(result.problems.map((p) => p.message).join('; '));
        } catch (error) {
          // Two servers writing the same new rows at once: the other one wrote them.
          options.onOrganisationsRefused?.(String(error));
        }
        synced = m;
      })().finally(() => (syncing = undefined));
      await syncing;
    }
    return m;
  }

  async function reader(userId: string): Promise<store.InboxUser> {
    const user = await store.findInboxUser(db, userId);
    if (!user) throw new ApiError(404, 'announcement_not_found', INBOX_MESSAGES.notFound);
    return user;
  }
  const mayReadFor = (user: store.InboxUser) => (audience: readonly string[]) => policy.mayRead({ role: user.role }, audience);

  /** The build's announcements with the approver's decisions applied: what each asks of its readers now. */
  const inForce = async (m: ServerManifest) => announcementsInForce(db, m.announcements);

  async function reacknowledgments(): Promise<ReacknowledgmentItem[]> {
    const m = await current();
    const decisions = await allDecisions(db);
    const items = m.announcements.flatMap((a) =>
      a.acknowledge
        ? a.changedBy.map((c): ReacknowledgmentItem => {
            const d = decisions.find((x) => x.announcementId === a.id && x.edition === c.edition);
            return { announcementId: a.id, title: a.title, permalink: a.permalink, edition: c.edition, regulations: [...c.regulations], decision: d ? { required: d.required, decidedAt: d.decidedAt, decidedByName: d.decidedByName } : null };
          })
        : [],
    );
    return items.sort((x, y) => Number(x.decision !== null) - Number(y.decision !== null) || y.edition.localeCompare(x.edition) || x.announcementId.localeCompare(y.announcementId));
  }

  async function inbox(userId: string): Promise<Inbox> {
    const m = await current();
    const user = await reader(userId);
    return inboxOf(await inForce(m), user, await store.acknowledgmentsOf(db, userId), new Date(now()), mayReadFor(user));
  }

  return {
    inbox,

    async report(period = {}) {
      // The contract checked both days (jalaali-js); here they become dates.
      const day = (text: string | undefined) => {
        const parsed = text ? parseJalali(text) : undefined;
        return parsed?.ok ? parsed.date : undefined;
      };
      const m = await current();
      const [people, given] = await Promise.all([store.reportPeople(db), store.allAcknowledgments(db)]);
      return acknowledgmentReport(await inForce(m), people, given, new Date(now()), (role, audience) => policy.mayRead({ role }, audience), { from: day(period.from), to: day(period.to) });
    },

    async syncOrganisations() {
      await current();
    },

    async count(userId) {
      const { pending } = await inbox(userId);
      return { pending: pending.length, overdue: pending.filter((p) => p.overdue).length };
    },

    async acknowledge({ userId, announcementId, textSha256, address }) {
      const m = await current();
      const user = await reader(userId);
      const announcement = addressedTo(await inForce(m), user, mayReadFor(user)).find((a) => a.id === announcementId);
      if (!announcement) throw new ApiError(404, 'announcement_not_found', INBOX_MESSAGES.notFound);
      if (announcement.textSha256 !== textSha256) throw new ApiError(409, 'text_changed', INBOX_MESSAGES.textChanged);
      const { created, record } = await store.recordAcknowledgment(db, { announcementId, textSha256, user, now: now(), address });
      return { created, acknowledgment: record };
    },

    reacknowledgments,

    async decideReacknowledgment({ announcementId, edition, required, userId, userName }) {
      const known = (await reacknowledgments()).find((i) => i.announcementId === announcementId && i.edition === edition);
      if (!known) throw new ApiError(404, 'change_not_found', REACKNOWLEDGMENT_MESSAGES.notFound);
      const took = await recordDecision(db, { announcementId, edition, required, userId, userName, now: now() });
      if (!took) throw new ApiError(409, 'already_decided', REACKNOWLEDGMENT_MESSAGES.alreadyDecided);
      return (await reacknowledgments()).find((i) => i.announcementId === announcementId && i.edition === edition)!;
    },
  };
}
