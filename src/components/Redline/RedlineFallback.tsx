/**
 * Any `/redline/…` path the build did not make: an unknown edition, the same
 * edition twice, a regulation missing from one side, or a pair that is not a consecutive
 * change (compared on demand). Always a Persian explanation, never a bare 404.
 */
import type { ReactNode } from 'react';
import Layout from '@theme/Layout';
import BrowserOnly from '@docusaurus/BrowserOnly';
import { useLocation } from '@docusaurus/router';
import { useEditionNames, useEditionsData } from '@site/src/lib/useEditionHistory';
import Comparison, { Message } from './Comparison';

function Body(): ReactNode {
  const { pathname } = useLocation();
  const names = useEditionNames();
  const { hasNext } = useEditionsData();
  const known = hasNext ? [...names, 'next'] : names;
  const parts = pathname.split('/').filter(Boolean).map((p) => decodeURIComponent(p));
  const [, code, from, to] = parts;
  if (!code || !from || !to || parts.length > 4) {
    return <Message>نشانی مقایسه باید به شکل ‎/redline/کد/ویرایش-مبدأ/ویرایش-مقصد‎ باشد؛ مثلاً ‎/redline/CS-002/1403-07/1406-01‎.</Message>;
  }
  return <Comparison known={known} code={code.toUpperCase()} from={from} to={to} />;
}

export default function RedlineFallback(): ReactNode {
  return (
    <Layout title="مقایسه ویرایش‌ها">
      <main className="container margin-vert--lg">
        <BrowserOnly fallback={<p>در حال آماده‌کردن…</p>}>{() => <Body />}</BrowserOnly>
      </main>
    </Layout>
  );
}
