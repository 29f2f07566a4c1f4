/**
 * The editors' review of stale training material (`/training-review`): each question or lesson
 * citing a clause an edition changed, with that clause's word redline, and «بازبینی شد» to
 * record who reviewed it and when (the first review stands). Reviewed ones are listed below.
 */
import { useEffect, useState, type ReactNode } from 'react';
import Heading from '@theme/Heading';
import { trainingRoutes, type StaleFlagView } from '@site/src/api/training';
import { call } from '@site/src/lib/api';
import { labelForAnchor } from '@site/src/domain/clauses';
import { editionName } from '@site/src/domain/training/labels';
import { formatDateTime } from '@site/src/lib/format';
import RedlineView from '@site/src/components/Redline/RedlineView';
import { Loading, Notice } from '@site/src/components/Training/SignedIn';
import styles from '@site/src/components/Training/styles.module.css';

const KIND = { question: 'پرسش آزمون', lesson: 'درس' } as const;
const CHANGE = { amended: 'اصلاح‌شده', repealed: 'لغوشده' } as const;

const flagKey = (f: Pick<StaleFlagView, 'kind' | 'course' | 'id' | 'edition'>) => `${f.kind}|${f.course}|${f.id}|${f.edition}`;

function summaryOf(redline: StaleFlagView['cites'][number]['redline']) {
  const count = (kind: string) => redline.filter((u) => u.change === kind).length;
  return { added: count('added'), removed: count('removed'), amended: count('amended'), unchanged: count('unchanged') };
}

function FlagCard({ flag, onReviewed }: { flag: StaleFlagView; onReviewed: (f: StaleFlagView) => void }): ReactNode {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const review = () => {
    setBusy(true);
    setError(undefined);
    call(trainingRoutes.reviewStale, { body: { kind: flag.kind, course: flag.course, id: flag.id, edition: flag.edition } }).then(onReviewed, (e: unknown) => {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    });
  };
  const title = `${KIND[flag.kind]} ${flag.id}`;
  return (
    <article className={styles.section} aria-label={title} data-flag={flagKey(flag)}>
      <Heading as="h3">
        {KIND[flag.kind]} <bdi className={styles.code}>{flag.id}</bdi> — {flag.courseTitle}
      </Heading>
      {flag.prompt && <p><strong>متن پرسش:</strong> {flag.prompt}</p>}
      {flag.page && (
        <p>
          <a href={flag.page}>خواندن درس</a>
        </p>
      )}
      <p className={styles.hint}>
        تغییر در {editionName(flag.edition)} نسبت به {editionName(flag.from)}
      </p>
      {flag.cites.map((cite) => (
        <section key={cite.cite} aria-label={`بند ${cite.code} ${labelForAnchor(cite.anchor) ?? cite.anchor}`}>
          <p>
            <strong>
              <bdi>{cite.code}</bdi>، {labelForAnchor(cite.anchor) ?? cite.anchor}
            </strong>{' '}
            <span className={`${styles.badge} ${styles.no}`}>{CHANGE[cite.change]}</span>{' '}
            {!cite.material && <span className={`${styles.badge} ${styles.no}`}>ویرایشی (بدون بازآموزی)</span>}
          </p>
          {cite.redline.length ? <RedlineView diff={{ articles: [...cite.redline], summary: summaryOf(cite.redline) }} showUnchanged={false} /> : <p>متن این مقرره در ویرایش تازه لغو شده است.</p>}
        </section>
      ))}
      {error && <Notice kind="danger">{error}</Notice>}
      <button type="button" className="button button--primary" onClick={review} disabled={busy}>
        بازبینی شد
      </button>
    </article>
  );
}

export default function TrainingReview(): ReactNode {
  const [flags, setFlags] = useState<StaleFlagView[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    call(trainingRoutes.staleFlags).then(
      (r) => setFlags([...r.flags]),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, []);
  if (error) return <Notice kind="danger">{error}</Notice>;
  if (!flags) return <Loading />;
  const open = flags.filter((f) => !f.review);
  const done = flags.filter((f) => f.review);
  const reviewed = (f: StaleFlagView) => setFlags((all) => [...(all ?? []).filter((x) => flagKey(x) !== flagKey(f)), f]);
  return (
    <>
      <section aria-label="نیازمند بازبینی">
        <Heading as="h2">نیازمند بازبینی</Heading>
        {open.length ? open.map((f) => <FlagCard key={flagKey(f)} flag={f} onReviewed={reviewed} />) : <Notice kind="success">موردی برای بازبینی نمانده است.</Notice>}
      </section>
      <section className={styles.section} aria-label="بازبینی‌شده">
        <Heading as="h2">بازبینی‌شده</Heading>
        {done.length ? (
          <div className={styles.tableWrap}>
            <table className={styles.table}>
              <caption className="sr-only">موارد بازبینی‌شده</caption>
              <thead>
                <tr>
                  <th scope="col">مورد</th>
                  <th scope="col">دوره</th>
                  <th scope="col">ویرایش</th>
                  <th scope="col">بازبین</th>
                  <th scope="col">زمان بازبینی</th>
                </tr>
              </thead>
              <tbody>
                {done.map((f) => (
                  <tr key={flagKey(f)} data-flag={flagKey(f)}>
                    <th scope="row">
                      {KIND[f.kind]} <bdi className={styles.code}>{f.id}</bdi>
                    </th>
                    <td>{f.courseTitle}</td>
                    <td>{editionName(f.edition)}</td>
                    <td>{f.review!.by}</td>
                    <td>{formatDateTime(f.review!.at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className={styles.hint}>هنوز موردی بازبینی نشده است.</p>
        )}
      </section>
    </>
  );
}
