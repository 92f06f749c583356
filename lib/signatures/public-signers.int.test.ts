import { eq } from "drizzle-orm";
import { sealedSigner } from "@/db/personal-data";
import { describe, expect, it } from "vitest";
import { incrementConfirmedCount, reconcileConfirmedCounts } from "@/db/queries/signatures";
import { petitionCountShards, signatures } from "@/db/schema";
import { setUpTestDatabase } from "@/db/test-database";
import { isAppError } from "@/lib/errors";
import { makeWorld } from "@/lib/organizers/test-world";
import { signatureConfirmable } from "./confirm-signature";
import { listPublicSigners } from "./list-public-signers";
import { listSignerNames } from "./list-signer-names";
import { setSignerNameHidden } from "./set-signer-name-hidden";

const database = setUpTestDatabase();
const db = () => database().db;

async function sign(petitionId: string, name: string, o: { state?: "pending" | "confirmed"; publicName?: boolean; confirmedAt?: string }) {
  const tag = `${name}-${Math.random()}`;
  const [row] = await db()
    .insert(signatures)
    .values({
      petitionId,
      ...sealedSigner(`${tag}@example.org`, name),
      locale: "ru",
      state: o.state ?? "confirmed",
      showNamePublicly: o.publicName ?? true,
      tokenNonce: tag,
      tokenHash: tag,
      tokenExpiresAt: new Date(Date.now() + 86_400_000),
      confirmedAt: (o.state ?? "confirmed") === "confirmed" ? new Date(o.confirmedAt ?? "2026-11-20T10:00:00Z") : null,
    })
    .returning({ id: signatures.id });
  // What confirming does to the counts (lib/signatures/confirm-signature.ts).
  if ((o.state ?? "confirmed") === "confirmed") await incrementConfirmedCount(db(), petitionId, { named: o.publicName ?? true });
  return row!.id;
}

