/**
 * The figures a reliability scenario reports (times, counts, rates): each one is printed and
 * appended as a JSON line to the file `scripts/test-reliability.ts` names, which prints them
 * all in one table at the end. Figures are reported, never asserted: the tests assert
 * correctness (nothing lost, resumed, fell back) and only print how long it took.
 */
import { appendFileSync } from 'node:fs';

export interface Figure {
  readonly scenario: string;
  readonly figure: string;
  readonly value: number | string;
  readonly unit?: string;
}

const FILE = process.env.AYIN_RELIABILITY_FIGURES;

export function reportFigure(figure: Figure): void {
  const value = typeof figure.value === 'number' ? Math.round(figure.value * 100) / 100 : figure.value;
  const line = { ...figure, value };
  console.log(`[figure] ${figure.scenario}: ${figure.figure} = ${value}${figure.unit ? ` ${figure.unit}` : ''}`);
  if (FILE) appendFileSync(FILE, `${JSON.stringify(line)}\n`);
}

/** The q-quantile (0–1) of some durations, nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
