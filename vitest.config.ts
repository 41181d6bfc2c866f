import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS and ESM builds. Node loads the CJS one for graphql-yoga; Vite would
    // give our sources the ESM one, and two GraphQLError classes make yoga mask our errors.
    alias: { graphql: 'graphql/index.js' },
  },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // One Neo4j serves every file, and each file cleans the graph: files run one at a time.
    fileParallelism: false,
    // A cap against a hung test, not a speed check (bench/ measures speed): a test that spawns
    // the CLI six times took over 60 s on a shared 2-core machine at a load average of 23.
    testTimeout: 180_000,
    hookTimeout: 240_000,
  },
});
