import http from "node:http";
import { type EmbeddedServer, networkAddress, startEmbeddedServer } from "../support/embedded-server";
import { expect, test } from "../support/fixtures";
import { locales, t } from "../support/site";

// Someone else on the network against a newcomer's embedded default. Real sockets: requests from this machine's
// non-loopback address (its own network namespace's eth0, say) reach the server as a remote peer would.

const devAdmin = "admin@qoldau.localhost";

type Answer = { status: number; location: string | undefined; setCookie: string[]; body: string };

/** A request over a socket to `address`, with the Host header of the app's own origin (a browser would send it). */
function request(address: string, port: number, path: string, headers: Record<string, string> = {}, method = "GET", body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: address, port, path, method, headers: { host: `localhost:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, location: res.headers.location, setCookie: res.headers["set-cookie"] ?? [], body: Buffer.concat(chunks).toString("utf8") }),
      );
    });
    req.on("error", reject);
    req.end(body);
  });
}

test.describe("an embedded default told to listen on every interface", () => {
  let server: EmbeddedServer;
  const remote = networkAddress();

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = await startEmbeddedServer({ env: { HOSTNAME: "0.0.0.0" }, appUrl: (port) => `http://localhost:${port}` });
  });
  test.afterAll(async () => server?.stop());

  test("serves public pages to the network but refuses it the dev mailbox, with a page that says why", async () => {
    expect((await request(remote, server.port, "/en")).status).toBe(200);
    for (const locale of locales) {
      const answer = await request(remote, server.port, `/${locale}/dev/mailbox`);
      expect(answer.status).toBe(403);
      expect(answer.body).toContain(t(locale, "devMailbox.localOnlyTitle"));
      expect(answer.body).toContain(`lang="${locale}"`);
    }
    expect((await request(remote, server.port, "/api/dev/mailbox/00000000-0000-4000-8000-000000000000")).status).toBe(403);
    // A client cannot pass for this machine by what it writes in its headers.
    const forged = await request(remote, server.port, "/en/dev/mailbox", { "x-forwarded-for": "127.0.0.1", "x-real-ip": "127.0.0.1" });
    expect(forged.status).toBe(403);
    // A local proxy that forwards a remote visitor does not make them local either.
    expect((await request("127.0.0.1", server.port, "/en/dev/mailbox", { "x-forwarded-for": remote })).status).toBe(403);
    expect((await request("127.0.0.1", server.port, "/en/dev/mailbox")).status).toBe(200);
  });

  test("the dev admin cannot be taken over from another computer", async ({ browser }) => {
    // Someone on the network asks for the dev admin's link: the answer is the usual one...
    const csrf = await request(remote, server.port, "/api/auth/csrf");
    const csrfToken = (JSON.parse(csrf.body) as { csrfToken: string }).csrfToken;
    const cookie = csrf.setCookie.map((c) => c.split(";")[0]).join("; ");
    const form = new URLSearchParams({ email: devAdmin, csrfToken, callbackUrl: "/en/dashboard" }).toString();
    const asked = await request(remote, server.port, "/api/auth/signin/email", { cookie, "content-type": "application/x-www-form-urlencoded" }, "POST", form);
    expect(asked.status).toBe(302);

    // ...but the link lands in a mailbox only this machine reads, and even the link itself is refused remotely.
    const context = await browser.newContext({ baseURL: server.baseURL });
    const page = await context.newPage();
    await expect(async () => {
      await page.goto("/en/dev/mailbox");
      await expect(page.getByRole("row").filter({ hasText: devAdmin })).not.toHaveCount(0);
    }).toPass({ timeout: 20_000 });
    await page.getByRole("row").filter({ hasText: devAdmin }).first().getByRole("link").click();
    const link = await page.getByTestId("mail-text").getByRole("link").filter({ hasText: "/sign-in/verify" }).first().getAttribute("href");
    const verify = new URL(link!);
    const callback = `/api/auth/callback/email?${new URLSearchParams({ token: verify.searchParams.get("token")!, email: verify.searchParams.get("email")!, callbackUrl: "/en/dashboard" })}`;
    const stolen = await request(remote, server.port, callback, { cookie });
    expect(stolen.status).toBe(303);
    expect(stolen.location).toBe("/en/sign-in?error=AccessDenied");
    expect(stolen.setCookie.join(";")).not.toContain("session-token");

    // The person at the keyboard signs in with the same link; their session cookie is no use from elsewhere.
    await page.goto(verify.pathname + verify.search);
    await page.getByRole("button", { name: t("en", "auth.verify.submit") }).click();
    await expect(page).toHaveURL(/\/en\/dashboard/);
    const session = (await context.cookies()).find((c) => c.name.includes("session-token"));
    expect(session).toBeDefined();
    const fromElsewhere = await request(remote, server.port, "/en/dashboard", { cookie: `${session!.name}=${session!.value}` });
    expect(fromElsewhere.status).toBe(307);
    expect(fromElsewhere.location).toContain("/en/sign-in");
    const fromHere = await request("127.0.0.1", server.port, "/en/dashboard", { cookie: `${session!.name}=${session!.value}` });
    expect(fromHere.status).toBe(200);
    await context.close();
  });
});

test("the embedded default listens on loopback only unless HOSTNAME says otherwise", async () => {
  test.setTimeout(120_000);
  const server = await startEmbeddedServer();
  try {
    await expect(request(networkAddress(), server.port, "/en")).rejects.toThrow(/ECONNREFUSED/);
    expect((await request("127.0.0.1", server.port, "/en", { host: new URL(server.baseURL).host })).status).toBe(200);
  } finally {
    await server.stop();
  }
});
