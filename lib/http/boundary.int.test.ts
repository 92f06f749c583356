import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as confirmSignatureRoute } from "@/app/api/v1/signatures/confirm/route";
import { setProcessDatabase } from "@/db";
import { setUpTestDatabase } from "@/db/test-database";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { appUrl } from "@/lib/env";
import { catalogues } from "@/lib/i18n/translator";
import { makeUser } from "@/lib/organizers/test-world";
import { campaignCreateSchema } from "@/lib/validation/organizers";
import { runFormAction } from "./form-action";

// A real failure, not a stub: the process database is closed under the route and the action, so the driver
// throws what it throws when PostgreSQL (or PGlite) goes away — an error no domain code expected.
const database = setUpTestDatabase();
let admin: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  admin = await makeUser(database().db, "admin", `boundary-${randomBytes(3).toString("hex")}`);
  setProcessDatabase(database());
  await database().drop();
});

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const token = randomBytes(32).toString("base64url");

function captureErrors() {
  const lines: string[] = [];
  const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    lines.push(args.map(String).join(" "));
  });
  return { lines, restore: () => spy.mockRestore() };
}
let capture: ReturnType<typeof captureErrors> | undefined;
afterAll(() => capture?.restore());

describe("an unexpected error at the HTTP boundary", () => {
  it("in a route: the translated 500 page with a request id, one log line with the same id, nothing leaked", async () => {
    capture = captureErrors();
    const body = new URLSearchParams({ token, locale: "kk" }).toString();
    const response = await confirmSignatureRoute(
      new Request(`${appUrl()}/api/v1/signatures/confirm`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body }),
      undefined,
    );
    capture.restore();
    expect(response.status).toBe(500);
    expect(response.headers.get("content-type")).toContain("text/html");
    const page = await response.text();
    expect(page).toContain('lang="kk"');
    expect(page).toContain(catalogues.kk.error.title);
    expect(page).toContain(catalogues.kk.httpErrors.unexpected);
    const id = page.match(UUID)?.[0];
    expect(id).toBeDefined();
    expect(page).not.toMatch(/ at |Error|postgres|PGlite|CONNECTION|closed/i);
    expect(page).not.toContain(token);
    expect(capture.lines).toHaveLength(1);
    expect(capture.lines[0]).toContain(`[confirm signature] request ${id} failed:`);
    expect(capture.lines[0]).not.toContain("\n");
    expect(capture.lines[0]).not.toContain(token);
  });

  it("in a route asked for JSON: a 500 problem with the request id and the translated message", async () => {
    capture = captureErrors();
    const response = await confirmSignatureRoute(
      new Request(`${appUrl()}/api/v1/signatures/confirm`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token, locale: "en" }) }),
      undefined,
    );
    capture.restore();
    expect(response.status).toBe(500);
    const problem = (await response.json()) as Record<string, string>;
    expect(Object.keys(problem).sort()).toEqual(["error", "message", "requestId"]);
    expect(problem).toMatchObject({ error: "unexpected", message: catalogues.en.httpErrors.unexpected });
    expect(capture.lines).toHaveLength(1);
    expect(capture.lines[0]).toContain(`request ${problem.requestId} failed`);
  });

  it("in a server action: the form again with the translated error and its request id, and one log line", async () => {
    capture = captureErrors();
    const text = { ru: "Кампания", kk: "Науқан", en: "Campaign" };
    const values = { slug: `boundary-${randomBytes(3).toString("hex")}`, name: text, tagline: text, locale: "ru" };
    const outcome = await runFormAction({
      name: "dashboard",
      locale: "ru",
      actor: admin,
      values,
      schema: campaignCreateSchema,
      db: async () => database().db,
      operation: async (db, actor, input, locale) => `/${locale}/dashboard/campaigns/${(await createCampaign(db, actor, input)).id}`,
    });
    capture.restore();
    expect("state" in outcome).toBe(true);
    if (!("state" in outcome)) return;
    const id = outcome.state.message?.match(UUID)?.[0];
    expect(outcome.state.message).toContain(catalogues.ru.httpErrors.unexpected);
    expect(id).toBeDefined();
    expect(outcome.state.values).toEqual(values);
    expect(capture.lines).toHaveLength(1);
    expect(capture.lines[0]).toContain(`[dashboard] request ${id} failed:`);
  });
});
