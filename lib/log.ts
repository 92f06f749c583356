import { format } from "node:util";

/**
 * What the server's log may hold, and the redaction every log line passes through.
 *
 * Supporters' emails, names, IP addresses and tokens must never reach a log (logs are copied, shipped and kept
 * far longer than the data). Names cannot be recognised by a pattern, so errors are never printed whole: a
 * database error's parameters, query text and row detail (where a name would be) are dropped, and what remains —
 * messages and stacks — is scrubbed of anything shaped like an email, an IP address or a token.
 * `installLogRedaction()` (at server start) routes console.* — ours, Next's, libraries' — through the same
 * scrubbing; code that logs an error passes it through `describeError` too, so a line stays clean where the
 * console is not patched (CLIs, tests).
 */

const EMAIL = /[\p{L}\p{N}._%+!#$&'*/=?^`{|}~-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*/gu;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// 20+ characters of base64url/hex with both letters and digits: tokens, nonces, hashes, keys.
const TOKEN = /(?<![\p{L}\p{N}_-])(?=[A-Za-z0-9_-]*\d)(?=[A-Za-z0-9_-]*[A-Za-z])[A-Za-z0-9_-]{20,}(?![\p{L}\p{N}_-])/gu;
const IPV4 = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])/g;
const IPV6 = /(?<![\w:])(?:[0-9a-f]{1,4}:){2,7}[0-9a-f]{0,4}(?![\w:])|(?<![\w:])(?:[0-9a-f]{1,4}:)+:[0-9a-f:]*(?![\w:])/gi;
// Drizzle's "Failed query: …\nparams: a,b,c" carries every bound value.
const PARAMS = /\bparams: [\s\S]*$/;

const ownAddress = (ip: string) => ip.startsWith("127.") || ip === "0.0.0.0";

/** Scrubs one piece of log text. */
export function redact(text: string): string {
  return text
    .replace(PARAMS, "params: [redacted]")
    // *.localhost is reserved (RFC 6761): the embedded default's dev admin, never a person's address.
    .replace(EMAIL, (m) => (m.endsWith(".localhost") ? m : "[email]"))
    .replace(TOKEN, (m) => (UUID.test(m) ? m : "[token]"))
    .replace(IPV4, (m) => (ownAddress(m) ? m : "[ip]"))
    .replace(IPV6, (m) => (m === "::1" || m === "::" || !/\d|[a-f]{2}/i.test(m) ? m : "[ip]"));
}

type ErrorLike = Error & { code?: unknown; cause?: unknown; constraint_name?: unknown; constraint?: unknown };

/**
 * An error as a log line: its class, SQLSTATE/code, constraint, message and stack, redacted; its causes likewise.
 * Never its enumerable properties (postgres.js and drizzle hang the query, its parameters and the row's detail
 * there). PostgreSQL's data-exception messages (SQLSTATE class 22) quote the offending value: dropped too.
 */
export function describeError(error: unknown, depth = 0): string {
  if (!(error instanceof Error)) return redact(typeof error === "string" ? error : format("%o", error)).slice(0, 2000);
  const e = error as ErrorLike;
  const code = typeof e.code === "string" ? e.code : undefined;
  const constraint = e.constraint_name ?? e.constraint;
  let message = e.message ?? "";
  if (code && /^22[0-9A-Z]{3}$/.test(code)) message = message.replace(/"[^"]*"|'[^']*'|:\s.*$/g, "…");
  const head = `${e.name}${code ? ` ${code}` : ""}${typeof constraint === "string" ? ` (${constraint})` : ""}: ${message}`;
  const frames = (e.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line)).slice(0, 8);
  const cause = e.cause !== undefined && depth < 3 ? `\n  caused by: ${describeError(e.cause, depth + 1)}` : "";
  return redact([head, ...frames].join("\n")) + cause;
}

function line(args: unknown[]): string {
  return redact(format(...args.map((a) => (a instanceof Error ? describeError(a) : a))));
}

const installed = Symbol.for("qoldau.logRedaction");

/** Every console method of this process writes redacted lines (idempotent). */
export function installLogRedaction(target: Console = console): void {
  const marked = target as Console & { [installed]?: boolean };
  if (marked[installed]) return;
  marked[installed] = true;
  for (const method of ["log", "info", "warn", "error", "debug", "trace"] as const) {
    const original = target[method].bind(target);
    target[method] = (...args: unknown[]) => original(line(args));
  }
}
