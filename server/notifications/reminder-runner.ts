/**
 * The reminder runner (issue 11): on each tick, for every announcement that asks for
 * acknowledgment and every reader it addresses who has not acknowledged its current text, the
 * reminders the schedule owes by now (`remindersOwed`) that are not yet recorded are recorded —
 * each key inserted into `reminders` before its mail is put in the outbox, in one transaction.
 * The key decides, not the mail: a restart, or a second server on the same PostgreSQL ticking at
 * the same moment, finds it taken (its insert does nothing) and sends nothing.
 *
 * Several steps owed at once (the server was down, or the announcement predates the runner) are
 * all recorded, and one mail is sent: the newest, which says where the reader stands now —
 * four mails in one minute about one directive would teach people to ignore them.
 *
 * Mail goes only to readers with an address who have not opted out; the in-app inbox lists the
 * announcement whatever they chose. Overdue readers are escalated (`escalationStep`) to the
 * supervisors of their company, or to the admins when it has none, one summary per step.
 */
import type { Kysely } from 'kysely';
import { escalationKey, escalationStep, type EscalationSchedule } from '../../src/domain/inbox/escalation';
import { reminderKey, remindersOwed, DEFAULT_REMINDERS, type Reminder, type ReminderSchedule } from '../../src/domain/inbox/reminders';
import { daysLeft, dueDate, isAddressed } from '../../src/domain/inbox/targets';
import { compareJalali, gregorianToJalali } from '../../src/domain/jalali';
import type { AudiencePolicy } from '../../src/policy/audience';
import type { Database } from '../db/schema';
import { announcementsInForce } from '../inbox/reacknowledgments';
import { activePeople, allAcknowledgments, type ActivePerson } from '../inbox/store';
import type { ManifestSource } from '../manifest/source';
import { enqueueMail, type OutgoingMail } from './outbox';
import { escalationMail, reminderMail } from './reminder-mail';

export interface ReminderRunnerOptions {
  readonly db: Kysely<Database>;
  readonly manifest: ManifestSource;
  readonly policy: AudiencePolicy;
  /** The site's origin for links in mail (`PUBLIC_URL`, else the address the server listens on). */
  readonly publicUrl: () => string;
  readonly now: () => number;
  readonly schedule?: ReminderSchedule;
  readonly escalateAfterDays: number;
  /** Also text readers with a phone number (`SMS_WEBHOOK_URL` set). */
  readonly sms?: boolean;
}

export interface TickResult {
  /** Reminder and escalation keys this tick recorded (another process's are not counted). */
  readonly decided: number;
  /** Messages this tick put in the outbox (mail and SMS). */
  readonly queued: number;
}

/** A reader as the store lists them (`activePeople`): the inbox's report and the reminders share the query. */
type Reader = ActivePerson;

export interface ReminderRunner {
  tick(): Promise<TickResult>;
}

