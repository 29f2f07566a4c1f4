/** `/at?date=1403-05-10&page=connection-sales/cs-002`: a citable "as in force on" link; resolves and redirects. */
import { useEffect, type ReactNode } from 'react';
import Layout from '@theme/Layout';
import BrowserOnly from '@docusaurus/BrowserOnly';
import Link from '@docusaurus/Link';
import { Redirect, useLocation } from '@docusaurus/router';
import PointInTimePicker from '@site/src/components/PointInTime';
import { useAyinData } from '@site/src/lib/useAyinData';
import { datedEditions } from '@site/src/lib/edition-status';
import { resolvePointInTime } from '@site/src/lib/point-in-time';
import { useEditionsData } from '@site/src/lib/useEditionHistory';
import { Message } from './Comparison';

function Body(): ReactNode {
  const { search } = useLocation();
  const { editions: editionList, taxonomy } = useAyinData();
  const editions = datedEditions(editionList);
  const areaOrder = taxonomy.areas.map((a) => a.id);
  const { histories } = useEditionsData();
  const params = new URLSearchParams(search);
  const date = params.get('date');
  const page = params.get('page') ?? undefined;
  const resolved = date ? resolvePointInTime(editions, histories, date, page, areaOrder) : undefined;
  useEffect(() => {
    if (resolved?.kind === 'go') document.title = 'در حال انتقال…';
  }, [resolved?.kind]);
  if (resolved?.kind === 'go') return <Redirect to={resolved.to} />;
  return (
    <>
      {resolved && (
        <Message>
          {resolved.message} {resolved.link && <Link to={resolved.link.to}>{resolved.link.label}</Link>}
        </Message>
      )}
      <PointInTimePicker page={page} initial={date ?? ''} />
    </>
  );
}

export default function AtPage(): ReactNode {
  return (
    <Layout title="متن لازم‌الاجرا در یک تاریخ" description="مقررات لازم‌الاجرا در هر تاریخ دلخواه">
      <main className="container margin-vert--lg">
        <h1>متن لازم‌الاجرا در یک تاریخ</h1>
        <p>تاریخ را وارد کنید تا متن مقرراتی را ببینید که در آن روز لازم‌الاجرا بود. نشانی این صفحه را می‌توان برای ارجاع به کار برد؛ مثلاً ‎/at?date=1403-05-10&amp;page=connection-sales/cs-002‎.</p>
        <BrowserOnly fallback={<p>در حال آماده‌کردن…</p>}>{() => <Body />}</BrowserOnly>
      </main>
    </Layout>
  );
}
