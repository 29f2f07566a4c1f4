/**
 * `/api/inbox/*` (کارتابل): what awaits the signed-in reader — the announcements addressed to
 * them that they have not acknowledged (with the due day and days left), and those they have —
 * and the acknowledgment itself, of the text (its sha256) the reader was shown.
 */
import { z } from './zod';
import { labelled } from './fields';
import { parseJalali } from '../domain/jalali';
import { defineRoute } from './route';

const jalaliDay = z.object({ year: z.number().int(), month: z.number().int(), day: z.number().int() });

export const inboxAnnouncementSchema = z.object({
  id: z.string(),
  title: z.string(),
  permalink: z.string(),
  published: jalaliDay,
  /** The text the reader is asked to acknowledge; sent back with the acknowledgment. */
  textSha256: z.string(),
  due: jalaliDay,
  /** Tehran calendar days to the due day: 0 on it, negative once overdue. */
  daysLeft: z.number().int(),
  overdue: z.boolean(),
  /** When the reader acknowledged an earlier text of it (the text has changed since); null: never. */
  previouslyAcknowledgedAt: z.number().nullable(),
  /** Why it is asked again: an edition changed the regulations it is about and the approver required a new acknowledgment. */
  reason: z.string().nullable(),
});
export type InboxAnnouncement = z.infer<typeof inboxAnnouncementSchema>;

export const acknowledgedAnnouncementSchema = z.object({
  id: z.string(),
  title: z.string(),
  permalink: z.string(),
  due: jalaliDay,
  acknowledgedAt: z.number(),
  /** Acknowledged by the end of the due day (Tehran). */
  onTime: z.boolean(),
});
export type AcknowledgedAnnouncement = z.infer<typeof acknowledgedAnnouncementSchema>;

export const inboxSchema = z.object({
  pending: z.array(inboxAnnouncementSchema),
  acknowledged: z.array(acknowledgedAnnouncementSchema),
});
export type Inbox = z.infer<typeof inboxSchema>;

export const inboxCountSchema = z.object({ pending: z.number().int(), overdue: z.number().int() });

export const acknowledgmentSchema = z.object({
  announcementId: z.string(),
  textSha256: z.string(),
  acknowledgedAt: z.number(),
});

const params = z.object({ id: labelled(z.string().min(1).max(200), 'ابلاغیه') });

export const acknowledgeBodySchema = z.strictObject({
  textSha256: labelled(z.string().regex(/^[0-9a-f]{64}$/, 'expected a sha256 in hex'), 'نشانهٔ متن'),
});

export const INBOX_MESSAGES = {
  notFound: 'این ابلاغیه پیدا نشد یا برای شما نیست.',
  textChanged: 'متن این ابلاغیه تغییر کرده است؛ لطفاً متن جدید را بخوانید',
} as const;

export const inboxRoutes = {
  inbox: defineRoute({ method: 'GET', path: '/api/inbox', response: inboxSchema }),
  count: defineRoute({ method: 'GET', path: '/api/inbox/count', response: inboxCountSchema }),
  acknowledge: defineRoute({
    method: 'POST',
    path: '/api/inbox/announcements/:id/acknowledge',
    params,
    body: acknowledgeBodySchema,
    response: z.object({ acknowledgment: acknowledgmentSchema, created: z.boolean() }),
  }),
};

/**
 * The approver's decision, per announcement and per published edition that changed a
 * regulation it is about, whether readers must acknowledge it again (`required`), or whether
 * the acknowledgments given stand. Decided once.
 */
export const REACKNOWLEDGMENT_DECIDERS = ['approver'] as const;

export const reacknowledgmentItemSchema = z.object({
  announcementId: z.string(),
  title: z.string(),
  permalink: z.string(),
  edition: z.string(),
  regulations: z.array(z.string()),
  decision: z.object({ required: z.boolean(), decidedAt: z.number(), decidedByName: z.string() }).nullable(),
});
export type ReacknowledgmentItem = z.infer<typeof reacknowledgmentItemSchema>;

export const reacknowledgmentBodySchema = z.strictObject({
  announcementId: labelled(z.string().min(1).max(200), 'ابلاغیه'),
  edition: labelled(z.string().min(1).max(40), 'ویرایش'),
  required: labelled(z.boolean(), 'تأیید دوباره لازم است'),
});

export const REACKNOWLEDGMENT_MESSAGES = {
  notFound: 'این ویرایش مقررات این ابلاغیه را تغییر نداده است، یا ابلاغیه پیدا نشد.',
  alreadyDecided: 'برای این ابلاغیه و این ویرایش پیش‌تر تصمیم گرفته شده است.',
} as const;

