import { createHash, randomBytes } from "node:crypto";
import { type APIRequestContext, type APIResponse, request as playwrightRequest } from "@playwright/test";
import sharp from "sharp";
import { sealedSignerColumns } from "../support/data";
import { expect, test } from "../support/fixtures";
import { createCampaign, createPetitionIn, createUser, db } from "./helpers";

/**
 * The authorization matrix over HTTP, against the built app: every dashboard page, the export and the portrait
 * upload, for an anonymous visitor, an organizer of another campaign, the campaign's organizer and an admin.
 * (Every server action is in the domain-level matrix, lib/organizers/authorization.int.test.ts.)
 */
type Who = "anonymous" | "other" | "organizer" | "admin";
type Outcome = "sign-in" | 404 | 200 | "back";
const owner: Record<Who, Outcome> = { anonymous: "sign-in", other: 404, organizer: 200, admin: 200 };
const adminOnly: Record<Who, Outcome> = { anonymous: "sign-in", other: 404, organizer: 404, admin: 200 };

let world: { campaign: string; petition: string; update: string; signerEmail: string; cookies: Record<Exclude<Who, "anonymous">, string> };

test.beforeAll(async () => {
  const a = await createCampaign();
  const b = await createCampaign();
  const petition = await createPetitionIn(a.id);
  const organizer = await createUser("organizer", [a.id]);
  const other = await createUser("organizer", [b.id]);
  const admin = await createUser("admin");
  const signerEmail = `signer-${randomBytes(4).toString("hex")}@example.org`;
  const first = sealedSignerColumns(signerEmail, "=1+1 Signer");
  const quiet = sealedSignerColumns(`quiet-${signerEmail}`, "Quiet Signer");
  await db()`insert into signatures (petition_id, email_index, email_sealed, name_sealed, email_domain, locale, state, token_nonce, token_hash, token_expires_at, confirmed_at, consent_delivery)
             values (${petition.id}, ${first.emailIndex}, ${first.emailSealed}, ${first.nameSealed}, ${first.emailDomain}, 'en', 'confirmed', ${randomBytes(8).toString("hex")}, ${randomBytes(8).toString("hex")}, now() + interval '1 day', now(), true)`;
  await db()`insert into signatures (petition_id, email_index, email_sealed, name_sealed, email_domain, locale, state, token_nonce, token_hash, token_expires_at, confirmed_at)
             values (${petition.id}, ${quiet.emailIndex}, ${quiet.emailSealed}, ${quiet.nameSealed}, ${quiet.emailDomain}, 'en', 'confirmed', ${randomBytes(8).toString("hex")}, ${randomBytes(8).toString("hex")}, now() + interval '1 day', now())`;
  const [update] = await db()`insert into campaign_updates (campaign_id) values (${a.id}) returning id`;
  await db()`insert into update_texts (update_id, locale, title, body) values (${update!.id}, 'ru', 'Новость', 'Текст')`;
  const cookie = async (userId: string) => {
    const token = randomBytes(32).toString("base64url");
    // Sessions past the second factor (admins need one in production).
    await db()`insert into sessions (session_token, user_id, expires, second_factor_at) values (${createHash("sha256").update(token).digest("hex")}, ${userId}, now() + interval '1 hour', now())`;
    return `authjs.session-token=${token}`;
  };
  world = { campaign: a.id, petition: petition.id, update: update!.id as string, signerEmail, cookies: { organizer: await cookie(organizer.id), other: await cookie(other.id), admin: await cookie(admin.id) } };
});

async function as(who: Who, baseURL: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, extraHTTPHeaders: who === "anonymous" ? {} : { cookie: world.cookies[who] } });
}

const pages: { name: string; path: () => string; expect: Record<Who, Outcome> }[] = [
  { name: "dashboard", path: () => "/en/dashboard", expect: { anonymous: "sign-in", other: 200, organizer: 200, admin: 200 } },
  { name: "campaign", path: () => `/en/dashboard/campaigns/${world.campaign}`, expect: owner },
  { name: "profile editor", path: () => `/en/dashboard/campaigns/${world.campaign}/profile`, expect: owner },
  { name: "profile preview", path: () => `/en/dashboard/campaigns/${world.campaign}/profile/preview`, expect: owner },
  { name: "new petition", path: () => `/en/dashboard/campaigns/${world.campaign}/petitions/new`, expect: owner },
  { name: "petition", path: () => `/en/dashboard/petitions/${world.petition}`, expect: owner },
  { name: "petition preview", path: () => `/en/dashboard/petitions/${world.petition}/preview`, expect: owner },
  { name: "new update", path: () => `/en/dashboard/campaigns/${world.campaign}/updates/new`, expect: owner },
  { name: "update", path: () => `/en/dashboard/updates/${world.update}`, expect: owner },
  { name: "update preview", path: () => `/en/dashboard/updates/${world.update}/preview?lang=kk`, expect: owner },
  { name: "people", path: () => "/en/dashboard/people", expect: adminOnly },
  { name: "audit log", path: () => "/en/dashboard/audit", expect: adminOnly },
  { name: "unknown petition id", path: () => `/en/dashboard/petitions/${"0".repeat(8)}-0000-4000-8000-000000000000`, expect: { anonymous: "sign-in", other: 404, organizer: 404, admin: 404 } },
  { name: "malformed id", path: () => "/en/dashboard/campaigns/not-a-uuid", expect: { anonymous: "sign-in", other: 404, organizer: 404, admin: 404 } },
];

