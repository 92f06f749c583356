import { describe, expect, it } from "vitest";
import { describeError, installLogRedaction, redact } from "./log";

describe("redact", () => {
  it("removes emails, tokens and client addresses but keeps what an operator needs", () => {
    const line = redact("signature for Aliya.N+kz@Example.org from 203.0.113.9 and 2001:db8::1 token Zk3x_9aQ-7bLmP2cVn8eRt4YwU1oIs6dFgHjKl0 job 0f8fad5b-d9cb-469f-a165-70867728950e on 127.0.0.1:3000");
    expect(line).not.toMatch(/Aliya|Example\.org|203\.0\.113\.9|2001:db8|Zk3x/);
    expect(line).toContain("[email]");
    expect(line).toContain("[token]");
    expect(line).toContain("[ip]");
    expect(line).toContain("0f8fad5b-d9cb-469f-a165-70867728950e");
    expect(line).toContain("127.0.0.1:3000");
    expect(redact("sign in as admin@qoldau.localhost")).toBe("sign in as admin@qoldau.localhost");
    expect(redact("signature-confirmation failed: concurrent_idempotent_requests")).toBe("signature-confirmation failed: concurrent_idempotent_requests");
  });

  it("drops the bound parameters of a failed query", () => {
    expect(redact('Failed query: insert into "signatures" ("name") values ($1)\nparams: Әлия Нұрланқызы,aliya@example.org')).toBe(
      'Failed query: insert into "signatures" ("name") values ($1)\nparams: [redacted]',
    );
  });
});

describe("describeError", () => {
  it("never prints an error's properties, where drivers keep the query's values", () => {
    const error = Object.assign(new Error("insert failed"), { code: "23505", constraint_name: "signatures_petition_email", params: ["Әлия Нұрланқызы", "aliya@example.org"], detail: "Key (email)=(aliya@example.org) already exists." });
    const text = describeError(error);
    expect(text).toContain("23505");
    expect(text).toContain("signatures_petition_email");
    expect(text).not.toContain("Әлия");
    expect(text).not.toContain("aliya@");
  });

  it("drops the quoted value of a PostgreSQL data exception and follows causes", () => {
    const cause = Object.assign(new Error('invalid input syntax for type uuid: "Әлия"'), { code: "22P02" });
    const error = new Error("Failed query: select 1\nparams: Әлия", { cause });
    const text = describeError(error);
    expect(text).toContain("caused by: Error 22P02");
    expect(text).not.toContain("Әлия");
  });
});

describe("installLogRedaction", () => {
  it("makes every console method of a console write redacted lines", () => {
    const lines: string[] = [];
    const fake = { log: (l: string) => lines.push(l), info: (l: string) => lines.push(l), warn: (l: string) => lines.push(l), error: (l: string) => lines.push(l), debug: (l: string) => lines.push(l), trace: (l: string) => lines.push(l) } as unknown as Console;
    installLogRedaction(fake);
    installLogRedaction(fake);
    fake.error("[sign]", Object.assign(new Error("boom"), { params: ["Dana Secret"] }));
    fake.log("mail to %s", "dana@example.org");
    fake.warn({ email: "dana@example.org" });
    expect(lines).toHaveLength(3);
    expect(lines.join("\n")).not.toMatch(/Dana Secret|dana@example/);
    expect(lines[1]).toBe("mail to [email]");
  });
});
