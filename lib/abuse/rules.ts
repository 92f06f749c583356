import { createHmac } from "node:crypto";
import type { BlockList } from "node:net";
import { z } from "zod";
import type { Db } from "@/db";
import { type AbuseRule, listAbuseRules } from "@/db/queries/abuse-rules";
import { deriveKey } from "@/lib/auth/secret";
import { AppError } from "@/lib/errors";
import { normalizeAddress, parseTrustedProxies } from "@/lib/http/client-address";
import { normalizeEmail } from "@/lib/validation/signatures";
import { clientKey } from "./rate-limit";

/**
 * Block and allow lists (issue 13 item 3). A rule is an address range (CIDR, IPv4 or IPv6), an email domain
 * (`example.org` exactly, `*.example.org` one level below it, `**.example.org` any depth below it) or one address.
 * A `client` rule names one address by its keyed hash only (made from a flag, lib/abuse/flags.ts). Blocks win over allows. A blocked signer is answered like anyone and kept as `fraudulent` (no email, never
 * counted); an allowed one skips the per-client limits (a known carrier gateway, a partner's network).
 */
export type Verdict = "block" | "allow" | null;
export type Subject = { address: string | null; email: string };

type Facts = { address: string | null; domain: string; emailHash: string; clientHash: string | null };
type Compiled = { kind: AbuseRule["kind"]; matches: (s: Facts) => boolean };

const DOMAIN = /^(\*\*?\.)?((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63})$/;

let emailKey: Buffer | undefined;
/** A blocked or allowed address is kept only as this keyed hash. */
export function emailRuleHash(email: string): string {
  emailKey ??= deriveKey("abuse-rule-email");
  return createHmac("sha256", emailKey).update(normalizeEmail(email)).digest("hex");
}

/** "aliya@example.org" → "a•••@example.org": enough for an admin to recognise a rule, not to read the address. */
export function maskEmail(email: string): string {
  const [local, domain] = normalizeEmail(email).split("@");
  return `${Array.from(local ?? "")[0] ?? ""}•••@${domain ?? ""}`;
}

/** What an admin typed → the rule to store; a clear field error when it is none of the three. */
export function parseRulePattern(raw: string): Pick<AbuseRule, "type" | "pattern" | "display"> {
  const value = raw.normalize("NFC").trim().toLowerCase();
  if (value.includes("@")) {
    if (!z.email().safeParse(value).success || value.length > 254) throw new AppError("invalid_input", { pattern: "pattern_invalid" });
    return { type: "email", pattern: emailRuleHash(value), display: maskEmail(value) };
  }
  if (value.includes("/") || normalizeAddress(value)) {
    try {
      parseTrustedProxies(value);
    } catch {
      throw new AppError("invalid_input", { pattern: "pattern_invalid" });
    }
    const [address, prefix] = value.split("/");
    const normalized = normalizeAddress(address)!;
    const full = `${normalized}/${prefix ?? (normalized.includes(":") ? 128 : 32)}`;
    return { type: "cidr", pattern: full, display: full };
  }
  if (value.length > 253 || !DOMAIN.test(value)) throw new AppError("invalid_input", { pattern: "pattern_invalid" });
  return { type: "domain", pattern: value, display: value };
}

function compile(rule: Pick<AbuseRule, "kind" | "type" | "pattern">): Compiled {
  if (rule.type === "cidr") {
    const list: BlockList = parseTrustedProxies(rule.pattern);
    return { kind: rule.kind, matches: ({ address }) => !!address && list.check(address, address.includes(":") ? "ipv6" : "ipv4") };
  }
  if (rule.type === "email") return { kind: rule.kind, matches: ({ emailHash }) => emailHash === rule.pattern };
  if (rule.type === "client") return { kind: rule.kind, matches: ({ clientHash }) => clientHash === rule.pattern };
  const anyDepth = rule.pattern.startsWith("**.");
  const oneLevel = !anyDepth && rule.pattern.startsWith("*.");
  const base = rule.pattern.replace(/^\*\*?\./, "");
  return {
    kind: rule.kind,
    matches: ({ domain }) => {
      if (!anyDepth && !oneLevel) return domain === base;
      if (!domain.endsWith(`.${base}`)) return false;
      return anyDepth || !domain.slice(0, -base.length - 1).includes(".");
    },
  };
}

/** Blocks win over allows; null when no rule speaks. */
export function verdictOf(rules: Pick<AbuseRule, "kind" | "type" | "pattern">[], subject: Subject): Verdict {
  return judge(rules.map(compile), subject);
}

function judge(compiled: Compiled[], subject: Subject): Verdict {
  if (compiled.length === 0) return null;
  const email = normalizeEmail(subject.email);
  const address = normalizeAddress(subject.address);
  const s: Facts = { address, domain: email.slice(email.lastIndexOf("@") + 1), emailHash: emailRuleHash(email), clientHash: address ? clientKey(address) : null };
  let verdict: Verdict = null;
  for (const rule of compiled) {
    if (!rule.matches(s)) continue;
    if (rule.kind === "block") return "block";
    verdict = "allow";
  }
  return verdict;
}

/**
 * The lists as this process last read them: at most RULES_TTL_MS old, so a rule added on any process holds on
 * every process within seconds, without a query per signature. A change made here is seen here at once.
 */
const RULES_TTL_MS = 5_000;
const cache = globalThis as unknown as { __qoldauAbuseRules?: { at: number; rules: Promise<Compiled[]> } };

export function forgetAbuseRules(): void {
  cache.__qoldauAbuseRules = undefined;
}

export async function abuseVerdict(db: Db, subject: Subject, now = Date.now()): Promise<Verdict> {
  let entry = cache.__qoldauAbuseRules;
  if (!entry || now - entry.at > RULES_TTL_MS) {
    const rules = listAbuseRules(db).then((rows) => rows.map(compile));
    entry = cache.__qoldauAbuseRules = { at: now, rules };
    rules.catch(() => {
      if (cache.__qoldauAbuseRules === entry) cache.__qoldauAbuseRules = undefined;
    });
  }
  return judge(await entry.rules, subject);
}
