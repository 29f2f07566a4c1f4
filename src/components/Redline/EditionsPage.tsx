/** `/editions`: every published edition, with its status decided when the page is viewed. */
import type { ReactNode } from 'react';
import Layout from '@theme/Layout';
import Link from '@docusaurus/Link';
import { useLocation } from '@docusaurus/router';
import { Message } from './Comparison';
import { toPersianDigits } from '@site/src/domain/digits';
import { formatJalaliNumeric } from '@site/src/domain/jalali';
import { useAyinData } from '@site/src/lib/useAyinData';
import { datedEditions, STATUS_LABEL, statusOn } from '@site/src/lib/edition-status';
import { editionPagePath, editionLabel } from '@site/src/lib/edition-paths';
import { useViewingDay } from '@site/src/lib/useViewingDay';
import styles from './styles.module.css';

interface Counts {
  readonly name: string;
  readonly added: number;
  readonly amended: number;
  readonly repealed: number;
}

export default function EditionsPage({ counts }: { counts: Counts[] }): ReactNode {
  const editions = datedEditions(useAyinData().editions);
  const today = useViewingDay();
  const { pathname } = useLocation();
  // `/editions/<name>` for a name the build has no page for.
  const unknown = decodeURIComponent(pathname.replace(/^\/editions\/?/, '').replace(/\/$/, ''));
  return (
    <Layout title="ویرایش‌های مقررات" description="ویرایش‌های منتشرشده مقررات، تاریخ اجرا و تغییرات هر ویرایش">
      <main className="container margin-vert--lg">
        {unknown && (
          <Message>
            ویرایش «{editionLabel(unknown)}» وجود ندارد. ویرایش‌های منتشرشده در جدول زیر آمده‌اند.
          </Message>
        )}
        <h1>ویرایش‌های مقررات</h1>
        <p>
          هر ویرایش مجموعه کامل مقرراتی است که از تاریخ اجرای آن تا ویرایش بعد لازم‌الاجراست. برای دیدن متن لازم‌الاجرا در یک تاریخ
          خاص از <Link to="/at">جست‌وجو بر پایه تاریخ</Link> استفاده کنید.
        </p>
        <div className={styles.tableWrap}>
        <table className={styles.table} data-testid="editions-table">
          <thead>
            <tr>
              <th>ویرایش</th>
              <th>تاریخ اجرا</th>
              <th>ابلاغیه</th>
              <th>خلاصه</th>
              <th>وضعیت</th>
              <th>تغییرات</th>
            </tr>
          </thead>
          <tbody>
            {[...editions].reverse().map((e, i) => {
              const status = today && statusOn(editions, e.name, today);
              const c = counts.find((x) => x.name === e.name);
              const first = i === editions.length - 1;
              return (
                <tr key={e.name} data-edition={e.name}>
                  <td>
                    <Link to={editionPagePath(e.name)}>{editionLabel(e.name)}</Link>
                  </td>
                  <td>{formatJalaliNumeric(e.date)}</td>
                  <td>
                    {e.notification.number} <small>({toPersianDigits(e.notification.date)})</small>
                  </td>
                  <td>{e.summary}</td>
                  {/* Filled in the browser: the build's date says nothing about today. */}
                  <td data-testid="edition-status" aria-busy={!status}>{status ? STATUS_LABEL[status] : '…'}</td>
                  <td>
                    {first || !c
                      ? 'ویرایش مبنا'
                      : `${toPersianDigits(c.amended)} اصلاح، ${toPersianDigits(c.added)} افزوده، ${toPersianDigits(c.repealed)} لغو یا جایگزین`}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        </div>
      </main>
    </Layout>
  );
}
