import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing";
import { appUrl } from "@/lib/env";
import { handleAuthRequest, MAX_AUTH_BODY_BYTES } from "./handler";

// Auth.js's HTTP endpoints as app/api/auth/[...nextauth] serves them, on a real database.
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.drop());

const handle = (request: Request) => handleAuthRequest(database.db, request);

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
