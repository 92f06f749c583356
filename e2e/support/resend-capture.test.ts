import { Resend } from "resend";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { mailboxAt } from "./mailbox";
import { type ResendCapture, startResendCapture } from "./resend-capture";

// Driven through the real `resend` SDK, exactly as lib/email/send.ts uses it in production.
let capture: ResendCapture;
let resend: Resend;
const previousBaseUrl = process.env.RESEND_BASE_URL;

beforeAll(async () => {
  capture = await startResendCapture();
  process.env.RESEND_BASE_URL = capture.url; // read by the SDK's constructor
  resend = new Resend("re_test");
});
afterAll(async () => {
  if (previousBaseUrl === undefined) delete process.env.RESEND_BASE_URL;
  else process.env.RESEND_BASE_URL = previousBaseUrl;
  await capture?.close();
});
beforeEach(() => capture.reset());

const message = (to = "supporter@example.org") => ({
  from: "Qoldau <noreply@qoldau.test>",
  to,
  subject: "Please confirm your signature",
  html: "<p>Confirm</p>",
  text: "Confirm",
  headers: { "List-Unsubscribe": "<https://qoldau.test/u/1>" },
});

describe("Resend capture server", () => {
  it("stores what the SDK sends and answers its id", async () => {
    const { data, error } = await resend.emails.send(message(), { idempotencyKey: "confirm/1" });
    expect(error).toBeNull();
    expect(data?.id).toEqual(expect.any(String));
    const [email] = capture.emails();
    expect(email).toMatchObject({
      id: data?.id,
      from: "Qoldau <noreply@qoldau.test>",
      to: ["supporter@example.org"],
      subject: "Please confirm your signature",
      html: "<p>Confirm</p>",
      text: "Confirm",
      headers: { "List-Unsubscribe": "<https://qoldau.test/u/1>" },
      idempotencyKey: "confirm/1",
      apiKey: "re_test",
    });
  });

  it("answers a repeated Idempotency-Key with the same id and stores the email once", async () => {
    const first = await resend.emails.send(message(), { idempotencyKey: "confirm/2" });
    const again = await resend.emails.send(message(), { idempotencyKey: "confirm/2" });
    const other = await resend.emails.send(message(), { idempotencyKey: "confirm/3" });
    expect(again.data?.id).toBe(first.data?.id);
    expect(other.data?.id).not.toBe(first.data?.id);
    expect(capture.emails().map((e) => e.idempotencyKey)).toEqual(["confirm/2", "confirm/3"]);
  });

  it("refuses a reused Idempotency-Key with a different body, like Resend", async () => {
    await resend.emails.send(message("a@example.org"), { idempotencyKey: "confirm/4" });
    const { data, error } = await resend.emails.send(message("b@example.org"), { idempotencyKey: "confirm/4" });
    expect(data).toBeNull();
    expect(error).toMatchObject({ name: "invalid_idempotent_request", statusCode: 409 });
    expect(capture.emails()).toHaveLength(1);
  });

  it("stores every email sent without a key", async () => {
    await resend.emails.send(message());
    await resend.emails.send(message());
    expect(capture.emails()).toHaveLength(2);
  });

  it("fails the next n sends with the status asked for, then recovers", async () => {
    capture.failNext(2, 500);
    const one = await resend.emails.send(message(), { idempotencyKey: "retry/1" });
    const two = await resend.emails.send(message(), { idempotencyKey: "retry/1" });
    expect(one.error).toMatchObject({ statusCode: 500, name: "internal_server_error" });
    expect(two.error).toMatchObject({ statusCode: 500 });
    expect(capture.emails()).toHaveLength(0);
    const three = await resend.emails.send(message(), { idempotencyKey: "retry/1" });
    expect(three.error).toBeNull();
    expect(capture.emails()).toHaveLength(1);

    capture.failNext(1, 429);
    const limited = await resend.emails.send(message());
    expect(limited.error).toMatchObject({ statusCode: 429, name: "rate_limit_exceeded" });
    capture.failNext(1, 422);
    expect((await resend.emails.send(message())).error).toMatchObject({ statusCode: 422, name: "validation_error" });
  });

  it("refuses an email without a required field", async () => {
    const { error } = await resend.emails.send({ ...message(), subject: "" });
    expect(error).toMatchObject({ statusCode: 422, name: "missing_required_field" });
  });

  it("waits for an email that is still to come, and times out clearly", async () => {
    const waiting = capture.waitFor((e) => e.to.includes("late@example.org"), 2_000);
    setTimeout(() => void resend.emails.send(message("late@example.org")), 50);
    expect((await waiting).to).toEqual(["late@example.org"]);
    await expect(capture.waitFor((e) => e.to.includes("never@example.org"), 100)).rejects.toThrow(
      /No matching email within 100 ms[\s\S]*late@example.org/,
    );
  });

  it("is readable and controllable over HTTP from another process", async () => {
    const mailbox = mailboxAt(capture.url);
    await resend.emails.send(message("http@example.org"), { idempotencyKey: "http/1" });
    expect((await mailbox.emails()).map((e) => e.to[0])).toEqual(["http@example.org"]);
    await mailbox.failNext(1, 503);
    expect((await resend.emails.send(message())).error).toMatchObject({ statusCode: 503 });
    const waiting = mailbox.waitFor((e) => e.to.includes("later@example.org"), 3_000);
    await resend.emails.send(message("later@example.org"));
    expect((await waiting).to).toEqual(["later@example.org"]);
    await mailbox.reset();
    expect(await mailbox.emails()).toEqual([]);
  });
});

