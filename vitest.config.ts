import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * Integration files that compare response times (the same answer in the same time, whoever asks): run on their
 * own, one file at a time, after the others (scripts/test-all.sh), so other files' databases and workers do not
 * take the CPU from one side of a comparison.
 */
const timingFiles = ["lib/auth/sign-in.int.test.ts", "lib/signatures/duplicate-timing.int.test.ts"];

/**
 * Three projects: `unit` (fast, no database), `integration` (`*.int.test.ts`: each file creates its own
 * database with db/testing.ts and drops it) and `timing` (the integration files that measure time). Integration
 * and timing run on PostgreSQL, or on PGlite with QOLDAU_TEST_DRIVER=pglite.
 */
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // Outside the react-server build `server-only` throws on import; in tests it is just a marker.
      { find: /^server-only$/, replacement: `${root}/node_modules/server-only/empty.js` },
    ],
  },
  test: {
    environment: "node",
    exclude: ["**/node_modules/**", "**/.next*/**", "**/.data/**", "e2e/**/*.spec.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["**/*.test.ts"],
          exclude: ["**/node_modules/**", "**/.next*/**", "**/.data/**", "**/*.int.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["**/*.int.test.ts"],
          exclude: ["**/node_modules/**", "**/.next*/**", "**/.data/**", ...timingFiles],
          // Creating a database and applying migrations takes a moment, more so on PGlite.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "timing",
          include: timingFiles,
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
