/**
 * `/inbox` («کارتابل»): the announcements the signed-in reader is asked to acknowledge — each
 * with its due day in Jalali and the days left or past, and the button «مطالعه کردم و تأیید
 * می‌کنم» — and those already acknowledged, with when. The server decides what is addressed
 * to whom; the page only shows it.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import clsx from 'clsx';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import { inboxRoutes, type Inbox } from '@site/src/api/inbox';
import { call } from '@site/src/lib/api';
import { formatDateTime } from '@site/src/lib/format';
import { formatJalaliLong } from '@site/src/domain/jalali';
import AcknowledgeButton from '@site/src/components/Inbox/AcknowledgeButton';
import MailPreference from '@site/src/components/Inbox/MailPreference';
import { daysText } from '@site/src/components/Inbox/daysText';
import SignedIn, { Loading, Notice } from '@site/src/components/Training/SignedIn';
import page from '@site/src/components/Training/styles.module.css';
import styles from '@site/src/components/Inbox/styles.module.css';

function InboxData(): ReactNode {
  const [data, setData] = useState<Inbox>();
  const [error, setError] = useState<string>();
  const load = useCallback(() => {
    call(inboxRoutes.inbox).then(setData, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  useEffect(load, [load]);
  if (error) return <Notice kind="danger">{error}</Notice>;
  if (!data) return <Loading />;
  return (
    <>
      <section aria-labelledby="inbox-pending">
        <Heading as="h2" id="inbox-pending">
          در انتظار تأیید شما
        </Heading>
        {data.pending.length === 0 ? (
          <Notice kind="success">ابلاغیه‌ای در انتظار تأیید شما نیست.</Notice>
        ) : (
          <ul className={styles.list} data-testid="inbox-pending">
            {data.pending.map((item) => (
              <li key={item.id} className={clsx(styles.item, item.overdue && styles.overdue)} data-announcement={item.id}>
                <div>
                  <a className={styles.title} href={item.permalink}>
                    {item.title}
                  </a>
                  <p className={styles.meta}>
                    مهلت تأیید: {formatJalaliLong(item.due)} — <span className={item.overdue ? styles.late : undefined}>{daysText(item.daysLeft)}</span>
                  </p>
                  {item.reason && <p className={styles.meta}>{item.reason}</p>}
                  {item.previouslyAcknowledgedAt !== null && !item.reason && (
                    <p className={styles.meta}>متن این ابلاغیه پس از تأیید شما در {formatDateTime(item.previouslyAcknowledgedAt)} تغییر کرده است؛ متن جدید را بخوانید و دوباره تأیید کنید.</p>
                  )}
                </div>
                <AcknowledgeButton id={item.id} textSha256={item.textSha256} title={item.title} onDone={load} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="inbox-acknowledged">
        <Heading as="h2" id="inbox-acknowledged">
          تأییدشده‌ها
        </Heading>
        {data.acknowledged.length === 0 ? (
          <p className={page.hint}>هنوز ابلاغیه‌ای را تأیید نکرده‌اید.</p>
        ) : (
          <ul className={styles.list} data-testid="inbox-acknowledged">
            {data.acknowledged.map((item) => (
              <li key={item.id} className={styles.item} data-announcement={item.id}>
                <div>
                  <a className={styles.title} href={item.permalink}>
                    {item.title}
                  </a>
                  <p className={styles.meta}>
                    تأیید شده در {formatDateTime(item.acknowledgedAt)}
                    {item.onTime ? '' : ' (پس از مهلت)'}
                  </p>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <MailPreference />
    </>
  );
}

export default function InboxPage(): ReactNode {
  return (
    <Layout title="کارتابل" description="ابلاغیه‌هایی که باید مطالعه و تأیید کنید">
      <main className={`container ${page.page}`}>
        <Heading as="h1">کارتابل</Heading>
        <SignedIn what="دیدن کارتابل خود">{() => <InboxData />}</SignedIn>
      </main>
    </Layout>
  );
}
