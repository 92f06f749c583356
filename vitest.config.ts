import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * Two projects: `unit` (fast, no database) and `integration` (`*.int.test.ts`: each file creates its own
 * database with db/testing.ts and drops it). Integration runs on PostgreSQL, or on PGlite with
 * QOLDAU_TEST_DRIVER=pglite.
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
          exclude: ["**/node_modules/**", "**/.next*/**", "**/.data/**"],
          // Creating a database and applying migrations takes a moment, more so on PGlite.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
