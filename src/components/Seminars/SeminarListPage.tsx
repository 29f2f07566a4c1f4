/**
 * `/seminars`: upcoming and past seminars. Which is which depends on when the page is read, so
 * the server-rendered page lists them all by date and the browser splits them after hydration.
 */
import type { ReactNode } from 'react';
import Link from '@docusaurus/Link';
import Heading from '@theme/Heading';
import Layout from '@theme/Layout';
import type { SeminarPageData } from '@site/plugins/seminars/page-data';
import SampleBadge from '@site/src/components/SampleBadge';
import { toPersianDigits } from '@site/src/domain/digits';
import styles from './styles.module.css';
import { seminarDuration, seminarWhen, TIMING_LABELS, timingOf, useNow } from './when';

function SeminarCard({ seminar, now }: { seminar: SeminarPageData; now: number | null }): ReactNode {
  const timing = now === null ? undefined : timingOf(seminar, now);
  return (
    <li className={styles.card}>
      <Heading as="h3">
        <Link to={seminar.permalink}>{seminar.title}</Link>
        {timing === 'ongoing' && <span className={`badge badge--success ${styles.timing}`}>{TIMING_LABELS.ongoing}</span>}
        {seminar.sample && <SampleBadge />}
      </Heading>
      <p className={styles.meta}>
        {seminarWhen(seminar)} ({seminarDuration(seminar)}) — {seminar.presenter.name}
        {seminar.venue ? `، ${seminar.venue}` : '، برخط'}
      </p>
      <p>{seminar.summary}</p>
    </li>
  );
}

function Section({ id, title, empty, seminars, now }: { id: string; title: string; empty: string; seminars: SeminarPageData[]; now: number | null }): ReactNode {
  return (
    <section aria-labelledby={id} data-testid={id}>
      <Heading as="h2" id={id}>
        {title} <small>({toPersianDigits(seminars.length)})</small>
      </Heading>
      {seminars.length ? (
        <ul className={styles.list}>
          {seminars.map((s) => (
            <SeminarCard key={s.id} seminar={s} now={now} />
          ))}
        </ul>
      ) : (
        <p>{empty}</p>
      )}
    </section>
  );
}

export default function SeminarListPage({ seminars }: { seminars: SeminarPageData[] }): ReactNode {
  const now = useNow();
  const byDate = [...seminars].sort((a, b) => a.startsAt - b.startsAt);
  return (
    <Layout title="سمینارها" description="سمینارها، کارگاه‌ها و نشست‌های آموزشی خدمات مشترکین">
      <main className="container margin-vert--lg">
        <Heading as="h1">سمینارها و نشست‌های آموزشی</Heading>
        <p>
          نشست‌های توجیهی، کارگاه‌ها و همایش‌هایی که برای کارکنان و پیمانکاران خدمات مشترکین برگزار می‌شود. برای ثبت‌نام در
          نشست‌های پیش رو، صفحهٔ هر نشست را باز کنید. زمان‌ها به وقت تهران است.
        </p>
        {now === null ? (
          <Section id="all-seminars" title="همهٔ نشست‌ها" empty="هنوز نشستی ثبت نشده است." seminars={byDate} now={now} />
        ) : (
          <>
            <Section
              id="upcoming-seminars"
              title="نشست‌های پیش رو"
              empty="فعلاً نشست پیش رویی برنامه‌ریزی نشده است."
              seminars={byDate.filter((s) => timingOf(s, now) !== 'past')}
              now={now}
            />
            <Section
              id="past-seminars"
              title="نشست‌های برگزارشده"
              empty="هنوز نشستی برگزار نشده است."
              seminars={byDate.filter((s) => timingOf(s, now) === 'past').reverse()}
              now={now}
            />
          </>
        )}
      </main>
    </Layout>
  );
}
