import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sessions } from "@/db/schema";
import { setUpTestDatabase } from "@/db/test-database";
import { appUrl } from "@/lib/env";
import { makeUser } from "@/lib/organizers/test-world";
import { hashSessionToken } from "./adapter";
import { handleAuthRequest, MAX_AUTH_BODY_BYTES } from "./handler";

// Auth.js's HTTP endpoints as app/api/auth/[...nextauth] serves them, on a real database().
const database = setUpTestDatabase();

const handle = (request: Request) => handleAuthRequest(database().db, request);

describe("GET /api/auth/session", () => {
  it("tells the browser who is signed in and until when — never the session token", async () => {
    const user = await makeUser(database().db, "organizer", `session-${randomBytes(3).toString("hex")}`);
    const token = randomBytes(32).toString("base64url");
    await database().db.insert(sessions).values({ sessionToken: hashSessionToken(token), userId: user.userId, expires: new Date(Date.now() + 3_600_000) });

    const response = await handle(new Request(`${appUrl()}/api/auth/session`, { headers: { cookie: `authjs.session-token=${token}` } }));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-store");
    const text = await response.text();
    expect(text).not.toContain(token);
    expect(text).not.toContain(hashSessionToken(token));
    const body = JSON.parse(text) as { user: Record<string, unknown>; expires: string };
    expect(Object.keys(body).sort()).toEqual(["expires", "user"]);
    expect(Object.keys(body.user).sort()).toEqual(["email", "name", "role"]);
    expect(body.user).toMatchObject({ email: user.email, role: "organizer" });
    expect(new Date(body.expires).getTime()).toBeGreaterThan(Date.now());
  });

  it("answers null to nobody in particular", async () => {
    const response = await handle(new Request(`${appUrl()}/api/auth/session`));
    expect(await response.json()).toBeNull();
  });
});

describe("request bodies", () => {
  it("refuses a declared body over the cap unread (413)", async () => {
    const body = new URLSearchParams({ email: "a@example.org", pad: "x".repeat(MAX_AUTH_BODY_BYTES) }).toString();
    const response = await handle(new Request(`${appUrl()}/api/auth/signin/email`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "content-length": String(body.length) }, body }));
    expect(response.status).toBe(413);
  });

  it("stops reading an endless chunked body at the cap (413), instead of holding it in memory", async () => {
    let pulled = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
      cancel() {
        cancelled = true;
      },
    });
    const response = await handle(
      new Request(`${appUrl()}/api/auth/signin/email`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: endless, duplex: "half" } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThan(1024 * 1024);
  });
});
