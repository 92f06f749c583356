import { beforeAll, describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { maskEmail, parseRulePattern, verdictOf } from "./rules";

beforeAll(() => {
  process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-0123";
});

const rule = (kind: "block" | "allow", typed: string) => ({ kind, ...parseRulePattern(typed) });
const from = (address: string | null, email = "someone@example.org") => ({ address, email });

describe("block and allow lists", () => {
  it("matches address ranges in IPv4, IPv6 and IPv4-mapped form", () => {
    const rules = [rule("block", "203.0.113.0/24"), rule("block", "2001:db8::/32")];
    expect(verdictOf(rules, from("203.0.113.77"))).toBe("block");
    expect(verdictOf(rules, from("::ffff:203.0.113.77"))).toBe("block");
    expect(verdictOf(rules, from("203.0.114.1"))).toBeNull();
    expect(verdictOf(rules, from("2001:db8:1::5"))).toBe("block");
    expect(verdictOf(rules, from("2001:db9::5"))).toBeNull();
    expect(verdictOf(rules, from(null))).toBeNull();
    expect(verdictOf([rule("block", "198.51.100.7")], from("198.51.100.7"))).toBe("block");
  });

  it("matches a domain exactly, *.x one level below, **.x any depth below", () => {
    const exact = [rule("block", "Example.org")];
    expect(verdictOf(exact, from(null, "a@example.org"))).toBe("block");
    expect(verdictOf(exact, from(null, "a@mail.example.org"))).toBeNull();
    const one = [rule("block", "*.example.org")];
    expect(verdictOf(one, from(null, "a@mail.example.org"))).toBe("block");
    expect(verdictOf(one, from(null, "a@example.org"))).toBeNull();
    expect(verdictOf(one, from(null, "a@x.mail.example.org"))).toBeNull();
    expect(verdictOf(one, from(null, "a@badexample.org"))).toBeNull();
    const any = [rule("block", "**.example.org")];
    expect(verdictOf(any, from(null, "a@x.mail.example.org"))).toBe("block");
    expect(verdictOf(any, from(null, "a@example.org"))).toBeNull();
  });

  it("matches one address by its keyed hash, whatever its case, and never stores it", () => {
    const r = rule("block", " Bot@Example.org ");
    expect(r.pattern).not.toContain("bot");
    expect(r.display).toBe("b•••@example.org");
    expect(verdictOf([r], from(null, "bot@example.org"))).toBe("block");
    expect(verdictOf([r], from(null, "bot2@example.org"))).toBeNull();
    expect(maskEmail("Әлия@mail.kz")).toBe("ә•••@mail.kz");
  });

  it("lets a block win over an allow, and an allow speak when no block does", () => {
    const rules = [rule("allow", "10.0.0.0/8"), rule("block", "spam.example")];
    expect(verdictOf(rules, from("10.1.2.3", "a@spam.example"))).toBe("block");
    expect(verdictOf(rules, from("10.1.2.3", "a@good.example"))).toBe("allow");
    expect(verdictOf(rules.reverse(), from("10.1.2.3", "a@spam.example"))).toBe("block");
  });

  it("refuses what is neither a range, a domain nor an address, with a field message", () => {
    for (const bad of ["", "10.0.0.0/33", "not a domain", "*.", "***.x.org", "a@", "x".repeat(300), "1.2.3.4/8/9", "ex ample.org"]) {
      try {
        parseRulePattern(bad);
        throw new Error(`accepted ${bad}`);
      } catch (error) {
        expect(isAppError(error) && error.fields).toEqual({ pattern: "pattern_invalid" });
      }
    }
  });
});