const whos: Who[] = ["anonymous", "other", "organizer", "admin"];

for (const page of pages) {
  for (const who of whos) {
    test(`GET ${page.name} as ${who} → ${page.expect[who]}`, async ({ baseURL }) => {
      const api = await as(who, baseURL!);
      const response = await api.get(page.path(), { maxRedirects: 0 });
      const expected = page.expect[who];
      if (expected === "sign-in") {
        expect(response.status()).toBe(307);
        expect(response.headers().location).toContain(`/en/sign-in?callbackUrl=${encodeURIComponent(page.path())}`);
      } else {
        expect(response.status()).toBe(expected);
      }
      if (expected === 404) expect(await response.text()).not.toContain("Title petition");
      await api.dispose();
    });
  }
}

/** An export refused: anonymous goes to sign in, anyone else not entitled gets a 404 that names no signer. */
async function refusedExport(response: APIResponse, expected: Outcome): Promise<boolean> {
  if (expected === "sign-in") {
    expect(response.status()).toBe(303);
    expect(response.headers().location).toContain("/en/sign-in");
    return true;
  }
  if (expected === 404) {
    expect(response.status()).toBe(404);
    expect(await response.text()).not.toContain("Signer");
    return true;
  }
  return false;
}

for (const who of whos) {
  const expected = adminOnly[who];
  test(`POST signers' export (addresses) as ${who} → ${expected}`, async ({ baseURL }) => {
    const api = await as(who, baseURL!);
    const response = await api.post(`/en/dashboard/petitions/${world.petition}/export`, { maxRedirects: 0 });
    if (!(await refusedExport(response, expected))) {
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
      expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="petition-.+-signatures\.csv"$/);
      const csv = await response.text();
      expect(csv).toContain(`"'=1+1 Signer"`);
      expect(csv).toContain(world.signerEmail);
    }
    await api.dispose();
  });
}

for (const who of whos) {
  const expected = owner[who];
  test(`POST delivery pack as ${who} → ${expected}`, async ({ baseURL }) => {
    const api = await as(who, baseURL!);
    const response = await api.post(`/en/dashboard/petitions/${world.petition}/delivery-pack`, { form: { format: "csv", language: "en" }, maxRedirects: 0 });
    if (!(await refusedExport(response, expected))) {
      expect(response.status()).toBe(200);
      expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="petition-.+-delivery-en\.csv"$/);
      const csv = await response.text();
      // Only the signer who agreed to be named to the target; never an address.
      expect(csv).toContain(`"'=1+1 Signer"`);
      expect(csv).not.toContain("Quiet Signer");
      expect(csv).not.toContain("@");
    }
    await api.dispose();
  });
}

test("GET export is not a thing (exports are recorded, so they are POSTs)", async ({ baseURL }) => {
  const api = await as("admin", baseURL!);
  expect((await api.get(`/en/dashboard/petitions/${world.petition}/export`, { maxRedirects: 0 })).status()).toBe(405);
  await api.dispose();
});

test("an export from another site is refused", async ({ baseURL }) => {
  const api = await as("admin", baseURL!);
  const response = await api.post(`/en/dashboard/petitions/${world.petition}/export`, { headers: { "sec-fetch-site": "cross-site", origin: "https://evil.example" }, maxRedirects: 0 });
  expect(response.status()).toBe(403);
  await api.dispose();
});

for (const who of whos) {
  test(`POST portrait as ${who}`, async ({ baseURL }) => {
    const png = await sharp({ create: { width: 30, height: 40, channels: 3, background: "#246" } }).png().toBuffer();
    const api = await as(who, baseURL!);
    const response = await api.post(`/en/dashboard/campaigns/${world.campaign}/portrait`, {
      multipart: { portrait: { name: "p.png", mimeType: "image/png", buffer: png } },
      maxRedirects: 0,
    });
    const expected = owner[who];
    if (expected === 404) expect(response.status()).toBe(404);
    else {
      expect(response.status()).toBe(303);
      expect(response.headers().location).toContain(expected === "sign-in" ? "/en/sign-in" : "notice=portrait");
    }
    await api.dispose();
  });
}

test("a disguised upload (HTML named .png) is refused with a message, and served images are plain WebP", async ({ baseURL }) => {
  const api = await as("organizer", baseURL!);
  const png = await sharp({ create: { width: 30, height: 40, channels: 3, background: "#642" } }).png().toBuffer();
  await api.post(`/en/dashboard/campaigns/${world.campaign}/portrait`, { multipart: { portrait: { name: "p.png", mimeType: "image/png", buffer: png } }, maxRedirects: 0 });
  const response = await api.post(`/en/dashboard/campaigns/${world.campaign}/portrait`, {
    multipart: { portrait: { name: "x.png", mimeType: "image/png", buffer: Buffer.from("<html><script>alert(1)</script></html>") } },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(303);
  expect(response.headers().location).toContain("portraitError=image_type");
  const [row] = await db()`select portrait_path from profiles where campaign_id = ${world.campaign}`;
  const path = row!.portrait_path as string;
  expect(path).toMatch(/^\/media\/[0-9a-f-]{36}\.webp$/);
  const image = await api.get(path);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/webp");
  expect(image.headers()["x-content-type-options"]).toBe("nosniff");
  await api.dispose();
});
