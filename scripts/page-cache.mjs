// A short shared cache of public pages and JSON, in front of Next's request handler (scripts/serve.mjs).
//
// It behaves like a CDN inside the process: it stores what the app itself marks `Cache-Control: public,
// s-maxage=N` (next.config.js says which paths; route handlers mark their own answers), serves it for
// N seconds, then for `stale-while-revalidate` seconds more while one request renders the next copy, and never
// anything older. Pages carry a CSP nonce (proxy.ts): every copy served from here gets a fresh one. The nonce of
// the stored render — random, unknown to anyone before that render — is replaced wherever it appears.
//
// Never stored: anything but a 200 to GET/HEAD, a response with Set-Cookie, one not marked public, client
// navigations (RSC requests), and any request carrying one of our sign-in cookies (organizers always get a fresh
// render, and theirs never reach anyone else). Keyed by Host + URL, bounded in entries and bytes.
//
// Gzip without compressing per request: a stored page is compressed once (on first demand), in pieces split at the nonce, each
// piece primed with what precedes it (nonce bytes masked, so no back-reference can land on one); a copy is those
// pieces with the fresh nonce between them as stored deflate blocks, and the gzip CRC of the whole.
import { randomBytes } from "node:crypto";
import zlib from "node:zlib";

/** Cookies of our sign-in (Auth.js). */
const SIGN_IN_COOKIE = /(?:^|;\s*)(?:__Secure-|__Host-)?authjs\./;
/** Client navigations and server actions: their answers vary with these request headers. */
const ROUTER_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action"];
/** Per connection or per body: never replayed, recomputed for every copy. */
const DROPPED = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "etag", "last-modified", "age", "x-cache"]);
const NONCE = /'nonce-([0-9a-f]{32})'/;
const NONCE_LENGTH = 32;
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255]);
const LAST_BLOCK = Buffer.from([1, 0, 0, 0xff, 0xff]);
/** A stored (uncompressed) deflate block of NONCE_LENGTH bytes: BFINAL 0, BTYPE 00, LEN, NLEN. */
const NONCE_BLOCK_HEADER = Buffer.from([0, NONCE_LENGTH, 0, ~NONCE_LENGTH & 0xff, 0xff]);
const MASK = Buffer.alloc(NONCE_LENGTH, 0xff); // 0xFF never occurs in UTF-8, so nothing matches it

/**
 * @typedef {import("node:http").IncomingMessage} Req
 * @typedef {import("node:http").ServerResponse} Res
 * @typedef {(req: Req, res: Res) => Promise<unknown>} Handler
 * @typedef {{ key: string, status: number, headers: Record<string, string | string[]>, nonce: string | null,
 *   pieces: Buffer[], gzipped: Buffer[] | null, length: number, storedAt: number, freshMs: number, staleMs: number,
 *   bytes: number }} Entry
 */

/**
 * @param {{ maxEntries?: number, maxBytes?: number, maxEntryBytes?: number, maxWaitMs?: number, now?: () => number,
 *   newNonce?: () => string }} [options]
 */
