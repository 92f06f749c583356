// Holding a response back until it is complete, so its body can be changed before its head goes
// (scripts/scriptless.mjs takes the runtime out of a page; scripts/serve.mjs replaces Next's script-only 404s).

/**
 * From here on, `res` is held — its head and every chunk of its body kept — if `hold()` says so when the answer
 * first shows itself (its head, a write or its end; asked once). A held response is handed, complete, to
 * `finish(body, send)`, which may change its headers and body; `send.writeHead` and `send.end` are the
 * response's own, and `send.status` is the status a held writeHead was given (null if the head was never
 * written). A response not held passes untouched.
 * @param {import("node:http").ServerResponse} res
 * @param {() => boolean} hold
 * @param {(body: Buffer, send: { status: number | null, writeHead: (status: number) => unknown, end: (body?: Buffer | string) => unknown }) => unknown} finish
 */
export function holdResponse(res, hold, finish) {
  const writeHead = res.writeHead.bind(res);
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  const flush = res.flushHeaders.bind(res);
  /** @type {Buffer[]} */
  const chunks = [];
  /** @type {boolean | null} */
  let holding = null;
  /** @type {number | null} */
  let held = null;
  const decide = () => {
    holding ??= hold();
    return holding;
  };
  /** @param {unknown} chunk @param {unknown} encoding */
  const keep = (chunk, encoding) => {
    if (chunk == null || typeof chunk === "function") return;
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? /** @type {BufferEncoding} */ (encoding) : "utf8") : Buffer.from(/** @type {Uint8Array} */ (chunk)));
  };
  // Headers handed to writeHead are kept on the response, so the decision (and a changed body) can come later.
  res.writeHead = /** @type {any} */ ((/** @type {number} */ status, /** @type {any[]} */ ...args) => {
    const headers = args.find((a) => a && typeof a === "object");
    if (headers && !Array.isArray(headers)) for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    res.statusCode = status;
    if (!decide()) return writeHead(status, ...args.filter((a) => typeof a === "string"));
    held = status;
    return res;
  });
  res.flushHeaders = () => (decide() ? undefined : flush());
  res.write = /** @type {any} */ ((/** @type {any} */ chunk, /** @type {any[]} */ ...rest) => {
    if (!decide()) return write(chunk, ...rest);
    keep(chunk, rest[0]);
    return true;
  });
  res.end = /** @type {any} */ ((/** @type {any} */ chunk, /** @type {any[]} */ ...rest) => {
    if (!decide()) return end(chunk, ...rest);
    keep(chunk, rest[0]);
    return finish(Buffer.concat(chunks), { status: held, writeHead, end });
  });
}
