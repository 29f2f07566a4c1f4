/** A report chart drawn in the browser only, once Chart.js has loaded (it is fetched only by pages that draw one). */
import { lazy, Suspense, type ReactNode } from 'react';
import BrowserOnly from '@docusaurus/BrowserOnly';
import { Loading } from '@site/src/components/Training/SignedIn';
import type { ReportChartProps } from './ReportChart';

const ReportChart = lazy(() => import('./ReportChart'));

export default function LazyChart(props: ReportChartProps): ReactNode {
  if (!props.points.length) return null;
  return (
    <BrowserOnly>
      {() => (
        <Suspense fallback={<Loading label="در حال بارگذاری نمودار…" />}>
          <ReportChart {...props} />
        </Suspense>
      )}
    </BrowserOnly>
  );
}
