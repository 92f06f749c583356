import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rowsOf } from "@/db";
import { openForSigningSql } from "@/db/lifecycles";
import { setUpTestDatabase } from "@/db/test-database";
import { isOpenForSigning, petitionStates, publicState } from "./state";

const database = setUpTestDatabase();

describe("open for signing", () => {
  it("says the same in SQL as in TypeScript, for every state and deadline", async () => {
    const now = Date.now();
    const deadlines = [null, new Date(now - 3_600_000), new Date(now + 3_600_000)];
    for (const state of petitionStates) {
      for (const deadline of deadlines) {
        const [row] = rowsOf<{ open: boolean }>(
          await database().db.execute(sql`select ${openForSigningSql(sql`${state}::text`, sql`${deadline?.toISOString() ?? null}::timestamptz`)} as open`),
        );
        expect({ state, deadline, open: row!.open }).toEqual({ state, deadline, open: isOpenForSigning({ state, deadline }) });
      }
    }
  });

  it("tells the public a published petition past its deadline is closed", () => {
    expect(publicState({ state: "published", deadline: new Date(Date.now() - 1000) })).toBe("closed");
    expect(publicState({ state: "published", deadline: null })).toBe("published");
    expect(publicState({ state: "delivered", deadline: new Date(0) })).toBe("delivered");
  });
});