describe("Resend capture server: batches, idempotency, rate limit", () => {
  const batch = (n: number, tag = "b") => Array.from({ length: n }, (_, i) => message(`${tag}-${i}@example.org`));

  it("stores a batch of up to 100 and answers an id per email, in order", async () => {
    const { data, error } = await resend.batch.send(batch(100), { idempotencyKey: "batch/1" });
    expect(error).toBeNull();
    expect(data?.data).toHaveLength(100);
    const stored = capture.emails();
    expect(stored.map((e) => e.to[0])).toEqual(batch(100).map((m) => m.to));
    expect(stored.map((e) => e.id)).toEqual(data!.data.map((d) => d.id));
    expect(stored.every((e) => e.endpoint === "batch" && e.idempotencyKey === "batch/1")).toBe(true);
  });

  it("refuses an empty batch or one over 100 with 422, storing nothing", async () => {
    expect((await resend.batch.send(batch(101))).error).toMatchObject({ statusCode: 422 });
    expect((await resend.batch.send([])).error).toMatchObject({ statusCode: 422 });
    expect(capture.emails()).toEqual([]);
  });

  it("strict: one refused recipient refuses the whole batch naming it; permissive: the others are stored", async () => {
    capture.refuse(["b-2@example.org"]);
    const strict = await resend.batch.send(batch(4));
    expect(strict.error).toMatchObject({ statusCode: 422, name: "validation_error" });
    expect(strict.error?.message).toContain("emails[2]");
    expect(capture.emails()).toEqual([]);
    const permissive = await resend.batch.send(batch(4), { batchValidation: "permissive" });
    expect(permissive.data?.data).toHaveLength(3);
    expect(permissive.data?.errors).toEqual([{ index: 2, message: expect.stringContaining("b-2@example.org") }]);
    expect(capture.emails().map((e) => e.to[0])).toEqual(["b-0@example.org", "b-1@example.org", "b-3@example.org"]);
    const badAddress = await resend.batch.send([message("not-an-address")]);
    expect(badAddress.error).toMatchObject({ statusCode: 422 });
  });

  it("a repeated batch key with the same payload answers the same ids and stores nothing twice; another payload gets 409", async () => {
    const first = await resend.batch.send(batch(3), { idempotencyKey: "batch/2" });
    const again = await resend.batch.send(batch(3), { idempotencyKey: "batch/2" });
    expect(again.data).toEqual(first.data);
    expect(capture.emails()).toHaveLength(3);
    const other = await resend.batch.send(batch(3, "c"), { idempotencyKey: "batch/2" });
    expect(other.error).toMatchObject({ statusCode: 409, name: "invalid_idempotent_request" });
    expect(capture.emails()).toHaveLength(3);
  });

  it("answers 429 with retry-after and ratelimit-* headers beyond the rate limit, and recovers", async () => {
    capture.setRateLimit(2);
    try {
      const answers = [];
      for (let i = 0; i < 3; i++) answers.push(await resend.batch.send(batch(1, `r${i}`)));
      expect(answers.slice(0, 2).map((a) => a.error)).toEqual([null, null]);
      expect(answers[0]!.headers).toMatchObject({ "ratelimit-limit": "2" });
      const limited = answers[2]!;
      expect(limited.error).toMatchObject({ statusCode: 429, name: "rate_limit_exceeded" });
      expect(Number(limited.headers?.["retry-after"])).toBeGreaterThanOrEqual(1);
      expect(limited.headers).toMatchObject({ "ratelimit-limit": "2", "ratelimit-remaining": "0" });
      expect(capture.emails()).toHaveLength(2);
      expect(capture.stats()).toMatchObject({ requests: 3, byStatus: { 200: 2, 429: 1 }, maxAcceptedPerSecond: 2 });
      // Wait out the retry-after the server asked for, as a well-behaved client does.
      await new Promise((r) => setTimeout(r, Number(limited.headers!["retry-after"]) * 1000));
      expect((await resend.batch.send(batch(1, "r3"))).error).toBeNull();
    } finally {
      capture.setRateLimit(0);
    }
  });
});
