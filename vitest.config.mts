import { defineConfig } from "vitest/config";

// Three projects so the test command can run the fast, database-free unit tests first, the integration tests
// (which start a throwaway embedded PostgreSQL in globalSetup) second, and the system tests after the build.
export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "prisma/**/*.test.ts"],
          environment: "node",
          // Tests over the real bank parse 222 questions with their translations (about 4 s on 2 busy cores).
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          // Server actions translate their messages with next-intl: give them the English catalogue.
          setupFiles: ["tests/integration/intl-setup.ts"],
          // One database for the whole run: files run one after another so they never race on shared rows.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: "system",
          // Real processes on the production build (npm test runs this after the build): kill -9 and restart of the
          // launcher, two app instances on one database, backup and restore. Each file brings its own PostgreSQL;
          // one file at a time, because each keeps both cores busy.
          include: ["tests/system/**/*.test.ts"],
          environment: "node",
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
