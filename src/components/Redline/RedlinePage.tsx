/** `/redline/<CODE>/<from>/<to>`: a redline made at build time for one amendment. */
import type { ReactNode } from 'react';
import Layout from '@theme/Layout';
import Link from '@docusaurus/Link';
import type { RedlinePageData } from '@site/plugins/editions/history-data';
import { editionPagePath, regulationPath, editionLabel } from '@site/src/lib/edition-paths';
import RedlineView from './RedlineView';
import styles from './styles.module.css';

export function RedlineHeader({ code, title, area, from, to }: { code: string; title: string; area: string; from: string; to: string }): ReactNode {
  return (
    <header className={styles.head}>
      <h1>
        مقایسه {title} (<bdi dir="ltr">{code}</bdi>)
      </h1>
      <dl>
        <dt>از ویرایش</dt>
        <dd>
          <Link to={regulationPath(from, area, code)} data-testid="redline-from">متن ویرایش {editionLabel(from)}</Link>
          {from !== 'next' && <> · <Link to={editionPagePath(from)} className={styles.noPrint}>ویژگی‌های این ویرایش</Link></>}
        </dd>
        <dt>به ویرایش</dt>
        <dd>
          <Link to={regulationPath(to, area, code)} data-testid="redline-to">{to === 'next' ? 'پیش‌نویس ویرایش بعد' : `متن ویرایش ${editionLabel(to)}`}</Link>
          {to !== 'next' && <> · <Link to={editionPagePath(to)} className={styles.noPrint}>همه تغییرات این ویرایش</Link></>}
        </dd>
      </dl>
    </header>
  );
}

export default function RedlinePage({ redline }: { redline: RedlinePageData }): ReactNode {
  const { code, title, from, to } = redline;
  return (
    <Layout title={`مقایسه ${code}: ویرایش ${editionLabel(from)} و ${editionLabel(to)}`} description={redline.summary}>
      <main className="container margin-vert--lg" data-testid="redline">
        <RedlineHeader {...redline} />
        <RedlineView diff={redline.diff} />
        <p className={styles.noPrint}>
          نشانی این صفحه پایدار است و می‌توان به آن ارجاع داد. برای چاپ از فرمان چاپ مرورگر استفاده کنید.
        </p>
      </main>
    </Layout>
  );
}