export function createReminderRunner(options: ReminderRunnerOptions): ReminderRunner {
  const { db, policy } = options;
  const schedule = options.schedule ?? DEFAULT_REMINDERS;
  const escalation: EscalationSchedule = { escalateAfterDays: options.escalateAfterDays, everyDays: schedule.everyDays };

  /** Inserts the keys not yet taken and queues `messages` only if this call took `mailKey`. */
  async function decide(keys: readonly { key: string; announcementId: string; userId: string; kind: string; step: number }[], mailKey: string, messages: readonly OutgoingMail[], now: number): Promise<TickResult> {
    return db.transaction().execute(async (trx) => {
      let decided = 0;
      let tookMailKey = false;
      for (const k of keys) {
        const inserted = await trx
          .insertInto('reminders')
          .values({ key: k.key, announcement_id: k.announcementId, user_id: k.userId, kind: k.kind, step: k.step, decided_at: now })
          .onConflict((oc) => oc.column('key').doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0) {
          decided++;
          if (k.key === mailKey) tookMailKey = true;
        }
      }
      let queued = 0;
      if (tookMailKey) for (const m of messages) if (await enqueueMail(trx, m, now)) queued++;
      return { decided, queued };
    });
  }

  return {
    async tick() {
      const nowMs = options.now();
      const now = new Date(nowMs);
      const today = gregorianToJalali(now, 'Asia/Tehran');
      // As in force: a re-acknowledgment the approver required is a new round, from the decision's day.
      const announcements = (await announcementsInForce(db, options.manifest.current().announcements)).filter((a) => a.acknowledge && compareJalali(a.published, today) <= 0);
      if (!announcements.length) return { decided: 0, queued: 0 };
      const readers = await activePeople(db);
      const acknowledged = new Set((await allAcknowledgments(db)).map((r) => `${r.announcementId}|${r.userId}|${r.textSha256}`));
      const origin = options.publicUrl().replace(/\/$/, '');
      let decided = 0;
      let queued = 0;

      for (const a of announcements) {
        // A new round's reminders are new keys (`<id>@<round>`); the first round's keep theirs.
        const keyId = a.round ? `${a.id}@${a.round}` : a.id;
        const due = dueDate(a.published, a.acknowledge!);
        const left = daysLeft(due, now);
        const owed = remindersOwed(due, now, schedule);
        const taken = new Set((await db.selectFrom('reminders').select('key').where('announcement_id', '=', a.id).execute()).map((r) => r.key));
        const url = `${origin}${a.permalink}`;
        const overdue: Reader[] = [];
        for (const reader of readers) {
          if (!isAddressed(a.acknowledge, reader) || !policy.mayRead({ role: reader.role }, a.audience)) continue;
          if (acknowledged.has(`${a.id}|${reader.userId}|${a.textSha256}`)) continue;
          if (left < 0) overdue.push(reader);
          const missing = owed.filter((r) => !taken.has(reminderKey(keyId, reader.userId, r)));
          if (!missing.length) continue;
          const newest: Reminder = missing[missing.length - 1]!;
          const mailKey = reminderKey(keyId, reader.userId, newest);
          const mail = reminderMail({ displayName: reader.displayName, title: a.title, url, due, reminder: newest, daysLeft: left });
          const messages: OutgoingMail[] = [];
          if (reader.mailTo) messages.push({ key: mailKey, userId: reader.userId, to: reader.mailTo, ...mail });
          if (options.sms && reader.phone) messages.push({ key: `sms:${mailKey}`, userId: reader.userId, to: reader.phone, channel: 'sms', subject: mail.subject, text: `${mail.subject}\n${url}`, html: '' });
          const result = await decide(
            missing.map((r) => ({ key: reminderKey(keyId, reader.userId, r), announcementId: a.id, userId: reader.userId, kind: r.kind, step: r.step })),
            mailKey,
            messages,
            nowMs,
          );
          decided += result.decided;
          queued += result.queued;
        }

        const step = escalationStep(due, now, escalation);
        if (step === 0 || !overdue.length) continue;
        const supervisors = readers.filter((r) => r.role === 'supervisor');
        const admins = readers.filter((r) => r.role === 'admin');
        const byCompany = new Map<string, Reader[]>();
        for (const r of overdue) byCompany.set(r.companyId ?? '', [...(byCompany.get(r.companyId ?? '') ?? []), r]);
        for (const [companyId, people] of byCompany) {
          const ownSupervisors = companyId ? supervisors.filter((s) => s.companyId === companyId) : [];
          // Each overdue reader is reported to the other supervisors of their company; one who is
          // its only supervisor (or whose company has none) to the admins — never to themselves,
          // and never to no one.
          const summaries = new Map<Reader, Reader[]>();
          for (const p of people) {
            const above = ownSupervisors.filter((s) => s.userId !== p.userId);
            const recipients = above.length ? above : admins.filter((s) => s.userId !== p.userId);
            for (const r of recipients) summaries.set(r, [...(summaries.get(r) ?? []), p]);
          }
          for (const [recipient, reported] of summaries) {
            const key = escalationKey(keyId, companyId || 'none', recipient.userId, step);
            if (taken.has(key)) continue;
            const mail = escalationMail({ recipientName: recipient.displayName, title: a.title, companyName: reported[0]!.companyName, due, overdue: reported, url: `${origin}/acknowledgments` });
            const messages: OutgoingMail[] = recipient.mailTo ? [{ key, userId: recipient.userId, to: recipient.mailTo, ...mail }] : [];
            const result = await decide([{ key, announcementId: a.id, userId: recipient.userId, kind: 'escalation', step }], key, messages, nowMs);
            decided += result.decided;
            queued += result.queued;
          }
        }
      }
      return { decided, queued };
    },
  };
}
