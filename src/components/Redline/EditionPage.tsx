/** `/editions/<name>`: the change list of an edition against the one before it. */
import type { ReactNode } from 'react';
import Layout from '@theme/Layout';
import Link from '@docusaurus/Link';
import type { EditionPageData } from '@site/plugins/editions/history-data';
import type { ChangeListEntry } from '@site/src/domain/edition-history';
import { toPersianDigits } from '@site/src/domain/digits';
import { formatJalaliNumeric } from '@site/src/domain/jalali';
import { useAyinData } from '@site/src/lib/useAyinData';
import { datedEditions, STATUS_LABEL, statusOn } from '@site/src/lib/edition-status';
import { comparePath, EDITIONS_ROUTE, redlinePath, regulationPath, editionLabel } from '@site/src/lib/edition-paths';
import { useViewingDay } from '@site/src/lib/useViewingDay';

function Text({ entry, edition }: { entry: ChangeListEntry; edition: string }) {
  return (
    <Link to={regulationPath(edition, entry.area, entry.code)}>
      {entry.title} (<bdi dir="ltr">{entry.code}</bdi>)
    </Link>
  );
}

export function ChangeList({ changes }: { changes: EditionPageData['changes'] }): ReactNode {
  const { from, to } = changes;
  if (!from) return <p data-testid="baseline">این نخستین ویرایش منتشرشده است و مبنای مقایسه ویرایش‌های بعدی است؛ فهرست تغییری ندارد.</p>;
  const empty = !changes.added.length && !changes.amended.length && !changes.repealed.length && !changes.superseded.length;
  return (
    <div data-testid="change-list">
      {empty && <p>میان این دو ویرایش هیچ متنی تغییر نکرده است.</p>}
      {changes.amended.length > 0 && (
        <section>
          <h2>اصلاح‌شده ({toPersianDigits(changes.amended.length)})</h2>
          <ul>
            {changes.amended.map((e) => (
              <li key={e.code} data-code={e.code}>
                <Text entry={e} edition={to} />: {e.summary} — <Link to={redlinePath(e.code, from, to)}>مقایسه متن</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {changes.added.length > 0 && (
        <section>
          <h2>افزوده‌شده ({toPersianDigits(changes.added.length)})</h2>
          <ul>
            {changes.added.map((e) => (
              <li key={e.code} data-code={e.code}>
                <Text entry={e} edition={to} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {changes.superseded.length > 0 && (
        <section>
          <h2>جایگزین‌شده ({toPersianDigits(changes.superseded.length)})</h2>
          <ul>
            {changes.superseded.map((e) => (
              <li key={e.code} data-code={e.code}>
                <Text entry={e} edition={from} /> — جایگزین‌شده با {e.by.map((c) => <bdi key={c} dir="ltr">{c}</bdi>)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {changes.repealed.length > 0 && (
        <section>
          <h2>لغوشده ({toPersianDigits(changes.repealed.length)})</h2>
          <ul>
            {changes.repealed.map((e) => (
              <li key={e.code} data-code={e.code}>
                <Text entry={e} edition={from} /> — در ویرایش {editionLabel(to)} دیگر وجود ندارد
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

export default function EditionPage({ edition }: { edition: EditionPageData }): ReactNode {
  const editions = datedEditions(useAyinData().editions);
  const today = useViewingDay();
  const entry = editions.find((e) => e.name === edition.name)!;
  const status = today && statusOn(editions, edition.name, today);
  const name = editionLabel(edition.name);
  return (
    <Layout title={`ویرایش ${name}`} description={entry.summary}>
      <main className="container margin-vert--lg">
        <h1>ویرایش {name}</h1>
        <p>
          لازم‌الاجرا از {formatJalaliNumeric(entry.date)}؛ ابلاغیه {entry.notification.number} مورخ {toPersianDigits(entry.notification.date)}.
          {' '}
          وضعیت امروز: <strong data-testid="edition-status">{status ? STATUS_LABEL[status] : '…'}</strong>
        </p>
        <p>{entry.summary}</p>
        {edition.changes.from && (
          <p>
            تغییرات نسبت به ویرایش {editionLabel(edition.changes.from)}. مقایسه با ویرایش دیگر:{' '}
            {editions
              .filter((e) => e.name !== edition.name && e.name !== edition.changes.from)
              .map((e) => (
                <Link key={e.name} to={comparePath(e.name, edition.name)}>
                  {editionLabel(e.name)}{' '}
                </Link>
              ))}
          </p>
        )}
        <ChangeList changes={edition.changes} />
        <p>
          <Link to={EDITIONS_ROUTE}>همه ویرایش‌ها</Link>
        </p>
      </main>
    </Layout>
  );
}
