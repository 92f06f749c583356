import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { createPageCache } from "./page-cache.mjs";
import { linkWithoutScripts, scriptlessCandidate, sendScriptless, stripNextRuntime } from "./scriptless.mjs";

/** What Next 16 writes for a page, trimmed: its chunks, preloads, the inline RSC payload, and our own script. */
const nonce = "0123456789abcdef0123456789abcdef";
const page = [
  "<!DOCTYPE html><html lang=\"en\"><head>",
  `<link rel="preload" href="/_next/static/chunks/webpack-1.js" as="script" fetchPriority="low" nonce="${nonce}"/>`,
  `<link rel="modulepreload" href="/_next/static/chunks/app.js"/>`,
  `<link rel="stylesheet" href="/styles.css?v=1"/>`,
  `<link rel="preload" href="/fonts/a.woff2" as="font" type="font/woff2" crossorigin=""/>`,
  `<script src="/enhance.js?v=2" nonce="${nonce}" defer=""></script>`,
  `<script src="/_next/static/chunks/main-app.js" async="" nonce="${nonce}"></script>`,
  `<script type="application/ld+json">{"@type":"Event"}</script>`,
  "</head><body><form method=\"post\" action=\"/api/x\"><button>Sign</button></form>",
  "<p>Text of the petition.</p>".repeat(50),
  `<script nonce="${nonce}">(self.__next_f=self.__next_f||[]).push([0])</script>`,
  `<script nonce="${nonce}">self.__next_f.push([1,"1:\\u003c/script\\u003e"])</script>`,
  "</body></html>",
].join("");

describe("stripNextRuntime", () => {
  it("takes out Next's chunks, script preloads and inline payload, and keeps the page, our script, styles, fonts and data", () => {
    const out = stripNextRuntime(page);
    expect(out).not.toContain("/_next/");
    expect(out).not.toContain("__next_f");
    expect(out).toContain(`<script src="/enhance.js?v=2" nonce="${nonce}" defer=""></script>`);
    expect(out).toContain('<script type="application/ld+json">');
    expect(out).toContain('<link rel="stylesheet" href="/styles.css?v=1"/>');
    expect(out).toContain('as="font"');
    expect(out).toContain('<form method="post" action="/api/x"><button>Sign</button></form>');
    expect(out.match(/<script/g)).toHaveLength(2);
  });

  it("drops script preloads from a Link header and keeps the rest", () => {
    expect(linkWithoutScripts('</_next/a.js>; rel=preload; as="script", </styles.css>; rel=preload; as="style"')).toBe(' </styles.css>; rel=preload; as="style"');
    expect(linkWithoutScripts('</_next/a.js>; rel=preload; as="script"')).toBe("");
  });
});

describe("scriptlessCandidate", () => {
  const req = (url: string, method = "GET", headers: Record<string, string> = {}) => ({ url, method, headers }) as unknown as IncomingMessage;
  it("is every supporter-facing page, and not the organizer's area, the dev tools, the API, files or client navigations", () => {
    for (const url of ["/ru", "/en/petitions/x", "/kk/rallies/y?ref=1", "/en/petitions/x/signed", "/ru/confirm/abc"]) expect(scriptlessCandidate(req(url)), url).toBe(true);
    for (const url of ["/en/dashboard", "/ru/dashboard/petitions/1", "/en/sign-in", "/en/dev/mailbox", "/api/v1/petitions/x", "/styles.css", "/_next/static/a.js", "/en/petitions/x?_rsc=1"]) {
      expect(scriptlessCandidate(req(url)), url).toBe(false);
    }
    expect(scriptlessCandidate(req("/en", "POST"))).toBe(false);
    expect(scriptlessCandidate(req("/en", "GET", { rsc: "1" }))).toBe(false);
  });
});

describe("sendScriptless", () => {
  let server: Server | null = null;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  /** A stand-in for Next: streams the page in pieces, gzips if asked, or answers as told. */
  async function start(answer: (req: IncomingMessage, res: ServerResponse) => void, withCache = false) {
    const cache = createPageCache();
    server = createServer((req, res) => {
      const render = async (rq: IncomingMessage, rs: ServerResponse) => {
        sendScriptless(rq, rs);
        answer(rq, rs);
      };
      if (withCache) void cache.serve(req, res, render);
      else void render(req, res);
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  }
  const nextLike = (req: IncomingMessage, res: ServerResponse) => {
    res.statusCode = 200;
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.setHeader("cache-control", "public, max-age=0, s-maxage=2, stale-while-revalidate=2");
    res.setHeader("vary", "rsc, next-router-state-tree");
    res.setHeader("link", '</_next/static/chunks/a.js>; rel=preload; as="script"');
    if (/gzip/.test(String(req.headers["accept-encoding"] ?? ""))) {
      res.setHeader("content-encoding", "gzip");
      res.end(zlib.gzipSync(page));
      return;
    }
    res.write(page.slice(0, 300));
    res.end(page.slice(300));
  };

  it("sends the page without the runtime, gzipped when the client takes gzip, and Next is asked for identity", async () => {
    const base = await start(nextLike);
    const plain = await fetch(`${base}/en`, { headers: { "accept-encoding": "identity" } });
    expect(await plain.text()).toBe(stripNextRuntime(page));
    expect(plain.headers.get("link")).toBeNull();
    expect(plain.headers.get("vary")).toBe("rsc, next-router-state-tree, Accept-Encoding");
    const raw = await new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
      import("node:http").then(({ get }) =>
        get(`${base}/en`, { headers: { "accept-encoding": "gzip" } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c) => chunks.push(c));
          res.on("end", () => resolve({ encoding: res.headers["content-encoding"], body: Buffer.concat(chunks) }));
        }).on("error", reject),
      );
    });
    expect(raw.encoding).toBe("gzip");
    expect(zlib.gunzipSync(raw.body).toString()).toBe(stripNextRuntime(page));
  });

  it("leaves anything but a 200 page as it is", async () => {
    const base = await start((_req, res) => {
      res.writeHead(404, { "content-type": "text/html" });
      res.end(page);
    });
    const response = await fetch(`${base}/en/nothing`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe(page);
  });

  it("is what the page cache keeps and serves again", async () => {
    const base = await start(nextLike, true);
    await (await fetch(`${base}/en`)).text();
    const again = await fetch(`${base}/en`);
    expect(again.headers.get("x-cache")).toBe("HIT");
    expect(await again.text()).not.toContain("/_next/");
  });
});