export function createPageCache(options = {}) {
  const maxEntries = options.maxEntries ?? 1000;
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const maxEntryBytes = options.maxEntryBytes ?? 1024 * 1024;
  const now = options.now ?? Date.now;
  const maxWaitMs = options.maxWaitMs ?? 5000;
  const newNonce = options.newNonce ?? (() => randomBytes(NONCE_LENGTH / 2).toString("hex"));
  /** @type {Map<string, Entry>} least recently used first */
  const entries = new Map();
  /** @type {Map<string, Promise<void>>} keys being rendered right now */
  const filling = new Map();
  let bytes = 0;

  /** @param {Entry} entry */
  function store(entry) {
    forget(entry.key);
    entries.set(entry.key, entry);
    bytes += entry.bytes;
    for (const [key, oldest] of entries) {
      if (entries.size <= maxEntries && bytes <= maxBytes) break;
      entries.delete(key);
      bytes -= oldest.bytes;
    }
  }

  /** @param {string} key */
  function forget(key) {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.bytes;
  }

  /** @param {Req} req @param {Res} res @param {Handler} next */
  async function serve(req, res, next) {
    if (!eligible(req)) return next(req, res);
    const key = `${(req.headers.host ?? "").toLowerCase()} ${req.url}`;
    for (;;) {
      const entry = entries.get(key);
      const age = entry ? now() - entry.storedAt : Infinity;
      if (entry && age < entry.freshMs) return reply(req, res, entry, age, "HIT");
      const inFlight = filling.get(key);
      if (entry && age < entry.staleMs) {
        // One request renders the next copy; the others get this one meanwhile.
        if (inFlight || req.method === "HEAD") return reply(req, res, entry, age, "STALE");
        return fill(key, req, res, next);
      }
      if (entry) forget(key);
      // A HEAD has no body to keep: it is answered from a copy or rendered on its own.
      if (req.method === "HEAD") return next(req, res);
      if (!inFlight) return fill(key, req, res, next);
      await wait(inFlight);
      // That answer was not for sharing (an error, a 404, a private page, a file) or is late: render our own.
      if (!entries.has(key)) return next(req, res);
    }
  }

  /**
   * This request renders; requests for the same key wait for its answer (or for as long as `maxWaitMs`), which is
   * kept if the app marked it public. Waiters are let go as soon as its head shows it is not for sharing.
   * @param {string} key @param {Req} req @param {Res} res @param {Handler} next
   */
  function fill(key, req, res, next) {
    const startedAt = now();
    /** @type {() => void} */
    let release = () => {};
    const waiting = new Promise((resolve) => (release = () => resolve(undefined)));
    filling.set(key, waiting);
    const done = () => {
      clearTimeout(late);
      if (filling.get(key) === waiting) filling.delete(key);
      release();
    };
    // An answer that never ends (a client gone mid-stream that Next does not notice) holds nobody up for long.
    const late = setTimeout(done, maxWaitMs);
    const captured = capture(res, maxEntryBytes, (shared) => shared || done());
    captured.body
      .then((body) => {
        if (body) store(toEntry(key, res, body, startedAt));
        // Gone or no longer public (taken down, a 404): no stale copy outlives it. After a 5xx the stale copy stays.
        else if (res.statusCode < 500) forget(key);
      })
      .catch((error) => console.error("[page-cache] not kept:", error instanceof Error ? error.message : "error"))
      .finally(done);
    return next(req, res);
  }

  /** @param {Promise<unknown>} inFlight */
  function wait(inFlight) {
    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    const timeout = new Promise((resolve) => (timer = setTimeout(resolve, maxWaitMs)));
    return Promise.race([inFlight, timeout]).finally(() => clearTimeout(timer));
  }

  /** @param {Req} req @param {Res} res @param {Entry} entry @param {number} age @param {string} state */
  function reply(req, res, entry, age, state) {
    // Recently used to the back, so the front is what goes first.
    entries.delete(entry.key);
    entries.set(entry.key, entry);
    const nonce = entry.nonce ? newNonce() : null;
    /** @type {Record<string, string | string[]>} */
    const headers = { ...entry.headers, age: String(Math.floor(age / 1000)), "x-cache": state };
    const csp = headers["content-security-policy"];
    if (nonce && entry.nonce && typeof csp === "string") headers["content-security-policy"] = csp.split(entry.nonce).join(nonce);
    const gzip = entry.length >= 1024 && acceptsGzip(req);
    if (gzip && !entry.gzipped) {
      // Compressed on first demand, not when stored: a flood of one-off URLs costs no compression.
      entry.gzipped = compressPieces(entry.pieces);
      const added = entry.gzipped.reduce((n, b) => n + b.length, 0);
      entry.bytes += added;
      bytes += added;
    }
    const body = gzip ? gzipCopy(entry, nonce) : plainCopy(entry, nonce);
    if (gzip) headers["content-encoding"] = "gzip";
    headers["content-length"] = String(body.length);
    res.writeHead(entry.status, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  }

  return {
    /** Answers from the cache, or passes the request on to `next`, keeping its answer if the app marked it public. */
    serve,
    stats: () => ({ entries: entries.size, bytes }),
  };
}

/** @param {Req} req */
function eligible(req) {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  if (ROUTER_HEADERS.some((h) => h in req.headers) || "authorization" in req.headers) return false;
  if (/[?&]_rsc=/.test(req.url ?? "")) return false;
  return !SIGN_IN_COOKIE.test(req.headers.cookie ?? "");
}

/** Whether the client takes gzip (named in Accept-Encoding and not refused with q=0). @param {Req} req */
export function acceptsGzip(req) {
  const accept = req.headers["accept-encoding"];
  return typeof accept === "string" && /(?:^|[\s,])gzip(?!\s*;\s*q=0(?:\.0*)?\s*(?:,|$))/i.test(accept);
}

/**
 * Lets the response go to its client as usual and keeps a copy of the body, if its head says it may be shared.
 * @param {Res} res @param {number} maxEntryBytes @param {(shared: boolean) => void} onHead
 * @returns {{ body: Promise<Buffer | null> }}
 */
function capture(res, maxEntryBytes, onHead) {
  /** @type {Buffer[] | null} */
  let chunks = null;
  let size = 0;
  let decided = false;
  /** @param {number} status @param {unknown} [extra] headers handed to writeHead itself */
  const decide = (status, extra) => {
    if (decided) return;
    decided = true;
    const shared = status === 200 && shareable(res) && !hasSetCookie(extra);
    chunks = shared ? [] : null;
    if (shared) res.setHeader("x-cache", "MISS");
    onHead(shared);
  };
  const writeHead = res.writeHead;
  const write = res.write;
  const end = res.end;
  /** @param {unknown} chunk @param {unknown} encoding */
  const keep = (chunk, encoding) => {
    if (!res.headersSent) decide(res.statusCode);
    if (!chunks || chunk == null || typeof chunk === "function") return;
    const buffer = Buffer.isBuffer(chunk)
      ? chunk
      : typeof chunk === "string"
        ? Buffer.from(chunk, typeof encoding === "string" ? /** @type {BufferEncoding} */ (encoding) : "utf8")
        : Buffer.from(/** @type {Uint8Array} */ (chunk));
    size += buffer.length;
    if (size > maxEntryBytes) chunks = null;
    else chunks.push(Buffer.from(buffer)); // a copy: callers may reuse their buffers
  };
  // Node calls writeHead itself before the first byte; by then every header is set.
  res.writeHead = /** @type {typeof res.writeHead} */ (
    (/** @type {any[]} */ ...args) => {
      decide(typeof args[0] === "number" ? args[0] : res.statusCode, args.find((a) => a && typeof a === "object"));
      return writeHead.apply(res, /** @type {any} */ (args));
    }
  );
  res.write = /** @type {typeof res.write} */ (
    (/** @type {any[]} */ ...args) => {
      keep(args[0], args[1]);
      return write.apply(res, /** @type {any} */ (args));
    }
  );
  res.end = /** @type {typeof res.end} */ (
    (/** @type {any[]} */ ...args) => {
      keep(args[0], args[1]);
      return end.apply(res, /** @type {any} */ (args));
    }
  );
  const body = new Promise((resolve) => {
    const settle = () => {
      res.writeHead = writeHead;
      res.write = write;
      res.end = end;
      try {
        resolve(res.writableFinished && chunks ? decoded(res, Buffer.concat(chunks), maxEntryBytes) : null);
      } catch {
        resolve(null); // a body we cannot decode is not kept
      }
    };
    res.once("finish", settle);
    res.once("close", settle);
  });
  return { body: /** @type {Promise<Buffer | null>} */ (body) };
}

/** @param {unknown} headers */
function hasSetCookie(headers) {
  if (!headers) return false;
  if (Array.isArray(headers)) return headers.some((h, i) => i % 2 === 0 && String(h).toLowerCase() === "set-cookie");
  return Object.keys(/** @type {object} */ (headers)).some((name) => name.toLowerCase() === "set-cookie");
}

/** The head of a response the app marked for sharing. @param {Res} res */
function shareable(res) {
  if (res.hasHeader("set-cookie")) return false;
  const cacheControl = String(res.getHeader("cache-control") ?? "").toLowerCase();
  if (!/(?:^|,)\s*public\s*(?:,|$)/.test(cacheControl) || /no-store|private|no-cache/.test(cacheControl)) return false;
  return seconds(cacheControl, "s-maxage") > 0;
}

/** @param {string} cacheControl @param {string} name */
function seconds(cacheControl, name) {
  const match = new RegExp(`(?:^|,)\\s*${name}=(\\d+)`).exec(cacheControl);
  return match ? Number(match[1]) : 0;
}

/**
 * The body as the app wrote it (Next compresses before our copy is taken), or null past the size limit.
 * @param {Res} res @param {Buffer} body @param {number} maxOutputLength
 */
function decoded(res, body, maxOutputLength) {
  const encoding = String(res.getHeader("content-encoding") ?? "identity").toLowerCase();
  if (encoding === "identity") return body;
  if (encoding === "gzip") return zlib.gunzipSync(body, { maxOutputLength });
  if (encoding === "br") return zlib.brotliDecompressSync(body, { maxOutputLength });
  if (encoding === "deflate") return zlib.inflateSync(body, { maxOutputLength });
  return null;
}

/** @param {string} key @param {Res} res @param {Buffer} body @param {number} storedAt @returns {Entry} */
function toEntry(key, res, body, storedAt) {
  const cacheControl = String(res.getHeader("cache-control") ?? "").toLowerCase();
  /** @type {Record<string, string | string[]>} */
  const headers = {};
  for (const [name, value] of Object.entries(res.getHeaders())) {
    if (value === undefined || DROPPED.has(name)) continue;
    headers[name] = Array.isArray(value) ? value : String(value);
  }
  const csp = headers["content-security-policy"];
  const nonce = typeof csp === "string" ? (NONCE.exec(csp)?.[1] ?? null) : null;
  const pieces = nonce ? split(body, nonce) : [body];
  const freshMs = seconds(cacheControl, "s-maxage") * 1000;
  return {
    key,
    status: 200,
    headers,
    nonce,
    pieces,
    gzipped: null,
    length: body.length,
    storedAt,
    freshMs,
    staleMs: freshMs + seconds(cacheControl, "stale-while-revalidate") * 1000,
    bytes: body.length + key.length,
  };
}

/** @param {Buffer} body @param {string} nonce */
function split(body, nonce) {
  const pieces = [];
  let from = 0;
  for (let at = body.indexOf(nonce); at !== -1; at = body.indexOf(nonce, from)) {
    pieces.push(body.subarray(from, at));
    from = at + nonce.length;
  }
  pieces.push(body.subarray(from));
  return pieces;
}

/** Each piece as raw deflate ending on a byte boundary, primed with the 32 KB before it (nonces masked). @param {Buffer[]} pieces */
function compressPieces(pieces) {
  const out = [];
  let before = Buffer.alloc(0);
  for (const [i, piece] of pieces.entries()) {
    /** @type {zlib.ZlibOptions} */
    const options = { level: 6, finishFlush: zlib.constants.Z_SYNC_FLUSH };
    if (before.length) options.dictionary = before;
    out.push(zlib.deflateRawSync(piece, options));
    before = Buffer.concat([before, piece, i < pieces.length - 1 ? MASK : Buffer.alloc(0)]).subarray(-32768);
  }
  return out;
}

/** @param {Entry} entry @param {string | null} nonce */
function plainCopy(entry, nonce) {
  if (!nonce) return entry.pieces[0] ?? Buffer.alloc(0);
  const nonceBytes = Buffer.from(nonce);
  const parts = [];
  for (const [i, piece] of entry.pieces.entries()) {
    if (i > 0) parts.push(nonceBytes);
    parts.push(piece);
  }
  return Buffer.concat(parts);
}

/** @param {Entry} entry @param {string | null} nonce */
function gzipCopy(entry, nonce) {
  const gzipped = /** @type {Buffer[]} */ (entry.gzipped);
  const nonceBytes = nonce ? Buffer.from(nonce) : null;
  const parts = [GZIP_HEADER];
  for (const [i, piece] of gzipped.entries()) {
    if (i > 0 && nonceBytes) parts.push(NONCE_BLOCK_HEADER, nonceBytes);
    parts.push(piece);
  }
  parts.push(LAST_BLOCK);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(plainCopy(entry, nonce)), 0);
  trailer.writeUInt32LE(entry.length % 2 ** 32, 4);
  parts.push(trailer);
  return Buffer.concat(parts);
}

/** zlib.crc32 where Node has it (≥ 20.15), the same sum in JavaScript before. @param {Buffer} data */
export const crc32 =
  typeof zlib.crc32 === "function"
    ? (/** @type {Buffer} */ data) => zlib.crc32(data)
    : crc32js;

/** @type {Uint32Array | undefined} */
let table;
/** @param {Buffer} data */
export function crc32js(data) {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = /** @type {number} */ (table[(crc ^ /** @type {number} */ (data[i])) & 0xff]) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
