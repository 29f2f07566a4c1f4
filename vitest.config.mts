import { defineConfig } from 'vitest/config';

export default defineConfig({
  // @docusaurus/tsconfig says `jsx: preserve`; tests need JSX compiled.
  oxc: { jsx: { runtime: 'automatic' } },
  test: {
    include: ['{src,server,plugins,scripts}/**/__tests__/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.ts', 'tests/build-output/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
