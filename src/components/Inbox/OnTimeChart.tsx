/**
 * Per company, the share of its targeted acknowledgments made on time, as a horizontal bar
 * chart (Chart.js): Persian digits on the axis and in the tooltips, Vazirmatn, right to left.
 * Loaded lazily by the report page, so Chart.js is fetched only where it is drawn.
 */
import type { ReactNode } from 'react';
import { BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { toPersianDigits } from '@site/src/domain/digits';

Chart.register(BarElement, CategoryScale, LinearScale, Tooltip);

export interface OnTimeBar {
  readonly label: string;
  /** 0–1. */
  readonly share: number;
}

const percent = (share: number) => `${toPersianDigits(Math.round(share * 100))}٪`;

export default function OnTimeChart({ bars }: { bars: readonly OnTimeBar[] }): ReactNode {
  const font = { family: "'Vazirmatn', Tahoma, sans-serif" };
  return (
    <div style={{ blockSize: `${Math.max(8, bars.length * 2.5 + 3)}rem` }}>
      <Bar
        aria-label="نمودار سهم تأیید در مهلت به تفکیک شرکت"
        role="img"
        data={{
          labels: bars.map((b) => b.label),
          datasets: [{ label: 'سهم تأیید در مهلت', data: bars.map((b) => b.share * 100), backgroundColor: '#2e7d5b' }],
        }}
        options={{
          indexAxis: 'y',
          maintainAspectRatio: false,
          locale: 'fa-IR',
          scales: {
            x: { min: 0, max: 100, position: 'bottom', reverse: true, ticks: { font, callback: (value) => percent(Number(value) / 100) } },
            y: { position: 'right', ticks: { font } },
          },
          plugins: {
            tooltip: { rtl: true, bodyFont: font, titleFont: font, callbacks: { label: (item) => percent(Number(item.raw) / 100) } },
          },
        }}
      />
    </div>
  );
}
