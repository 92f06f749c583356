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
 * A repeated Idempotency-Key with the same body answers the first id and stores nothing (Resend keeps
 * keys 24 h); the same key with a different body is refused with 409, as Resend does.
 *
 * For tests in another process (Playwright workers) the same server answers:
 *   GET  /__emails                       → CapturedEmail[]
 *   POST /__reset                        → forget every email, key and pending failure
 *   POST /__fail  {"count":1,"status":500} → the next `count` POST /emails answer `status`
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
};

export type ResendCapture = {
  url: string;
  emails(): CapturedEmail[];
  /** The first email (already captured or still to come) matching `predicate`. */
  waitFor(predicate: (email: CapturedEmail) => boolean, timeoutMs?: number): Promise<CapturedEmail>;
  /** The next `count` POST /emails fail with `status` (default 500) and store nothing. */
  failNext(count: number, status?: number): void;
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

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startResendCapture(options: { port?: number; host?: string } = {}): Promise<ResendCapture> {
  const host = options.host ?? "127.0.0.1";
  let emails: CapturedEmail[] = [];
  let byKey = new Map<string, { id: string; bodyHash: string }>();
  let failures: { remaining: number; status: number } = { remaining: 0, status: 500 };
  const events = new EventEmitter();
  events.setMaxListeners(0);

  function reset() {
    emails = [];
    byKey = new Map();
    failures = { remaining: 0, status: 500 };
  }

  function failNext(count: number, status = 500) {
    if (!Number.isInteger(count) || count < 0) throw new Error(`failNext: count must be a whole number, got ${count}`);
    if (!Number.isInteger(status) || status < 400 || status > 599) throw new Error(`failNext: status must be 4xx or 5xx, got ${status}`);
    failures = { remaining: count, status };
  }

  async function postEmail(req: IncomingMessage, res: ServerResponse) {
    const raw = await readBody(req);
    if (failures.remaining > 0) {
      failures.remaining -= 1;
      const status = failures.status;
      return send(res, status, errorFor(status), status === 429 ? { "retry-after": "1" } : {});
    }
    const auth = req.headers.authorization ?? "";
    const apiKey = auth.startsWith("Bearer ") ? auth.slice("Bearer ".length).trim() : "";
    if (!apiKey) return send(res, 401, errorFor(401, "Missing API key in the authorization header."));

    let body: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
      body = parsed as Record<string, unknown>;
    } catch {
      return send(res, 422, errorFor(422, "The request body is not valid JSON."));
    }
    for (const field of ["from", "to", "subject"]) {
      if (body[field] === undefined || body[field] === null || body[field] === "") {
        return send(res, 422, { ...errorFor(422, `Missing \`${field}\` field.`), name: "missing_required_field" });
      }
    }
    if (typeof body.html !== "string" && typeof body.text !== "string") {
      return send(res, 422, errorFor(422, "Either `html` or `text` must be provided."));
    }

    const idempotencyKey = typeof req.headers["idempotency-key"] === "string" ? req.headers["idempotency-key"] : null;
    const bodyHash = createHash("sha256").update(raw).digest("hex");
    if (idempotencyKey !== null) {
      if (idempotencyKey.length < 1 || idempotencyKey.length > 256) {
        return send(res, 400, { ...errorFor(400, "Idempotency key must be between 1 and 256 characters."), name: "invalid_idempotency_key" });
      }
      const seen = byKey.get(idempotencyKey);
      if (seen && seen.bodyHash !== bodyHash) {
        return send(res, 409, errorFor(409, "Same idempotency key used with a different request payload."));
      }
      if (seen) return send(res, 200, { id: seen.id });
    }

    const email: CapturedEmail = {
      id: randomUUID(),
      from: String(body.from),
      to: list(body.to),
      subject: String(body.subject),
      html: typeof body.html === "string" ? body.html : null,
      text: typeof body.text === "string" ? body.text : null,
      headers: (body.headers as Record<string, string> | undefined) ?? {},
      cc: list(body.cc),
      bcc: list(body.bcc),
      replyTo: list(body.reply_to),
      tags: (body.tags as CapturedEmail["tags"] | undefined) ?? [],
      idempotencyKey,
      apiKey,
      receivedAt: new Date().toISOString(),
    };
    if (idempotencyKey !== null) byKey.set(idempotencyKey, { id: email.id, bodyHash });
    emails.push(email);
    events.emit("email", email);
    send(res, 200, { id: email.id });
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
    return send(res, 404, errorFor(404, `No route ${req.method} ${path} in the Resend capture server.`));
  }

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://capture").pathname;
    const handle = req.method === "POST" && path === "/emails" ? postEmail(req, res) : control(req, res, path);
    handle.catch((error: unknown) => {
      send(res, 500, errorFor(500, error instanceof Error ? error.message : String(error)));
    });
  });
  server.keepAliveTimeout = 1_000;

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
    reset,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
