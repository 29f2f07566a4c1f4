/**
 * How big a reliability run is, decided once by `scripts/test-reliability.ts` and handed to
 * the test processes it starts (vitest, Playwright) through one variable, read here only.
 * Quick mode is the bounded run of `npm test` (CI); full mode is the one the figures in
 * BENCHMARKS.md come from.
 */
export interface ReliabilityMode {
  readonly quick: boolean;
  /** fast-check runs per property. */
  readonly propertyRuns: number;
  /** Concurrent learners in the load scenario, and answers each. */
  readonly learners: number;
  readonly answersPerLearner: number;
}

export const MODES: Record<'quick' | 'full', ReliabilityMode> = {
  quick: { quick: true, propertyRuns: 2_000, learners: 50, answersPerLearner: 20 },
  full: { quick: false, propertyRuns: 20_000, learners: 500, answersPerLearner: 20 },
};

export function reliabilityMode(value = process.env.AYIN_RELIABILITY_MODE): ReliabilityMode {
  return value === 'full' ? MODES.full : MODES.quick;
}
