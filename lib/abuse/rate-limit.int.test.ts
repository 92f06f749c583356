import { describe, expect, it } from "vitest";
import { rateLimitCounters } from "@/db/schema";
import { setUpTestDatabase } from "@/db/test-database";
import { addressPolicy } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { clientKey, type RateLimit, signInPerClient, withinLimit } from "./rate-limit";

// As scripts/serve.mjs sets them (env() is read lazily, after these lines).
const peerHeader = "x-qoldau-peer-0123456789abcdef01234567";
process.env.QOLDAU_PEER_HEADER = peerHeader;
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";

const database = setUpTestDatabase();

const limit: RateLimit = { bucket: "test", max: 3, windowSeconds: 60 };
const at = (seconds: number) => new Date(Date.UTC(2026, 11, 1, 12, 0, 0) + seconds * 1000);

describe("withinLimit", () => {
  it("allows exactly max hits per window, then refuses until the earlier hits have slid out of it", async () => {
    const results = [];
    for (const s of [0, 10, 20, 30, 59]) results.push(await withinLimit(database().db, limit, "k1", at(s)));
    expect(results).toEqual([true, true, true, false, false]);
    // Just past the boundary the burst still counts (a fixed window would let 3 more in at once).
    expect(await withinLimit(database().db, limit, "k1", at(60))).toBe(false);
    // Half a window on: 2 here + half of the previous window's 5 = 4.5 > 3.
    expect(await withinLimit(database().db, limit, "k1", at(90))).toBe(false);
    // A quiet window later the client is let in again.
    expect(await withinLimit(database().db, limit, "k1", at(200))).toBe(true);
    // Another key has its own count.
    expect(await withinLimit(database().db, limit, "k2", at(59))).toBe(true);
  });

  it("a burst that straddles a window boundary is one burst", async () => {
    const outcomes = [];
    for (const s of [55, 56, 57, 61, 62]) outcomes.push(await withinLimit(database().db, limit, "k4", at(s)));
    expect(outcomes).toEqual([true, true, true, false, false]);
  });

  it("loses no hit under concurrency, and keeps one row per key", async () => {
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => withinLimit(database().db, limit, "k3", at(120))));
    expect(outcomes.filter(Boolean)).toHaveLength(3);
    expect(await withinLimit(database().db, limit, "k3", at(300))).toBe(true);
    const rows = (await database().db.select().from(rateLimitCounters)).filter((r) => r.key === "k3");
    expect(rows).toHaveLength(1);
    expect(rows[0]!.hits).toBe(1);
  });
});

describe("sign-in requests per client", () => {
  // As the sign route and the sign-in action derive it: the client address of the request, then its key.
  const from = (address: string, forwarded?: string) =>
    clientAddress(new Headers({ [peerHeader]: address, ...(forwarded ? { "x-forwarded-for": forwarded } : {}) }), addressPolicy());

  it("the client key is a keyed hash of the address, the same for the same client, never the address", () => {
    expect(clientKey(from("203.0.113.9"))).toBe(clientKey(from("::ffff:203.0.113.9")));
    expect(clientKey(from("203.0.113.9"))).not.toBe(clientKey(from("203.0.113.10")));
    expect(clientKey(from("203.0.113.9"))).not.toContain("203");
    // X-Forwarded-For without TRUSTED_PROXIES changes nothing: a client cannot rotate its key by lying.
    expect(clientKey(from("203.0.113.9", "198.51.100.1"))).toBe(clientKey(from("203.0.113.9", "198.51.100.2")));
  });

  it(`refuses the ${signInPerClient.max + 1}th request of one client in a window, not another client's`, async () => {
    const now = at(600);
    const one = clientKey(from("203.0.113.20"));
    const answers = [];
    for (let i = 0; i <= signInPerClient.max; i++) answers.push(await withinLimit(database().db, signInPerClient, one, now));
    expect(answers.filter(Boolean)).toHaveLength(signInPerClient.max);
    expect(answers.at(-1)).toBe(false);
    expect(await withinLimit(database().db, signInPerClient, clientKey(from("203.0.113.21")), now)).toBe(true);
  });
});
