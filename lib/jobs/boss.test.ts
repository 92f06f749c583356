import { describe, expect, it } from "vitest";
import { retryOnDeadlock } from "./boss";

const deadlock = Object.assign(new Error("deadlock detected"), { code: "40P01" });

describe("retryOnDeadlock", () => {
  it("tries again when PostgreSQL broke a deadlock, and returns what the work returned", async () => {
    let calls = 0;
    const result = await retryOnDeadlock(async () => {
      calls++;
      if (calls < 3) throw deadlock;
      return "created";
    });
    expect(result).toBe("created");
    expect(calls).toBe(3);
  });

  it("passes any other error on at once, and a deadlock after the last attempt", async () => {
    let calls = 0;
    const other = Object.assign(new Error("unique violation"), { code: "23505" });
    const failWith = (error: Error) => async () => {
      calls++;
      throw error;
    };
    await expect(retryOnDeadlock(failWith(other))).rejects.toBe(other);
    expect(calls).toBe(1);
    calls = 0;
    await expect(retryOnDeadlock(failWith(deadlock), 3)).rejects.toBe(deadlock);
    expect(calls).toBe(3);
  });
});
