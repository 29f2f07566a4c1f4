/**
 * `<EditionChanges edition="1404-09" />`: what an edition added, amended, repealed and
 * replaced, each with a link to its text and (for an amendment) its redline. Used in the
 * ابلاغیه announcing the edition. Built from the editions plugin's global data, so a
 * contractor's build lists only the texts contractors may read.
 */
import type { ReactNode } from 'react';
import Link from '@docusaurus/Link';
import { redlinePath, regulationPath, editionLabel } from '@site/src/lib/edition-paths';
import { changesOf, useEditionNames, useEditionsData, type EditionChangeItem } from '@site/src/lib/useEditionHistory';
import styles from './styles.module.css';

interface Props {
  readonly edition: string;
}

function Entry({ item, edition, children }: { item: EditionChangeItem; edition: string; children?: ReactNode }) {
  return (
    <li>
      <Link to={regulationPath(edition, item.history.area, item.code)}>
        {item.history.title} (<bdi dir="ltr">{item.code}</bdi>)
      </Link>
      {children}
    </li>
  );
}

export default function EditionChanges({ edition }: Props): ReactNode {
  const { histories } = useEditionsData();
  const names = useEditionNames();
  if (!names.includes(edition)) {
    return <p className={styles.missing} role="alert">ویرایش {editionLabel(edition)} در فهرست ویرایش‌های منتشرشده نیست.</p>;
  }
  const changes = changesOf(histories, names, edition);
  const previous = changes.previous;
  if (!previous) {
    return <p className={styles.baseline}>ویرایش {editionLabel(edition)} نخستین ویرایش منتشرشده است و مبنای مقایسه ویرایش‌های بعدی است.</p>;
  }
  const empty = !changes.added.length && !changes.amended.length && !changes.repealed.length && !changes.superseded.length;
  return (
    <section className={styles.changes} aria-label={`تغییرات ویرایش ${editionLabel(edition)}`}>
      {empty && <p>در این ویرایش متنی که برای شما قابل مشاهده باشد تغییر نکرده است.</p>}
      {changes.amended.length > 0 && (
        <>
          <h3>اصلاح‌شده</h3>
          <ul>
            {changes.amended.map((item) => (
              <Entry key={item.code} item={item} edition={edition}>
                {'؛ '}
                <span className={styles.summary}>{item.summary}</span>
                {' — '}
                <Link to={redlinePath(item.code, previous, edition)}>مقایسه با ویرایش {editionLabel(previous)}</Link>
              </Entry>
            ))}
          </ul>
        </>
      )}
      {changes.added.length > 0 && (
        <>
          <h3>افزوده‌شده</h3>
          <ul>
            {changes.added.map((item) => (
              <Entry key={item.code} item={item} edition={edition}>
                {item.history.supersedes?.length ? <> — جایگزین {item.history.supersedes.map((c) => <bdi key={c} dir="ltr">{c}</bdi>)}</> : null}
              </Entry>
            ))}
          </ul>
        </>
      )}
      {changes.superseded.length > 0 && (
        <>
          <h3>جایگزین‌شده</h3>
          <ul>
            {changes.superseded.map((item) => (
              <Entry key={item.code} item={item} edition={previous}>
                {' — جایگزین‌شده با '}
                {(item.history.supersededBy ?? []).map((code) => {
                  const by = histories[code];
                  return by ? <Link key={code} to={regulationPath(edition, by.area, code)}>{by.title} (<bdi dir="ltr">{code}</bdi>)</Link> : <bdi key={code} dir="ltr">{code}</bdi>;
                })}
              </Entry>
            ))}
          </ul>
        </>
      )}
      {changes.repealed.length > 0 && (
        <>
          <h3>لغوشده</h3>
          <ul>
            {changes.repealed.map((item) => (
              <Entry key={item.code} item={item} edition={previous}>
                {' — آخرین متن: ویرایش '}
                {editionLabel(previous)}
              </Entry>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