describe("public list of signers", () => {
  it("names only confirmed signers who asked to be shown, newest first, with the day and nothing else", async () => {
    const w = await makeWorld(db());
    const p = w.published.id;
    await sign(p, "Әлия Нұрланқызы", { confirmedAt: "2026-11-20T18:30:00Z" }); // 23:30 in Almaty
    await sign(p, "Ұлан Қайратұлы", { confirmedAt: "2026-11-20T19:30:00Z" }); // 00:30 on the 21st in Almaty
    await sign(p, "Тихий Подписант", { publicName: false, confirmedAt: "2026-11-22T10:00:00Z" });
    await sign(p, "Ещё Не Подтвердил", { state: "pending" });
    const list = await listPublicSigners(db(), p);
    expect(list.total).toBe(2);
    expect(list.signers).toEqual([
      { name: "Ұлан Қайратұлы", day: "2026-11-21" },
      { name: "Әлия Нұрланқызы", day: "2026-11-20" },
    ]);
    expect(JSON.stringify(list)).not.toContain("@");
  });

  it("pages through the names by keyset, older and back newer, without repeats or gaps, also among names of one instant", async () => {
    const w = await makeWorld(db());
    const p = w.published.id;
    for (let i = 0; i < 5; i++) await sign(p, `Signer ${i}`, { confirmedAt: new Date(Date.parse("2026-11-01T00:00:00Z") + i * 3_600_000).toISOString() });
    // Two more confirmed at the same instant as Signer 2: the id breaks the tie, so neither is skipped or repeated.
    await sign(p, "Twin A", { confirmedAt: "2026-11-01T02:00:00Z" });
    await sign(p, "Twin B", { confirmedAt: "2026-11-01T02:00:00Z" });
    const names = (page: { signers: { name: string }[] }) => page.signers.map((s) => s.name);
    const walk = [await listPublicSigners(db(), p, { pageSize: 3 })];
    while (walk.at(-1)!.olderThan) walk.push(await listPublicSigners(db(), p, { pageSize: 3, older: walk.at(-1)!.olderThan! }));
    const seen = walk.flatMap(names);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect(seen.slice(0, 2)).toEqual(["Signer 4", "Signer 3"]);
    expect(seen.slice(-2)).toEqual(["Signer 1", "Signer 0"]);
    expect(walk.map((page) => page.signers.length)).toEqual([3, 3, 1]);
    expect(walk[0]!.newerThan).toBeNull();
    // Back from the last page: "newer" gives exactly the page before it, and from there the head again.
    const back = await listPublicSigners(db(), p, { pageSize: 3, newer: walk[2]!.newerThan! });
    expect(names(back)).toEqual(names(walk[1]!));
    expect(back.olderThan).toBe(walk[1]!.olderThan);
    const head = await listPublicSigners(db(), p, { pageSize: 3, newer: back.newerThan! });
    expect(names(head)).toEqual(names(walk[0]!));
    expect(head.newerThan).toBeNull();
    // The id of a row that is not on the public list (hidden since, or never shown) starts no page.
    const quiet = await sign(p, "Quiet", { publicName: false, confirmedAt: "2026-11-01T03:30:00Z" });
    expect((await listPublicSigners(db(), p, { pageSize: 3, older: quiet })).signers).toEqual([]);
    await setSignerNameHidden(db(), w.organizer, { petitionId: p, signatureId: await sign(p, "Hidden", {}), hidden: true });
    expect(names(await listPublicSigners(db(), p))).not.toContain("Hidden");
  });

  it("lets the petition's organizers hide a name (the signature still counts) and show it again; nobody else", async () => {
    const w = await makeWorld(db());
    const p = w.published.id;
    const fake = await sign(p, "Fake Name", {});
    await sign(p, "Real Name", {});
    await expect(setSignerNameHidden(db(), w.other, { petitionId: p, signatureId: fake, hidden: true })).rejects.toSatisfy((e) => isAppError(e, "not_found"));
    // A signature of another petition cannot be reached through this one.
    await expect(setSignerNameHidden(db(), w.organizer, { petitionId: w.closed.id, signatureId: fake, hidden: true })).rejects.toSatisfy((e) => isAppError(e, "not_found"));
    await setSignerNameHidden(db(), w.organizer, { petitionId: p, signatureId: fake, hidden: true });
    expect((await listPublicSigners(db(), p)).signers.map((s) => s.name)).toEqual(["Real Name"]);
    const moderation = await listSignerNames(db(), w.organizer, { petitionId: p, page: 1 });
    expect(moderation.names.map((n) => [n.name, n.hidden])).toEqual(expect.arrayContaining([["Fake Name", true], ["Real Name", false]]));
    await setSignerNameHidden(db(), w.admin, { petitionId: p, signatureId: fake, hidden: false });
    expect((await listPublicSigners(db(), p)).total).toBe(2);
  });

  it("counts the public names from the shards: hiding twice takes one off, showing again puts it back, and the recount mends drift", async () => {
    const w = await makeWorld(db());
    const p = w.published.id;
    const a = await sign(p, "Name A", {});
    await sign(p, "Name B", {});
    await sign(p, "Quiet", { publicName: false });
    await sign(p, "Pending", { state: "pending" });
    const total = async () => (await listPublicSigners(db(), p)).total;
    expect(await total()).toBe(2);
    await setSignerNameHidden(db(), w.organizer, { petitionId: p, signatureId: a, hidden: true });
    await setSignerNameHidden(db(), w.organizer, { petitionId: p, signatureId: a, hidden: true });
    expect(await total()).toBe(1);
    await setSignerNameHidden(db(), w.organizer, { petitionId: p, signatureId: a, hidden: false });
    await setSignerNameHidden(db(), w.organizer, { petitionId: p, signatureId: a, hidden: false });
    expect(await total()).toBe(2);
    // Hiding a name that is not on the list (not public, or not confirmed) moves nothing.
    const quiet = await sign(p, "Quiet 2", { publicName: false });
    await setSignerNameHidden(db(), w.organizer, { petitionId: p, signatureId: quiet, hidden: true });
    expect(await total()).toBe(2);
    // A row written around the counters (a bulk change, a restore) is folded in by the periodic recount.
    await db().update(petitionCountShards).set({ named: 40 }).where(eq(petitionCountShards.petitionId, p));
    expect(await total()).toBeGreaterThan(2);
    await reconcileConfirmedCounts(db());
    expect(await total()).toBe(2);
    expect(await reconcileConfirmedCounts(db())).toBe(0);
  });

  it("confirming counts a name on the public list only if its signer asked to be shown", async () => {
    const w = await makeWorld(db());
    const p = w.published.id;
    const pending = async (publicName: boolean) => {
      const id = await sign(p, publicName ? "Shown" : "Not shown", { state: "pending", publicName });
      const [row] = await db().select({ tokenHash: signatures.tokenHash }).from(signatures).where(eq(signatures.id, id));
      return row!.tokenHash;
    };
    const shown = await pending(true);
    const quiet = await pending(false);
    expect((await listPublicSigners(db(), p)).total).toBe(0);
    await signatureConfirmable.confirm(db(), shown);
    await signatureConfirmable.confirm(db(), quiet);
    await signatureConfirmable.confirm(db(), shown); // twice: counted once
    const list = await listPublicSigners(db(), p);
    expect(list.total).toBe(1);
    expect(list.signers.map((s) => s.name)).toEqual(["Shown"]);
  });
});
