/**
 * Under an announcement's text, for a signed-in reader it is addressed to: the due day and the
 * button «مطالعه کردم و تأیید می‌کنم», or when they acknowledged it. Whether it is addressed to
 * them is the server's answer (the inbox); an announcement asking no one shows nothing.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { inboxRoutes, type Inbox } from '@site/src/api/inbox';
import { call, useSession } from '@site/src/lib/api';
import { formatDateTime } from '@site/src/lib/format';
import { formatJalaliLong } from '@site/src/domain/jalali';
import AcknowledgeButton from './AcknowledgeButton';
import { daysText } from './daysText';
import styles from './styles.module.css';

export default function OnAnnouncement({ permalink }: { permalink: string }): ReactNode {
  const session = useSession();
  const signedIn = session.status === 'signed-in';
  const [inbox, setInbox] = useState<Inbox>();
  const load = useCallback(() => {
    call(inboxRoutes.inbox).then(setInbox, () => undefined);
  }, []);
  useEffect(() => {
    if (signedIn) load();
  }, [signedIn, load]);
  if (!inbox) return null;
  const pending = inbox.pending.find((p) => p.permalink === permalink);
  const done = inbox.acknowledged.find((a) => a.permalink === permalink);
  if (pending) {
    return (
      <aside className={`${styles.item} ${pending.overdue ? styles.overdue : ''}`} aria-label="تأیید وصول" data-testid="announcement-acknowledge">
        <p className={styles.meta}>
          این ابلاغیه را باید تا {formatJalaliLong(pending.due)} مطالعه و تأیید کنید — <span className={pending.overdue ? styles.late : undefined}>{daysText(pending.daysLeft)}</span>
        </p>
        {pending.reason && <p className={styles.meta}>{pending.reason}</p>}
        <AcknowledgeButton id={pending.id} textSha256={pending.textSha256} title={pending.title} onDone={load} />
      </aside>
    );
  }
  if (done) {
    return (
      <aside className={styles.item} aria-label="تأیید وصول" data-testid="announcement-acknowledge">
        <p className={styles.meta}>شما این ابلاغیه را در {formatDateTime(done.acknowledgedAt)} تأیید کرده‌اید.</p>
      </aside>
    );
  }
  return null;
}
