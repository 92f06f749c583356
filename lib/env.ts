import { z } from "zod";
import { type AddressPolicy, parseTrustedProxies } from "@/lib/http/client-address";

/**
 * Every environment variable the app reads, validated once.
 * Embedded default: nothing needs to be set. Production (DATABASE_URL set): see README "Configuration".
 */
const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
    PGLITE_DIR: z.string().min(1).default(".data/pglite"),
    DATA_DIR: z.string().min(1).default(".data"),
    APP_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://qoldau.example.org" }).optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
    /**
     * Encrypts personal data at rest (db/personal-data.ts). Required in production; generated into DATA_DIR on the
     * embedded default. Rotate with `npm run data:rotate-key` (README "Personal data at rest").
     */
    DATA_KEY: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
    /** Earlier DATA_KEYs, comma-separated: still open what they sealed until the rotation re-sealed it. */
    DATA_KEY_PREVIOUS: z
      .string()
      .refine((v) => v.split(",").every((k) => k.trim().length >= 32), "must be comma-separated keys of at least 32 characters each")
      .optional(),
    /** The blind index's secret (dedupe and lookups by address): never rotates with DATA_KEY. Required in production. */
    DATA_INDEX_KEY: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
    RESEND_API_KEY: z.string().min(1).optional(),
    RESEND_BASE_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL such as http://127.0.0.1:4010" }).optional(),
    /** Provider requests per second for the whole team (every process shares it). Resend's default is 2. */
    RESEND_MAX_RPS: z.coerce.number().min(0.1).max(1000).default(2),
    /** Resend's webhook signing secret (whsec_…): bounces and complaints suppress the address. Absent: no webhook route. */
    RESEND_WEBHOOK_SECRET: z.string().regex(/^whsec_[A-Za-z0-9+/=]{16,}$/, "must be the webhook's signing secret from Resend, whsec_…").optional(),
    MAIL_FROM: z.string().min(3).default("Qoldau <noreply@qoldau.localhost>"),
    DEV_MAILBOX: z.enum(["0", "1"]).optional(),
    JOBS: z.enum(["on", "off"]).default("on"),
    /** Read by scripts/serve.mjs: off sends the signature and confirmation POSTs through Next like every other route. */
    DIRECT_ROUTES: z.enum(["on", "off"]).default("on"),
    /** Rally edits of time or place within this many seconds make one change notice. */
    RALLY_CHANGE_WINDOW_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
    /** Updates a campaign may send to its list in any 7 days (ControlShift's default cap is 3). */
    UPDATES_PER_WEEK: z.coerce.number().int().min(1).max(100).default(3),
    /**
     * Per client address per petition: signatures a minute / an hour before the client is shadow-banned
     * (lib/signatures/sign-petition.ts). Generous because Kazakh mobile carriers put many people behind one address.
     */
    SIGN_LIMIT_BURST: z.coerce.number().int().min(1).max(100_000).default(30),
    SIGN_LIMIT_HOURLY: z.coerce.number().int().min(1).max(1_000_000).default(300),
    /** Months after a petition is archived (or a rally held or cancelled) that its people's personal data is anonymised. */
    ARCHIVE_ANONYMISE_MONTHS: z.coerce.number().int().min(1).max(120).default(12),
    HOSTNAME: z.string().min(1).optional(),
    /** Read by scripts/serve.mjs: web processes (default: one per core in production, 1 on the embedded default); production adds one job process unless JOBS=off. */
    WEB_CONCURRENCY: z.coerce.number().int().min(1).max(256).optional(),
    TRUSTED_PROXIES: z
      .string()
      .superRefine((value, ctx) => {
        try {
          parseTrustedProxies(value);
        } catch (error) {
          ctx.addIssue({ code: "custom", message: `must be comma-separated IP addresses or CIDR ranges: ${(error as Error).message}` });
        }
      })
      .optional(),
    /** Set by scripts/serve.mjs, not by people: the per-process header that carries the TCP peer's address. */
    QOLDAU_PEER_HEADER: z.string().regex(/^x-qoldau-peer-[0-9a-f]{24}$/).optional(),
  })
  .superRefine((env, ctx) => {
    if (!env.DATABASE_URL) {
      if ((env.WEB_CONCURRENCY ?? 1) > 1) {
        ctx.addIssue({ code: "custom", path: ["WEB_CONCURRENCY"], message: "must be 1 on the embedded default (PGlite allows one process per data folder)" });
      }
      return;
    }
    // Production: nothing may silently fall back to a development default.
    if (!env.RESEND_API_KEY && env.DEV_MAILBOX !== "1") {
      ctx.addIssue({
        code: "custom",
        path: ["RESEND_API_KEY"],
        message: "is required when DATABASE_URL is set (or set DEV_MAILBOX=1 to keep mail in the browser mailbox)",
      });
    }
    if (!env.AUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required when DATABASE_URL is set" });
    }
    if (!env.DATA_KEY) {
      ctx.addIssue({ code: "custom", path: ["DATA_KEY"], message: "is required when DATABASE_URL is set: it encrypts supporters' data (openssl rand -base64 32)" });
    }
    if (!env.DATA_INDEX_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["DATA_INDEX_KEY"],
        message: "is required when DATABASE_URL is set: it keys the blind index of addresses, and must never change (openssl rand -base64 32)",
      });
    }
    if (env.DATA_KEY && env.DATA_INDEX_KEY === env.DATA_KEY) {
      ctx.addIssue({ code: "custom", path: ["DATA_INDEX_KEY"], message: "must differ from DATA_KEY (DATA_KEY rotates, the index key never does)" });
    }
    if (!env.APP_URL) {
      ctx.addIssue({ code: "custom", path: ["APP_URL"], message: "is required when DATABASE_URL is set" });
    }
  });

export type Env = z.infer<typeof schema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable means "not set", as in most shells' .env files.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "(env)"} ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;
let policy: AddressPolicy | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export const isEmbedded = () => !env().DATABASE_URL;
export const appUrl = () => env().APP_URL ?? `http://localhost:${env().PORT}`;
/** The dev mailbox stands in for a provider only when no provider is configured and we are not in production. */
export const usesDevMailbox = () => !env().RESEND_API_KEY && (isEmbedded() || env().DEV_MAILBOX === "1");

/** How lib/http/client-address.ts tells the client's address: the server's peer header and the trusted proxies. */
export function addressPolicy(): AddressPolicy {
  policy ??= {
    peerHeader: env().QOLDAU_PEER_HEADER,
    trustedProxies: env().TRUSTED_PROXIES ? parseTrustedProxies(env().TRUSTED_PROXIES!) : null,
  };
  return policy;
}
