import { createPetition } from "../support/data";
import { startSiblingServer } from "../support/embedded-server";
import { expect, test } from "../support/fixtures";

// Issue 13 item 2, through the real server: per client address per petition, a burst limit. 100 people behind
// 100 addresses all count; 200 signatures from one address move the count by no more than the limit — the rest
// see the same page and get no email. An app process with a low limit, behind a "proxy" (TRUSTED_PROXIES), beside
// the e2e one.

const burst = 20;
test.setTimeout(240_000);

test("100 signatures from 100 addresses all count; 200 from one address count no more than the limit", async ({ request, mailbox, baseURL }) => {
  const app = await startSiblingServer({ TRUSTED_PROXIES: "127.0.0.1/32", SIGN_LIMIT_BURST: String(burst), SIGN_LIMIT_HOURLY: "1000" });
  try {
    const many = await createPetition();
    const crowd = await createPetition();
    const sign = (slug: string, email: string, address: string) =>
      request.post(`${app.baseURL}/api/v1/petitions/${slug}/signatures`, {
        form: { name: "Supporter", email, locale: "en" },
        headers: { "x-forwarded-for": address },
        maxRedirects: 0,
      });
    const tag = Date.now().toString(36);
    const manyEmails = Array.from({ length: 100 }, (_, i) => `many.${tag}.${i}@example.org`);
    const crowdEmails = Array.from({ length: 200 }, (_, i) => `crowd.${tag}.${i}@example.org`);
    // In parallel, as real people would arrive: every one of them is told to check their email.
    const answers = await Promise.all([
      ...manyEmails.map((email, i) => sign(many.slug, email, `10.1.${i >> 8}.${i & 255}`)),
      ...crowdEmails.map((email) => sign(crowd.slug, email, "203.0.113.7")),
    ]);
    for (const answer of answers) {
      expect(answer.status()).toBe(303);
      expect(answer.headers().location).toMatch(/\/en\/petitions\/e2e-[0-9a-f]+\/signed$/);
    }

    // Every confirmation email that was sent, confirmed by its reader.
    const confirmAll = async (emails: string[], expected: number) => {
      const wanted = new Set(emails);
      await expect.poll(async () => (await mailbox.emails()).filter((e) => e.to.some((to) => wanted.has(to))).length, { timeout: 120_000 }).toBe(expected);
      const mails = (await mailbox.emails()).filter((e) => e.to.some((to) => wanted.has(to)));
      for (const mail of mails) {
        const token = /\/confirm\/([A-Za-z0-9_-]{43})/.exec(mail.text ?? "")![1]!;
        const confirmed = await request.post(`${baseURL}/api/v1/signatures/confirm`, { form: { token, locale: "en" }, maxRedirects: 0 });
        expect(confirmed.status()).toBe(303);
      }
    };
    await confirmAll(manyEmails, 100);
    await confirmAll(crowdEmails, burst);
    const count = async (slug: string) => ((await (await request.get(`${baseURL}/api/v1/petitions/${slug}`)).json()) as { count: number }).count;
    await expect.poll(() => count(many.slug), { timeout: 6_000 }).toBe(100);
    await expect.poll(() => count(crowd.slug), { timeout: 6_000 }).toBe(burst);
    // No more email comes for the shadow-banned 180: their signatures were kept without one.
    expect((await mailbox.emails()).filter((e) => e.to.some((to) => crowdEmails.includes(to)))).toHaveLength(burst);
  } finally {
    await app.stop();
  }
});
