import { defineConfig, devices } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "./e2e/support/browser";

/**
 * End to end against `next build && next start` on a fresh PostgreSQL database, with Resend replaced
 * by the capture server at its HTTP boundary (see e2e/global-setup.ts).
 */
const fuzz = /attacker\/fuzz\.spec\.ts$/;
const browser = { ...devices["Desktop Chrome"], launchOptions: { executablePath: chromiumPath, args: chromiumArgs } };

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  globalSetup: "./e2e/global-setup.ts",
  outputDir: "test-results/e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]] : "list",
  use: {
    // Set by the global setup before the workers start.
    baseURL: process.env.E2E_BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      testIgnore: fuzz,
      use: browser,
    },
    {
      // The fuzz compares whole tables' row counts before and after each batch, so it runs alone, once every other
      // spec is done: another spec's signature in the meantime would look like a half-written refusal.
      name: "fuzz",
      testMatch: fuzz,
      dependencies: ["chromium"],
      use: browser,
    },
  ],
});
