import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const production = {
  DATABASE_URL: "postgres://qoldau@db.internal:5432/qoldau",
  APP_URL: "https://qoldau.example.org",
  AUTH_SECRET: "x".repeat(32),
  RESEND_API_KEY: "re_live_key",
  DATA_KEY: "k".repeat(32),
  DATA_INDEX_KEY: "i".repeat(32),
};

/** The message parseEnv throws, so a test can say which variables it names. */
function errorOf(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error("expected parseEnv to refuse this environment");
}

describe("parseEnv", () => {
  it("needs nothing on the embedded default", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PGLITE_DIR).toBe(".data/pglite");
    expect(env.PORT).toBe(3000);
    expect(env.JOBS).toBe("on");
    expect(env.DIRECT_ROUTES).toBe("on");
    expect(env.MAIL_FROM).toMatch(/@/);
  });

  it("accepts a complete production environment", () => {
    const env = parseEnv(production);
    expect(env.DATABASE_URL).toBe(production.DATABASE_URL);
    expect(env.APP_URL).toBe(production.APP_URL);
  });

  it("runs several server processes only on PostgreSQL", () => {
    expect(parseEnv({ ...production, WEB_CONCURRENCY: "4" }).WEB_CONCURRENCY).toBe(4);
    expect(parseEnv({ WEB_CONCURRENCY: "1" }).WEB_CONCURRENCY).toBe(1);
    expect(errorOf({ WEB_CONCURRENCY: "2" })).toMatch(/WEB_CONCURRENCY must be 1 on the embedded default/);
    expect(errorOf({ ...production, WEB_CONCURRENCY: "0" })).toMatch(/WEB_CONCURRENCY/);
    expect(errorOf({ ...production, WEB_CONCURRENCY: "two" })).toMatch(/WEB_CONCURRENCY/);
  });

  it("refuses a data index key equal to the data key, and short previous keys", () => {
    expect(errorOf({ ...production, DATA_INDEX_KEY: production.DATA_KEY })).toMatch(/DATA_INDEX_KEY must differ from DATA_KEY/);
    expect(errorOf({ ...production, DATA_KEY_PREVIOUS: `${"p".repeat(32)},short` })).toMatch(/DATA_KEY_PREVIOUS/);
    expect(parseEnv({ ...production, DATA_KEY_PREVIOUS: `${"p".repeat(32)}, ${"q".repeat(40)}` }).DATA_KEY_PREVIOUS).toBeDefined();
  });

  it("treats an empty variable as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: "" }).DATABASE_URL).toBeUndefined();
  });

  it.each(["RESEND_API_KEY", "AUTH_SECRET", "APP_URL", "DATA_KEY", "DATA_INDEX_KEY"] as const)(
    "refuses DATABASE_URL without %s and names it",
    (name) => {
      const message = errorOf({ ...production, [name]: undefined });
      expect(message).toContain("Invalid environment");
      expect(message).toContain(name);
      expect(message).toMatch(/required when DATABASE_URL is set/);
    },
  );

  it("names every missing variable at once", () => {
    const message = errorOf({ DATABASE_URL: production.DATABASE_URL });
    for (const name of ["RESEND_API_KEY", "AUTH_SECRET", "APP_URL"]) expect(message).toContain(name);
  });

  it("lets DEV_MAILBOX=1 stand in for RESEND_API_KEY", () => {
    expect(() => parseEnv({ ...production, RESEND_API_KEY: undefined, DEV_MAILBOX: "1" })).not.toThrow();
  });

  it.each([
    ["DATABASE_URL", "mysql://db/qoldau"],
    ["DATABASE_URL", "not a url"],
    ["APP_URL", "qoldau.example.org"],
    ["APP_URL", "ftp://qoldau.example.org"],
    ["RESEND_BASE_URL", "localhost:4000"],
    ["PORT", "eighty"],
    ["PORT", "70000"],
    ["AUTH_SECRET", "short"],
    ["JOBS", "maybe"],
    ["DIRECT_ROUTES", "sometimes"],
  ])("refuses %s=%s and names the variable", (name, value) => {
    const message = errorOf({ ...production, [name]: value });
    expect(message).toMatch(new RegExp(`^\\s+${name} `, "m"));
  });
});
