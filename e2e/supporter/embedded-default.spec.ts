import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "../support/fixtures";
import { petitionSlug, t } from "../support/site";

// The embedded default as a newcomer runs it: no DATABASE_URL, no mail provider — PGlite in a data
// folder, migrated and seeded on start, and mail kept in the dev mailbox to read in the browser.
// Uses the build made by the global setup (.next-e2e).

let server: ChildProcess | undefined;
let dataDir = "";
let baseURL = "";

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dataDir = mkdtempSync(path.join(os.tmpdir(), "qoldau-embedded-"));
  const port = await freePort();
  baseURL = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: ".next-e2e",
    PGLITE_DIR: path.join(dataDir, "pglite"),
    DATA_DIR: dataDir,
    APP_URL: baseURL,
    PORT: String(port),
  };
  for (const name of ["DATABASE_URL", "RESEND_API_KEY", "RESEND_BASE_URL", "DEV_MAILBOX", "AUTH_SECRET"]) delete env[name];
  server = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(port)], {
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 100_000;
  for (;;) {
    const ok = await fetch(`${baseURL}/ru`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline || server.exitCode !== null) throw new Error("the embedded default did not start");
    await new Promise((r) => setTimeout(r, 500));
  }
});

test.afterAll(async () => {
  server?.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 1000));
  rmSync(dataDir, { recursive: true, force: true });
});

test("on the embedded default a newcomer signs, reads the email in the dev mailbox and confirms (JavaScript off)", async ({ browser }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  const email = `newcomer.${Date.now()}@example.org`;

  await page.goto(`/en/petitions/${petitionSlug}`);
  await expect(page.getByTestId("signature-count")).toHaveAttribute("data-count", "0");
  await page.getByLabel(t("en", "signForm.name")).fill("Dana Newcomer");
  await page.getByLabel(t("en", "signForm.email")).fill(email);
  await page.getByRole("button", { name: t("en", "signForm.submit") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("en", "signed.title"));

  await page.getByRole("link", { name: t("en", "signed.devMailboxLink") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("en", "devMailbox.title"));
  // The worker sends within a second or two: reload until the email is there.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("row").filter({ hasText: email })).toHaveCount(1);
  }).toPass({ timeout: 20_000 });
  await page.getByRole("row").filter({ hasText: email }).getByRole("link").click();
  await expect(page.getByTestId("mail-text")).toContainText("Dana Newcomer");

  await page.getByTestId("mail-text").getByRole("link").filter({ hasText: "/confirm/" }).first().click();
  await page.getByRole("button", { name: t("en", "confirm.button") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("en", "thanks.title"));
  await expect(page.getByTestId("signature-count")).toHaveAttribute("data-count", "1");
  await context.close();
});

test("the dev mailbox exists only on the embedded default", async ({ page, baseURL: productionLike }) => {
  // The shared e2e server runs with a mail provider configured: no mailbox there.
  const response = await page.goto(`${productionLike}/en/dev/mailbox`);
  expect(response?.status()).toBe(404);
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