export const reacknowledgmentRoutes = {
  list: defineRoute({ method: 'GET', path: '/api/reacknowledgments', response: z.object({ items: z.array(reacknowledgmentItemSchema) }) }),
  decide: defineRoute({ method: 'POST', path: '/api/reacknowledgments', body: reacknowledgmentBodySchema, response: z.object({ item: reacknowledgmentItemSchema }) }),
};

/** Who reads the acknowledgment report: supervisors and admins; approvers may read it too. */
export const ACKNOWLEDGMENT_READERS = ['supervisor', 'admin', 'approver'] as const;

export const acknowledgmentStatusSchema = z.enum(['on-time', 'late', 'pending', 'overdue']);
export const ACKNOWLEDGMENT_STATUS_LABELS: Readonly<Record<z.infer<typeof acknowledgmentStatusSchema>, string>> = {
  'on-time': 'تأیید در مهلت',
  late: 'تأیید پس از مهلت',
  pending: 'در انتظار',
  overdue: 'مهلت گذشته',
};

export const personStatusSchema = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  companyCode: z.string().nullable(),
  companyName: z.string().nullable(),
  unitCode: z.string().nullable(),
  unitName: z.string().nullable(),
  status: acknowledgmentStatusSchema,
  acknowledgedAt: z.number().nullable(),
});

export const acknowledgmentReportSchema = z.object({
  announcements: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      permalink: z.string(),
      due: jalaliDay,
      targeted: z.number().int(),
      acknowledged: z.number().int(),
      onTime: z.number().int(),
      late: z.number().int(),
      overdue: z.number().int(),
      people: z.array(personStatusSchema),
    }),
  ),
  companies: z.array(
    z.object({
      companyCode: z.string().nullable(),
      companyName: z.string().nullable(),
      targeted: z.number().int(),
      acknowledged: z.number().int(),
      onTime: z.number().int(),
      onTimeShare: z.number().nullable(),
    }),
  ),
});
export type AcknowledgmentReportData = z.infer<typeof acknowledgmentReportSchema>;

/** A Jalali day as typed, in any digits (`۱۴۰۴/۰۱/۰۱`, `1404-01-01`), checked with jalaali-js. */
const jalaliQueryDay = (label: string) => labelled(z.string().max(20).refine((v) => parseJalali(v).ok).optional(), label);

/**
 * The period (optional, inclusive): only announcements whose due day falls in it are counted,
 * so per company the share on time is the indicator of that period (SV-005).
 */
export const acknowledgmentReportQuerySchema = z
  .object({
    format: labelled(z.enum(['json', 'csv', 'xlsx']).optional(), 'قالب'),
    from: jalaliQueryDay('از تاریخ (مانند ۱۴۰۴/۰۱/۰۱)'),
    to: jalaliQueryDay('تا تاریخ (مانند ۱۴۰۴/۱۲/۲۹)'),
  })
  .refine((q) => {
    if (!q.from || !q.to) return true;
    const [from, to] = [parseJalali(q.from), parseJalali(q.to)];
    return !(from.ok && to.ok) || jalaliKey(from.date) <= jalaliKey(to.date);
  }, { path: ['to'] });
const jalaliKey = (d: { year: number; month: number; day: number }) => d.year * 10_000 + d.month * 100 + d.day;

export const acknowledgmentReportRoutes = {
  /** JSON, or `?format=csv` / `?format=xlsx`: one row per announcement and person. */
  report: defineRoute({
    method: 'GET',
    path: '/api/acknowledgments',
    query: acknowledgmentReportQuerySchema,
    response: acknowledgmentReportSchema,
  }),
};

export const outboxFailureSchema = z.object({
  id: z.string(),
  key: z.string(),
  to: z.string(),
  subject: z.string(),
  attempts: z.number().int(),
  nextAttemptAt: z.number(),
  lastError: z.string().nullable(),
});

export const outboxRoutes = {
  /** Admins: mail not yet sent that has failed at least once, with its last error. */
  failures: defineRoute({ method: 'GET', path: '/api/admin/outbox', response: z.object({ failures: z.array(outboxFailureSchema), smtpConfigured: z.boolean() }) }),
};

/** The signed-in user's own notification settings: the address an admin gave them, and whether they want mail. */
export const notificationPreferencesSchema = z.object({
  /** null: no address on file (ask an admin); reminders then stay in the inbox. */
  email: z.string().nullable(),
  emailOptIn: z.boolean(),
});
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

export const notificationPreferencesRoutes = {
  get: defineRoute({ method: 'GET', path: '/api/account/notifications', response: notificationPreferencesSchema }),
  /** Only the choice: the address is the admin's to set, so nobody redirects their reminders to someone else's mailbox. */
  put: defineRoute({
    method: 'PUT',
    path: '/api/account/notifications',
    body: z.strictObject({ emailOptIn: labelled(z.boolean(), 'دریافت رایانامه') }),
    response: notificationPreferencesSchema,
  }),
};
