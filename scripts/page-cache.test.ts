import { randomBytes } from "node:crypto";
import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { crc32, crc32js, createPageCache } from "./page-cache.mjs";

const PUBLIC = "public, max-age=0, s-maxage=2, stale-while-revalidate=2";

type Route = { status?: number; cacheControl?: string; setCookie?: "header" | "writeHead"; body?: (nonce: string, n: number) => string };

/**
 * A stand-in for Next behind the cache: renders a page with a nonce of its own in the CSP header and in the body
 * (as proxy.ts and Next do), gzips when asked (as Next does), counts renders, and can be held mid-render.
 */
function fakeApp(routes: Record<string, Route>) {
  const state = { renders: 0, hold: null as Promise<void> | null };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const route = routes[(req.url ?? "").split("?")[0]!] ?? { status: 404, cacheControl: "private, no-store" };
    state.renders++;
    const n = state.renders;
    if (state.hold) await state.hold;
    const nonce = randomBytes(16).toString("hex");
    const html = (route.body ?? ((x, i) => `<html><script nonce="${x}">render ${i}</script>${"<p>text</p>".repeat(200)}<script nonce="${x}"></script></html>`))(nonce, n);
    res.statusCode = route.status ?? 200;
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.setHeader("cache-control", route.cacheControl ?? PUBLIC);
    res.setHeader("content-security-policy", `script-src 'nonce-${nonce}' 'strict-dynamic'`);
    if (route.setCookie === "header") res.setHeader("set-cookie", "a=b");
    if (route.setCookie === "writeHead") {
      res.writeHead(res.statusCode, { "set-cookie": "a=b" });
      res.end(html);
    } else if (/gzip/.test(String(req.headers["accept-encoding"] ?? ""))) {
      res.setHeader("content-encoding", "gzip");
      res.end(zlib.gzipSync(html));
    } else {
      res.write(html.slice(0, 100));
      res.end(html.slice(100));
    }
  };
  return { state, handle };
}

let clock = 0;
const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
  clock = 0;
});

