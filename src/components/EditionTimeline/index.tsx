/**
 * A regulation's timeline: the editions in which its text changed (not every edition), each
 * with its effective date and notification, the one on this page and the one in force today
 * marked, a redline link for each amendment, and where it ends (repealed, superseded).
 * "In force today" is decided in the browser when the page is viewed.
 */
import type { ReactNode } from 'react';
import Link from '@docusaurus/Link';
import { formatJalaliNumeric } from '@site/src/domain/jalali';
import { comparePath, redlinePath, regulationPath, editionLabel } from '@site/src/lib/edition-paths';
import { datedEditions, inForceOn } from '@site/src/lib/edition-status';
import { useAyinData } from '@site/src/lib/useAyinData';
import { holdsText, useEditionsData, type CompactHistory } from '@site/src/lib/useEditionHistory';
import { useViewingDay } from '@site/src/lib/useViewingDay';
import { governingChange } from './model';
import styles from './styles.module.css';

function CodeLink({ code, histories, names }: { code: string; histories: Readonly<Record<string, CompactHistory>>; names: readonly string[] }) {
  const other = histories[code];
  if (!other) return <bdi dir="ltr">{code}</bdi>;
  // The other text's newest edition.
  const last = [...names].reverse().find((n) => holdsText(other, names, n));
  if (!last) return <bdi dir="ltr">{code}</bdi>;
  return (
    <Link to={regulationPath(last, other.area, code)}>
      {other.title} (<bdi dir="ltr">{code}</bdi>)
    </Link>
  );
}

export default function EditionTimeline({ code, edition }: { code: string; edition: string }): ReactNode {
  const { histories, hasNext } = useEditionsData();
  const editions = datedEditions(useAyinData().editions);
  const today = useViewingDay();
  const history = histories[code];
  if (!history || !editions.length) return null;
  const names = editions.map((e) => e.name);
  const isDraft = edition === 'current';
  const viewedChange = isDraft ? undefined : governingChange(history, names, edition);
  const at = today ? inForceOn(editions, today) : undefined;
  const inForceEdition = at?.status === 'in-force' ? at.edition.name : undefined;
  const inForceChange = inForceEdition && holdsText(history, names, inForceEdition) ? governingChange(history, names, inForceEdition) : undefined;
  const lastPublished = [...names].reverse().find((n) => holdsText(history, names, n));

  return (
    <nav className={styles.timeline} aria-label="تاریخچه ویرایش‌های این مقرره" data-testid="edition-timeline">
      <h2 className={styles.heading}>تاریخچه متن</h2>
      <ol className={styles.list}>
        {history.changes.map(([name, summary], i) => {
          const entry = editions.find((e) => e.name === name)!;
          const previous = names[names.indexOf(name) - 1];
          const viewing = name === viewedChange;
          const inForce = name === inForceChange;
          return (
            <li key={name} className={viewing ? styles.viewing : undefined} data-edition={name} aria-current={viewing ? 'page' : undefined}>
              <div className={styles.title}>
                {viewing ? <strong>ویرایش {editionLabel(name)}</strong> : <Link to={regulationPath(name, history.area, code)}>ویرایش {editionLabel(name)}</Link>}
                {viewing && <span className={styles.tag}>متن همین صفحه</span>}
                {inForce && <span className={`${styles.tag} ${styles.inForce}`} data-testid="timeline-in-force">لازم‌الاجرای کنونی</span>}
              </div>
              <div className={styles.meta}>
                لازم‌الاجرا از {formatJalaliNumeric(entry.date)} · ابلاغیه <bdi>{entry.notification.number}</bdi>
              </div>
              <div className={styles.what}>
                {summary ? (
                  <>
                    {summary} · <Link to={redlinePath(code, previous!, name)}>مقایسه با ویرایش {editionLabel(previous!)}</Link>
                  </>
                ) : i === 0 && name === names[0] ? (
                  'متن مبنا'
                ) : (
                  'افزوده شد'
                )}
              </div>
            </li>
          );
        })}
        {history.repealedIn && (
          <li className={styles.end} data-testid="timeline-repealed">
            <div className={styles.title}>لغو در ویرایش {editionLabel(history.repealedIn)}</div>
            <div className={styles.meta}>از {formatJalaliNumeric(editions.find((e) => e.name === history.repealedIn)!.date)} دیگر لازم‌الاجرا نیست</div>
          </li>
        )}
        {history.supersededIn && (
          <li className={styles.end} data-testid="timeline-superseded">
            <div className={styles.title}>
              جایگزین‌شده با{' '}
              {(history.supersededBy ?? []).map((c) => (
                <CodeLink key={c} code={c} histories={histories} names={names} />
              ))}{' '}
              در ویرایش {editionLabel(history.supersededIn)}
            </div>
            <div className={styles.meta}>از {formatJalaliNumeric(editions.find((e) => e.name === history.supersededIn)!.date)}</div>
          </li>
        )}
        {isDraft && hasNext && (
          <li className={styles.viewing} aria-current="page">
            <div className={styles.title}>
              <strong>پیش‌نویس ویرایش بعد</strong>
              <span className={styles.tag}>متن همین صفحه</span>
            </div>
            {lastPublished && (
              <div className={styles.what}>
                <Link to={comparePath(lastPublished, 'next', code)}>مقایسه با ویرایش {editionLabel(lastPublished)}</Link>
              </div>
            )}
          </li>
        )}
      </ol>
      {history.supersedes && history.supersedes.length > 0 && (
        <p className={styles.supersedes}>
          جایگزین{' '}
          {history.supersedes.map((c) => (
            <CodeLink key={c} code={c} histories={histories} names={names} />
          ))}
        </p>
      )}
    </nav>
  );
}
