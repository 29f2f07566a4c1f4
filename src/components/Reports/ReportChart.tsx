/**
 * The one chart of the supervision and acknowledgment reports (Chart.js through react-chartjs-2):
 * right to left, Vazirmatn, Persian digits on the axes
 * and in the tooltips, an accessible name, and the same figures as a table beside it for
 * screen readers and for readers without canvas. Loaded lazily by the page, so Chart.js is
 * fetched only where a chart is drawn.
 */
import type { ReactNode } from 'react';
import { BarElement, CategoryScale, Chart, LinearScale, LineElement, PointElement, Tooltip } from 'chart.js';
import { Bar, Line } from 'react-chartjs-2';
import { toPersianDigits } from '@site/src/domain/digits';
import styles from '@site/src/components/Training/styles.module.css';

Chart.register(BarElement, CategoryScale, LinearScale, LineElement, PointElement, Tooltip);

export interface ReportChartPoint {
  readonly label: string;
  readonly value: number;
}

export interface ReportChartProps {
  /** The chart's accessible name and the table's caption. */
  readonly title: string;
  /** What the value is («درصد قبولی»), for the tooltip and the table's column. */
  readonly valueLabel: string;
  readonly points: readonly ReportChartPoint[];
  /** `line` for a series over time; `bar` (horizontal) for groups. */
  readonly kind?: 'bar' | 'line';
  /** Values are percents (0–100): axis fixed, «٪» after each figure. */
  readonly percent?: boolean;
}

const font = { family: "'Vazirmatn', Tahoma, sans-serif" };

export default function ReportChart({ title, valueLabel, points, kind = 'bar', percent = false }: ReportChartProps): ReactNode {
  const show = (value: number) => `${toPersianDigits(Math.round(value * 10) / 10)}${percent ? '٪' : ''}`;
  const labels = points.map((p) => toPersianDigits(p.label));
  // A company's or question's full name can be longer than a phone's label column: the axis
  // shows its start, the tooltip and the table below the whole name.
  const shortLabel = (_value: string | number, index: number) => {
    const label = labels[index] ?? '';
    return label.length > 18 ? `${label.slice(0, 17)}…` : label;
  };
  const data = { labels, datasets: [{ label: valueLabel, data: points.map((p) => p.value), backgroundColor: '#2e7d5b', borderColor: '#2e7d5b' }] };
  const valueAxis = { ...(percent ? { min: 0, max: 100 } : { beginAtZero: true }), ticks: { font, precision: 0, callback: (value: string | number) => show(Number(value)) } };
  const tooltip = { rtl: true, bodyFont: font, titleFont: font, callbacks: { label: (item: { raw: unknown }) => `${valueLabel}: ${show(Number(item.raw))}` } };
  return (
    <figure className={styles.section} data-chart={title}>
      {kind === 'line' ? (
        <div style={{ blockSize: '16rem' }}>
          <Line
            aria-label={title}
            role="img"
            data={data}
            options={{ maintainAspectRatio: false, locale: 'fa-IR', scales: { x: { reverse: true, ticks: { font } }, y: { ...valueAxis, position: 'right' } }, plugins: { tooltip } }}
          />
        </div>
      ) : (
        <div style={{ blockSize: `${Math.max(8, points.length * 2.5 + 3)}rem` }}>
          <Bar
            aria-label={title}
            role="img"
            data={data}
            options={{ indexAxis: 'y', maintainAspectRatio: false, locale: 'fa-IR', scales: { x: { ...valueAxis, reverse: true }, y: { position: 'right', ticks: { font, callback: shortLabel } } }, plugins: { tooltip } }}
          />
        </div>
      )}
      <details>
        <summary>جدول نمودار</summary>
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">گروه</th>
                <th scope="col">{valueLabel}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p, i) => (
                <tr key={p.label}>
                  <th scope="row">{labels[i]}</th>
                  <td className={styles.num}>{show(p.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
