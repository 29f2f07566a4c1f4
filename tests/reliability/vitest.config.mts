import { defineConfig } from 'vitest/config';

// The reliability scenarios (`npm run test:reliability`): kept out of the normal suite, whose
// include does not reach `tests/reliability`. One file at a time: each starts servers,
// databases or Meilisearch of its own, and two cores are shared.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic' } },
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/reliability/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 300_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
