import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // @docusaurus/tsconfig says `jsx: preserve`; tests need JSX compiled.
  oxc: { jsx: { runtime: 'automatic' } },
  // Docusaurus's alias for the site root, used by browser code (src/lib/api.ts imports the contract).
  resolve: { alias: { '@site': path.resolve(import.meta.dirname) } },
  test: {
    include: ['{src,server,plugins,scripts}/**/__tests__/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.ts', 'tests/build-output/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
