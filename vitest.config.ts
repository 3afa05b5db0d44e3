import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Tests run against sources, so `pnpm test` works without a prior `pnpm build`.
export default defineConfig({
  resolve: {
    alias: {
      '@veil/vault': src('./packages/vault/src/index.ts'),
      '@veil/ner-models': src('./packages/ner-models/src/index.ts'),
      '@veil/scanners': src('./packages/scanners/src/index.ts'),
      '@veil/langchain/agent': src('./packages/langchain/src/agent.ts'),
      '@veil/langchain': src('./packages/langchain/src/index.ts'),
    },
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'benchmarks/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'test/**/*.test.ts', 'examples/*/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