async function serve(routes: Record<string, Route>, options: Parameters<typeof createPageCache>[0] = {}) {
  const app = fakeApp(routes);
  const cache = createPageCache({ now: () => clock, ...options });
  const server = createServer((req, res) => void cache.serve(req, res, app.handle));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${base}${path}`, init);
    const raw = Buffer.from(await response.arrayBuffer()); // fetch decodes gzip itself
    return { response, text: raw.toString("utf8"), cache: response.headers.get("x-cache") };
  };
  return { app, cache, get, base };
}

const nonceOf = (csp: string | null) => /'nonce-([0-9a-f]{32})'/.exec(csp ?? "")?.[1];

describe("page cache", () => {
  it("renders a public page once while fresh and gives every copy a fresh nonce, the same in header and body", async () => {
    const { app, get } = await serve({ "/ru": {} });
    const first = await get("/ru");
    const second = await get("/ru");
    const third = await get("/ru");
    expect(app.state.renders).toBe(1);
    expect([first.cache, second.cache, third.cache]).toEqual(["MISS", "HIT", "HIT"]);
    const nonces = [first, second, third].map((r) => nonceOf(r.response.headers.get("content-security-policy")));
    expect(new Set(nonces).size).toBe(3);
    for (const [i, r] of [first, second, third].entries()) {
      expect(r.text.match(/nonce="([0-9a-f]{32})"/g)).toEqual([`nonce="${nonces[i]}"`, `nonce="${nonces[i]}"`]);
      expect(r.text.replaceAll(nonces[i]!, "N")).toBe(first.text.replaceAll(nonces[0]!, "N"));
    }
    expect(second.response.headers.get("cache-control")).toBe(PUBLIC);
    expect(second.response.headers.get("age")).toBe("0");
  });

  it("serves gzip from pieces compressed once: the copy decodes to the page with its new nonce", async () => {
    const { app, base } = await serve({ "/ru": {} });
    const raw = async () => {
      const { request } = await import("node:http");
      return new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
        request(`${base}/ru`, { headers: { "accept-encoding": "gzip, br" } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        })
          .on("error", reject)
          .end();
      });
    };
    const filled = await raw(); // Next's own gzip, kept decoded
    const copy = await raw();
    expect(app.state.renders).toBe(1);
    expect(copy.headers["x-cache"]).toBe("HIT");
    expect(copy.headers["content-encoding"]).toBe("gzip");
    expect(Number(copy.headers["content-length"])).toBe(copy.body.length);
    const text = zlib.gunzipSync(copy.body).toString();
    const nonce = nonceOf(String(copy.headers["content-security-policy"]))!;
    expect(text).toContain(`<script nonce="${nonce}">render 1</script>`);
    expect(text.replaceAll(nonce, "N")).toBe(
      zlib.gunzipSync(filled.body).toString().replaceAll(nonceOf(String(filled.headers["content-security-policy"]))!, "N"),
    );
    expect(copy.body.length).toBeLessThan(text.length / 4);
  });

  it("after s-maxage one request renders while the others get the stale copy; after stale-while-revalidate none older", async () => {
    const { app, get } = await serve({ "/ru": {} });
    await get("/ru");
    clock = 2500; // stale
    let release!: () => void;
    app.state.hold = new Promise((r) => (release = r));
    const rendering = get("/ru");
    await expect.poll(() => app.state.renders).toBe(2);
    const meanwhile = await get("/ru");
    expect(meanwhile.cache).toBe("STALE");
    expect(meanwhile.text).toContain("render 1");
    expect(meanwhile.response.headers.get("age")).toBe("2");
    release();
    app.state.hold = null;
    expect((await rendering).text).toContain("render 2");
    const after = await get("/ru");
    expect(after.cache).toBe("HIT");
    expect(after.text).toContain("render 2");

    clock = 2500 + 4000; // past fresh + stale of render 2: waits for a new render
    app.state.hold = new Promise((r) => (release = r));
    const a = get("/ru");
    const b = get("/ru");
    await expect.poll(() => app.state.renders).toBe(3);
    release();
    const [ra, rb] = await Promise.all([a, b]);
    expect(ra.text).toContain("render 3");
    expect(rb.text).toContain("render 3");
    expect(app.state.renders).toBe(3);
  });

  it("many visitors arriving at once on a cold page cost one render", async () => {
    const { app, get } = await serve({ "/ru/petitions/x": {} });
    const answers = await Promise.all(Array.from({ length: 20 }, () => get("/ru/petitions/x")));
    expect(app.state.renders).toBe(1);
    expect(answers.every((a) => a.response.status === 200 && a.text.includes("render 1"))).toBe(true);
  });

  it("never keeps or serves what is not public: private, Set-Cookie, errors, POST, RSC requests", async () => {
    const { app, get } = await serve({
      "/private": { cacheControl: "private, no-store" },
      "/cookie": { setCookie: "header" },
      "/cookie-in-head": { setCookie: "writeHead" },
      "/gone": { status: 404, cacheControl: PUBLIC },
      "/public-no-smaxage": { cacheControl: "public, max-age=60" },
      "/page": {},
    });
    for (const path of ["/private", "/cookie", "/cookie-in-head", "/gone", "/public-no-smaxage"]) {
      expect((await get(path)).cache, path).toBeNull();
      expect((await get(path)).cache, path).toBeNull();
    }
    expect(app.state.renders).toBe(10);
    await get("/page", { method: "POST" });
    await get("/page", { headers: { rsc: "1" } });
    await get("/page?_rsc=abc");
    expect(app.state.renders).toBe(13);
    expect((await get("/page")).cache).toBe("MISS");
    expect((await get("/page")).cache).toBe("HIT");
  });

  it("a request with a sign-in cookie is never answered from the cache, and its answer is never kept", async () => {
    const { app, get } = await serve({ "/ru": {} });
    const organizer = { headers: { cookie: "theme=dark; authjs.session-token=abc" } };
    const own = await get("/ru", organizer);
    expect(own.cache).toBeNull();
    expect((await get("/ru")).cache).toBe("MISS"); // the organizer's render was not kept
    expect((await get("/ru", { headers: { cookie: "__Secure-authjs.session-token=abc" } })).cache).toBeNull();
    expect(app.state.renders).toBe(3);
    // Other cookies (a CDN's, say) do not turn the cache off.
    expect((await get("/ru", { headers: { cookie: "__cf_bm=x" } })).cache).toBe("HIT");
  });

  it("HEAD is answered from a copy, and a HEAD on a cold page keeps nothing", async () => {
    const { app, get } = await serve({ "/ru": {} });
    expect((await get("/ru", { method: "HEAD" })).cache).toBeNull(); // rendered, not kept
    expect((await get("/ru")).cache).toBe("MISS");
    const head = await get("/ru", { method: "HEAD" });
    expect(head.cache).toBe("HIT");
    expect(head.text).toBe("");
    expect(app.state.renders).toBe(2);
  });

  it("a page taken down drops its stale copy at once; while a render fails, others still get the stale copy", async () => {
    const routes: Record<string, Route> = { "/p": {} };
    const { app, get } = await serve(routes);
    await get("/p");
    clock = 2500;
    routes["/p"] = { status: 500, cacheControl: "private, no-store" };
    let release!: () => void;
    app.state.hold = new Promise((r) => (release = r));
    const failing = get("/p");
    await expect.poll(() => app.state.renders).toBe(2);
    expect((await get("/p")).cache).toBe("STALE");
    release();
    app.state.hold = null;
    expect((await failing).response.status).toBe(500);
    expect((await get("/p")).response.status).toBe(500); // the next one renders (and fails) again
    routes["/p"] = { status: 404, cacheControl: "private, no-store" };
    expect((await get("/p")).response.status).toBe(404);
    routes["/p"] = {};
    clock = 3000; // still within the first copy's stale window, but the 404 dropped it
    expect((await get("/p")).cache).toBe("MISS");
  });

  it("keys by host and URL, and keeps at most maxEntries, dropping the least recently used", async () => {
    const { app, get } = await serve({ "/a": {}, "/b": {}, "/c": {} }, { maxEntries: 2 });
    await get("/a");
    await get("/b");
    await get("/a"); // a is now the most recently used
    await get("/c"); // b goes
    expect(app.state.renders).toBe(3);
    expect((await get("/a")).cache).toBe("HIT");
    expect((await get("/b")).cache).toBe("MISS");
    expect((await get("/a?x=1")).cache).toBe("MISS");
  });

  it("does not keep a body larger than maxEntryBytes", async () => {
    const { get } = await serve({ "/big": {} }, { maxEntryBytes: 1000 });
    for (const headers of [{ "accept-encoding": "identity" }, { "accept-encoding": "gzip" }]) {
      await get("/big", { headers });
      expect((await get("/big", { headers })).cache).toBe("MISS"); // 2.3 kB of HTML, however small gzipped
    }
  });

  it("a render that never ends holds other visitors for maxWaitMs only", async () => {
    const { app, get } = await serve({ "/slow": {} }, { maxWaitMs: 20 });
    app.state.hold = new Promise(() => {});
    void get("/slow").catch(() => {});
    await expect.poll(() => app.state.renders).toBe(1);
    app.state.hold = null;
    const second = await get("/slow");
    expect(second.response.status).toBe(200);
    expect(second.text).toContain("render 2");
  });

  it("computes the gzip CRC the same in JavaScript as zlib", () => {
    for (const size of [0, 1, 1000, 70_000]) {
      const data = randomBytes(size);
      expect(crc32js(data)).toBe(zlib.crc32 ? zlib.crc32(data) : crc32(data));
      expect(crc32(data)).toBe(crc32js(data));
    }
    expect(crc32js(Buffer.from("123456789"))).toBe(0xcbf43926);
  });
});
