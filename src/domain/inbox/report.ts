/**
 * The supervisors' view of acknowledgments (issue 11), pure: for each announcement that asks
 * for one, who is targeted (every active user it addresses whose audience may read it), who
 * acknowledged its text in force (on time: by the end of the due day in Tehran, or late), and
 * who has not (pending, or overdue once the due day has passed); and per company the share of
 * its targeted (announcement, person) pairs acknowledged on time — the indicator SV-005 uses.
 */
import { compareJalali, type JalaliDate } from '../jalali';
import { acknowledgedOnTime, addressedTo, type GivenAcknowledgment, type InboxSourceAnnouncement } from './inbox';
import { daysLeft, dueDate } from './targets';

export type AcknowledgmentStatus = 'on-time' | 'late' | 'pending' | 'overdue';

export interface ReportPerson {
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: string;
  readonly companyCode: string | null;
  readonly companyName: string | null;
  readonly unitCode: string | null;
  readonly unitName: string | null;
}

export interface PersonStatus extends ReportPerson {
  readonly status: AcknowledgmentStatus;
  readonly acknowledgedAt: number | null;
}

export interface AnnouncementReport {
  readonly id: string;
  readonly title: string;
  readonly permalink: string;
  readonly due: JalaliDate;
  readonly targeted: number;
  readonly acknowledged: number;
  readonly onTime: number;
  readonly late: number;
  readonly overdue: number;
  readonly people: readonly PersonStatus[];
}

export interface CompanyReport {
  /** null: users of no company (staff, or contractors not linked to one). */
  readonly companyCode: string | null;
  readonly companyName: string | null;
  readonly targeted: number;
  readonly acknowledged: number;
  readonly onTime: number;
  /** onTime / targeted, 0–1; null when nothing was targeted. */
  readonly onTimeShare: number | null;
}

export interface AcknowledgmentReport {
  readonly announcements: readonly AnnouncementReport[];
  readonly companies: readonly CompanyReport[];
}

export function acknowledgmentReport(
  announcements: readonly InboxSourceAnnouncement[],
  people: readonly ReportPerson[],
  given: readonly (GivenAcknowledgment & { readonly userId: string })[],
  now: Date,
  mayRead: (role: string, audience: readonly string[]) => boolean,
  /** Only announcements due in this period (inclusive, either end optional). */
  period: { readonly from?: JalaliDate; readonly to?: JalaliDate } = {},
): AcknowledgmentReport {
  const ackOf = new Map(given.map((g) => [`${g.announcementId}\u0000${g.userId}\u0000${g.textSha256}`, g.acknowledgedAt]));
  const byCompany = new Map<string, { companyCode: string | null; companyName: string | null; targeted: number; acknowledged: number; onTime: number }>();
  const reports: AnnouncementReport[] = [];
  for (const a of announcements) {
    if (!a.acknowledge) continue;
    const due = dueDate(a.published, a.acknowledge);
    if ((period.from && compareJalali(due, period.from) < 0) || (period.to && compareJalali(due, period.to) > 0)) continue;
    const past = daysLeft(due, now) < 0;
    const statuses: PersonStatus[] = [];
    for (const person of people) {
      if (!addressedTo([a], person, (audience) => mayRead(person.role, audience)).length) continue;
      const at = ackOf.get(`${a.id}\u0000${person.userId}\u0000${a.textSha256}`) ?? null;
      const status: AcknowledgmentStatus = at !== null ? (acknowledgedOnTime(due, at) ? 'on-time' : 'late') : past ? 'overdue' : 'pending';
      statuses.push({ ...person, status, acknowledgedAt: at });
      const key = person.companyCode ?? person.companyName ?? '';
      const company = byCompany.get(key) ?? { companyCode: person.companyCode, companyName: person.companyName, targeted: 0, acknowledged: 0, onTime: 0 };
      company.targeted++;
      if (at !== null) company.acknowledged++;
      if (status === 'on-time') company.onTime++;
      byCompany.set(key, company);
    }
    statuses.sort((x, y) => (x.companyName ?? '').localeCompare(y.companyName ?? '', 'fa') || x.displayName.localeCompare(y.displayName, 'fa'));
    const count = (s: AcknowledgmentStatus) => statuses.filter((p) => p.status === s).length;
    reports.push({
      id: a.id,
      title: a.title,
      permalink: a.permalink,
      due,
      targeted: statuses.length,
      acknowledged: count('on-time') + count('late'),
      onTime: count('on-time'),
      late: count('late'),
      overdue: count('overdue'),
      people: statuses,
    });
  }
  const companies = [...byCompany.values()]
    .map((c) => ({ ...c, onTimeShare: c.targeted ? c.onTime / c.targeted : null }))
    .sort((x, y) => (x.companyName === null ? 1 : 0) - (y.companyName === null ? 1 : 0) || (x.companyName ?? '').localeCompare(y.companyName ?? '', 'fa'));
  return { announcements: reports, companies };
}
