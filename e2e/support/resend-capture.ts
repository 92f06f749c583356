import { createHash, randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A stand-in for the Resend HTTP API, for tests: point RESEND_BASE_URL at `url` and the real `resend`
 * SDK talks to it. It implements what the SDK's `emails.send` uses:
 *   POST /emails  {from, to, subject, html?, text?, headers?, cc?, bcc?, reply_to?, tags?, scheduled_at?}
 *     Authorization: Bearer <key>, optional Idempotency-Key → 200 {id}
 *   errors as JSON {name, message, statusCode}, like Resend.
 *   POST /emails/batch  [email, …] (1–100)            → 200 {data: [{id}, …]}
 *     `x-batch-validation: strict` (default): one invalid email refuses the whole request with 422 naming
 *     `emails[i]`; `permissive`: the valid ones are stored, the others listed in `errors: [{index, message}]`.
 * A repeated Idempotency-Key with the same body answers the first answer and stores nothing (Resend keeps
 * keys 24 h); the same key with a different body is refused with 409, as Resend does.
 * With `rateLimit` (requests per second per API key, like a Resend team) a request beyond it is answered
 * 429 with `retry-after` and `ratelimit-limit/remaining/reset` (a token bucket of `rateLimit` tokens,
 * refilled at `rateLimit` per second). Every answer carries the `ratelimit-*` headers when a limit is set.
 * An address passed to `refuse()` is refused as Resend refuses an invalid recipient (422).
 *
 * For tests in another process (Playwright workers) the same server answers:
 *   GET  /__emails                       → CapturedEmail[]
 *   POST /__reset                        → forget every email, key and pending failure
 *   POST /__fail  {"count":1,"status":500} → the next `count` POST /emails(/batch) answer `status`
 *   POST /__rate  {"rps":2}               → requests per second (0: no limit)
 *   POST /__refuse {"addresses":[…]}      → refuse these recipients with 422
 *   POST /__delay {"count":1,"ms":5000}   → the next `count` requests are stored, then answered after `ms`
 *   GET  /__stats                         → CaptureStats
 */

export type CapturedEmail = {
  id: string;
  from: string;
  to: string[];
  subject: string;
  html: string | null;
  text: string | null;
  /** The email's own headers (List-Unsubscribe …), as sent in the body. */
  headers: Record<string, string>;
  cc: string[];
  bcc: string[];
  replyTo: string[];
  tags: Array<{ name: string; value: string }>;
  idempotencyKey: string | null;
  /** The API key from the Authorization header. */
  apiKey: string;
  /** ISO timestamp. */
  receivedAt: string;
  /** POST /emails or POST /emails/batch. */
  endpoint: "email" | "batch";
};

export type CaptureStats = {
  /** Every POST to /emails or /emails/batch, whatever the answer. */
  requests: number;
  /** Answers by status. */
  byStatus: Record<string, number>;
  /** The most requests accepted (not 429) in any 1-second window. */
  maxAcceptedPerSecond: number;
  /** Emails stored. */
  stored: number;
  /** Requests per idempotency key (a retry shows as 2 or more). */
  requestsByKey: Record<string, number>;
};

/** `keepBodies: false` drops each email's html and text (a benchmark of 20,000 emails needs only who and when). */
export type CaptureOptions = { port?: number; host?: string; rateLimit?: number; keepBodies?: boolean };

export type ResendCapture = {
  url: string;
  emails(): CapturedEmail[];
  /** The first email (already captured or still to come) matching `predicate`. */
  waitFor(predicate: (email: CapturedEmail) => boolean, timeoutMs?: number): Promise<CapturedEmail>;
  /** The next `count` POST /emails(/batch) fail with `status` (default 500) and store nothing. */
  failNext(count: number, status?: number): void;
  /** Requests per second per API key beyond which the answer is 429; 0 or undefined: no limit. */
  setRateLimit(rps: number | undefined): void;
  /** These recipients are refused with 422, as Resend refuses an address it will not send to. */
  refuse(addresses: string[]): void;
  /** The next `count` requests are stored at once but answered only after `ms`. */
  delayNext(count: number, ms: number): void;
  stats(): CaptureStats;
  reset(): void;
  close(): Promise<void>;
};

type ResendError = { name: string; message: string; statusCode: number };

const errorNames: Record<number, string> = {
  400: "validation_error",
  401: "missing_api_key",
  403: "invalid_api_key",
  404: "not_found",
  409: "invalid_idempotent_request",
  422: "validation_error",
  429: "rate_limit_exceeded",
  500: "internal_server_error",
};

function errorFor(status: number, message?: string): ResendError {
  return {
    name: errorNames[status] ?? (status >= 500 ? "application_error" : "validation_error"),
    message: message ?? `Simulated failure with status ${status}.`,
    statusCode: status,
  };
}

function list(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

/** Resend's request body limit is 40 MB; beyond it the request is refused. */
const MAX_BODY_BYTES = 40 * 1024 * 1024;
const MAX_BATCH = 100;
const emailPattern = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw Object.assign(new Error("body too large"), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The address inside "Name <a@b>" or a bare address. */
function addressOf(value: string): string {
  const m = /<([^>]*)>\s*$/.exec(value);
  return (m ? m[1]! : value).trim().toLowerCase();
}

type Answer = { status: number; body: unknown };

export async function startResendCapture(options: CaptureOptions = {}): Promise<ResendCapture> {
  const host = options.host ?? "127.0.0.1";
  let emails: CapturedEmail[] = [];
  let byKey = new Map<string, { answer: Answer; bodyHash: string }>();
  let failures: { remaining: number; status: number } = { remaining: 0, status: 500 };
  let delays: { remaining: number; ms: number } = { remaining: 0, ms: 0 };
  let rateLimit = options.rateLimit ?? 0;
  const keepBodies = options.keepBodies ?? true;
  let refused = new Set<string>();
  let buckets = new Map<string, { tokens: number; at: number }>();
  let accepted: number[] = [];
  let requests = 0;
  let requestsByKey: Record<string, number> = {};
  let byStatus: Record<string, number> = {};
  const events = new EventEmitter();
  events.setMaxListeners(0);

  function reset() {
    emails = [];
    byKey = new Map();
    failures = { remaining: 0, status: 500 };
    delays = { remaining: 0, ms: 0 };
    refused = new Set();
    buckets = new Map();
    accepted = [];
    requests = 0;
    requestsByKey = {};
    byStatus = {};
  }

  function setRateLimit(rps: number | undefined) {
    if (rps !== undefined && (!Number.isFinite(rps) || rps < 0)) throw new Error(`setRateLimit: rps must be ≥ 0, got ${rps}`);
    rateLimit = rps ?? 0;
    buckets = new Map();
  }

  function delayNext(count: number, ms: number) {
    delays = { remaining: count, ms };
  }

  /** A token bucket per API key: `rateLimit` tokens, refilled at `rateLimit` per second. */
  function takeToken(apiKey: string): { ok: boolean; headers: Record<string, string> } {
    if (!rateLimit) return { ok: true, headers: {} };
    const now = Date.now();
    const b = buckets.get(apiKey) ?? { tokens: rateLimit, at: now };
    b.tokens = Math.min(rateLimit, b.tokens + ((now - b.at) / 1000) * rateLimit);
    b.at = now;
    buckets.set(apiKey, b);
    const ok = b.tokens >= 1;
    if (ok) b.tokens -= 1;
    const untilOne = ok ? 0 : Math.ceil(((1 - b.tokens) / rateLimit) * 1000);
    const headers: Record<string, string> = {
      "ratelimit-limit": String(rateLimit),
      "ratelimit-remaining": String(Math.floor(b.tokens)),
      "ratelimit-reset": String(Math.max(1, Math.ceil(((rateLimit - b.tokens) / rateLimit)))),
      "ratelimit-policy": `${rateLimit};w=1`,
    };
    if (!ok) headers["retry-after"] = String(Math.max(1, Math.ceil(untilOne / 1000)));
    return { ok, headers };
  }

  function answer(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    byStatus[status] = (byStatus[status] ?? 0) + 1;
    send(res, status, body, headers);
  }

  function maxAcceptedPerSecond(): number {
    let best = 0;
    let start = 0;
    for (let end = 0; end < accepted.length; end++) {
      while (accepted[end]! - accepted[start]! >= 1000) start++;
      best = Math.max(best, end - start + 1);
    }
    return best;
  }

  /** Checks one email of a request as Resend does: the message, or null when it may be sent. */
  function invalid(body: unknown): string | null {
    if (!body || typeof body !== "object" || Array.isArray(body)) return "The email is not an object.";
    const b = body as Record<string, unknown>;
    for (const field of ["from", "to", "subject"]) {
      if (b[field] === undefined || b[field] === null || b[field] === "") return `Missing \`${field}\` field.`;
    }
    if (typeof b.html !== "string" && typeof b.text !== "string") return "Either `html` or `text` must be provided.";
    const to = list(b.to);
    if (to.length > 50) return "Too many recipients in `to` (at most 50).";
    for (const address of to) {
      if (!emailPattern.test(addressOf(address))) return `Invalid \`to\` field. The email address needs to follow the \`email@example.com\` or \`Name <email@example.com>\` format.`;
      if (refused.has(addressOf(address))) return `The recipient ${addressOf(address)} is not allowed.`;
    }
    return null;
  }

  function store(b: Record<string, unknown>, idempotencyKey: string | null, apiKey: string, endpoint: CapturedEmail["endpoint"]): CapturedEmail {
    const email: CapturedEmail = {
      id: randomUUID(),
      from: String(b.from),
      to: list(b.to),
      subject: String(b.subject),
      html: typeof b.html === "string" && keepBodies ? b.html : null,
      text: typeof b.text === "string" && keepBodies ? b.text : null,
      headers: (b.headers as Record<string, string> | undefined) ?? {},
      cc: list(b.cc),
      bcc: list(b.bcc),
      replyTo: list(b.reply_to),
      tags: (b.tags as CapturedEmail["tags"] | undefined) ?? [],
      idempotencyKey,
      apiKey,
      receivedAt: new Date().toISOString(),
      endpoint,
    };
    emails.push(email);
    events.emit("email", email);
    return email;
  }

  function failNext(count: number, status = 500) {
    if (!Number.isInteger(count) || count < 0) throw new Error(`failNext: count must be a whole number, got ${count}`);
    if (!Number.isInteger(status) || status < 400 || status > 599) throw new Error(`failNext: status must be 4xx or 5xx, got ${status}`);
    failures = { remaining: count, status };
  }

  async function post(req: IncomingMessage, res: ServerResponse, endpoint: CapturedEmail["endpoint"]) {
    let raw: string;
    try {
      raw = await readBody(req);
    } catch {
      return answer(res, 413, errorFor(413, "The request body is too large."));
    }
    requests += 1;
    const auth = req.headers.authorization ?? "";
    const apiKey = auth.startsWith("Bearer ") ? auth.slice("Bearer ".length).trim() : "";
    const limit = takeToken(apiKey);
    if (!limit.ok) return answer(res, 429, errorFor(429, "Too many requests. You can only make a limited number of requests per second."), limit.headers);
    accepted.push(Date.now());
    if (failures.remaining > 0) {
      failures.remaining -= 1;
      const status = failures.status;
      return answer(res, status, errorFor(status), { ...limit.headers, ...(status === 429 ? { "retry-after": "1" } : {}) });
    }
    if (!apiKey) return answer(res, 401, errorFor(401, "Missing API key in the authorization header."), limit.headers);

    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return answer(res, 422, errorFor(422, "The request body is not valid JSON."), limit.headers);
    }
    const idempotencyKey = typeof req.headers["idempotency-key"] === "string" ? req.headers["idempotency-key"] : null;
    if (idempotencyKey !== null) requestsByKey[idempotencyKey] = (requestsByKey[idempotencyKey] ?? 0) + 1;
    const bodyHash = createHash("sha256").update(raw).digest("hex");
    if (idempotencyKey !== null) {
      if (idempotencyKey.length < 1 || idempotencyKey.length > 256) {
        return answer(res, 400, { ...errorFor(400, "Idempotency key must be between 1 and 256 characters."), name: "invalid_idempotency_key" }, limit.headers);
      }
      const seen = byKey.get(idempotencyKey);
      if (seen && seen.bodyHash !== bodyHash) {
        return answer(res, 409, errorFor(409, "Same idempotency key used with a different request payload."), limit.headers);
      }
      if (seen) return answer(res, seen.answer.status, seen.answer.body, limit.headers);
    }

    let result: Answer;
    if (endpoint === "email") {
      if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
        return answer(res, 422, errorFor(422, "The request body is not valid JSON."), limit.headers);
      }
      const body = parsed as Record<string, unknown>;
      for (const field of ["from", "to", "subject"]) {
        if (body[field] === undefined || body[field] === null || body[field] === "") {
          return answer(res, 422, { ...errorFor(422, `Missing \`${field}\` field.`), name: "missing_required_field" }, limit.headers);
        }
      }
      const problem = invalid(body);
      if (problem) return answer(res, 422, errorFor(422, problem), limit.headers);
      result = { status: 200, body: { id: store(body, idempotencyKey, apiKey, endpoint).id } };
    } else {
      if (!Array.isArray(parsed)) return answer(res, 422, errorFor(422, "The batch must be an array of emails."), limit.headers);
      if (parsed.length < 1 || parsed.length > MAX_BATCH) {
        return answer(res, 422, errorFor(422, `A batch holds 1 to ${MAX_BATCH} emails, got ${parsed.length}.`), limit.headers);
      }
      const problems = parsed.map((email, index) => ({ index, message: invalid(email) })).filter((p) => p.message !== null);
      const permissive = req.headers["x-batch-validation"] === "permissive";
      if (problems.length > 0 && !permissive) {
        const first = problems[0]!;
        return answer(res, 422, errorFor(422, `emails[${first.index}]: ${first.message}`), limit.headers);
      }
      const bad = new Set(problems.map((p) => p.index));
      const data = parsed.flatMap((email, index) => (bad.has(index) ? [] : [{ id: store(email as Record<string, unknown>, idempotencyKey, apiKey, endpoint).id }]));
      result = { status: 200, body: permissive ? { data, errors: problems } : { data } };
    }
    if (idempotencyKey !== null) byKey.set(idempotencyKey, { answer: result, bodyHash });
    if (delays.remaining > 0) {
      delays.remaining -= 1;
      await new Promise((r) => setTimeout(r, delays.ms));
    }
    answer(res, result.status, result.body, limit.headers);
  }

  async function control(req: IncomingMessage, res: ServerResponse, path: string) {
    if (req.method === "GET" && path === "/__emails") return send(res, 200, emails);
    if (req.method === "POST" && path === "/__reset") {
      await readBody(req);
      reset();
      return send(res, 200, { ok: true });
    }
    if (req.method === "POST" && path === "/__fail") {
      const { count, status } = JSON.parse((await readBody(req)) || "{}") as { count?: number; status?: number };
      failNext(count ?? 1, status ?? 500);
      return send(res, 200, { ok: true });
    }
    if (req.method === "GET" && path === "/__stats") return send(res, 200, stats());
    if (req.method === "POST" && path === "/__rate") {
      const { rps } = JSON.parse((await readBody(req)) || "{}") as { rps?: number };
      setRateLimit(rps);
      return send(res, 200, { ok: true });
    }
    if (req.method === "POST" && path === "/__refuse") {
      const { addresses } = JSON.parse((await readBody(req)) || "{}") as { addresses?: string[] };
      for (const a of addresses ?? []) refused.add(a.toLowerCase());
      return send(res, 200, { ok: true });
    }
    if (req.method === "POST" && path === "/__delay") {
      const { count, ms } = JSON.parse((await readBody(req)) || "{}") as { count?: number; ms?: number };
      delayNext(count ?? 1, ms ?? 1000);
      return send(res, 200, { ok: true });
    }
    return send(res, 404, errorFor(404, `No route ${req.method} ${path} in the Resend capture server.`));
  }

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://capture").pathname;
    const handle =
      req.method === "POST" && path === "/emails"
        ? post(req, res, "email")
        : req.method === "POST" && path === "/emails/batch"
          ? post(req, res, "batch")
          : control(req, res, path);
    handle.catch((error: unknown) => {
      send(res, 500, errorFor(500, error instanceof Error ? error.message : String(error)));
    });
  });
  server.keepAliveTimeout = 1_000;

  function stats(): CaptureStats {
    return { requests, byStatus: { ...byStatus }, maxAcceptedPerSecond: maxAcceptedPerSecond(), stored: emails.length, requestsByKey: { ...requestsByKey } };
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${host}:${port}`,
    emails: () => [...emails],
    waitFor(predicate, timeoutMs = 10_000) {
      const found = emails.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const onEmail = (email: CapturedEmail) => {
          if (!predicate(email)) return;
          clearTimeout(timer);
          events.off("email", onEmail);
          resolve(email);
        };
        const timer = setTimeout(() => {
          events.off("email", onEmail);
          const seen = emails.map((e) => `  to ${e.to.join(", ")}: ${e.subject}`).join("\n") || "  (none)";
          reject(new Error(`No matching email within ${timeoutMs} ms. Captured:\n${seen}`));
        }, timeoutMs);
        events.on("email", onEmail);
      });
    },
    failNext,
    setRateLimit,
    refuse: (addresses) => {
      for (const a of addresses) refused.add(a.toLowerCase());
    },
    delayNext,
    stats,
    reset,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
