import { describe, expect, it } from "vitest";
import { setUpTestDatabase } from "@/db/test-database";
import { insertPendingSignaturesWithEmails } from "@/db/queries/signatures";
import { describeError, installLogRedaction } from "./log";

// A real failure of the real driver (PostgreSQL or PGlite) with a signer's data bound into the query: what
// reaches the log must not hold the name, the address or the token's nonce.

const database = setUpTestDatabase();

const signer = {
  petitionSlug: "no-such-petition",
  emailNormalized: "aliya.secret@example.org",
  name: "Әлия Құпиякызы",
  locale: "kk" as const,
  consentUpdates: true,
  consentWordingVersion: "v1",
  showNamePublicly: false,
  consentDelivery: true,
  consentDeliveryWordingVersion: "v1",
  tokenNonce: "n0nceQ7x2LmZpR4tV9wYb3Kc",
  tokenHash: "a3f1c9e27b5d4086f1e2d3c4b5a69788a3f1c9e27b5d4086f1e2d3c4b5a69788",
  tokenExpiresAt: new Date(),
};

async function failure(): Promise<unknown> {
  // PostgreSQL's jsonb refuses U+0000 in text: the statement fails with the signer's data bound to it (the address
  // and the name sealed, db/personal-data.ts; the link's nonce as it is).
  return insertPendingSignaturesWithEmails(database().db, [{ ...signer, tokenNonce: `${signer.tokenNonce}\u0000`, petitionSlug: "x" }], { burst: 30, hourly: 300 }, 1, 3).then(
    () => {
      throw new Error("expected the insert to fail");
    },
    (error: unknown) => error,
  );
}

describe("what a database error leaves in the log", () => {
  it("the raw error does carry the bound data (which is why it is never printed whole), but never an address or a name", async () => {
    const error = await failure();
    const raw = `${String(error)} ${JSON.stringify(error, Object.getOwnPropertyNames(error as object))}`;
    expect(raw).toContain(signer.tokenNonce);
    // Sealed before they are bound: even the raw error holds no address and no name.
    for (const secret of [signer.emailNormalized, signer.name, "Құпиякызы"]) expect(raw).not.toContain(secret);
  });

  it("describeError and the redacting console print its cause and none of the data", async () => {
    const error = await failure();
    const lines: string[] = [];
    const sink = Object.fromEntries(["log", "info", "warn", "error", "debug", "trace"].map((m) => [m, (l: string) => lines.push(l)])) as unknown as Console;
    installLogRedaction(sink);
    sink.error("[sign]", error);
    sink.error(`[sign] ${describeError(error)}`);
    const text = lines.join("\n");
    expect(text).toMatch(/\[sign\] \w*Error/);
    for (const secret of [signer.emailNormalized, signer.name, "Құпиякызы", signer.tokenNonce, signer.tokenHash]) expect(text).not.toContain(secret);
  });
});
