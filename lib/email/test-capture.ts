import { afterAll, beforeAll } from "vitest";
import { type CaptureOptions, type ResendCapture, startResendCapture } from "@/e2e/support/resend-capture";

/** The environment an integration test's mail runs under: the real resend SDK against the capture server. */
export const testMailEnv = {
  RESEND_API_KEY: "re_test_key",
  APP_URL: "http://qoldau.test",
  AUTH_SECRET: "test-secret-test-secret-test-secret-0123",
  MAIL_FROM: "Qoldau <noreply@qoldau.test>",
};

/**
 * The one mail setup of an integration test file (vitest only), beside setUpTestDatabase(): the capture server
 * before the file's tests (and `testMailEnv` pointing at it, which child processes inherit), closed after them.
 */
export function setUpResendCapture(options: CaptureOptions = {}): () => ResendCapture {
  let capture: ResendCapture | undefined;
  beforeAll(async () => {
    capture = await startResendCapture(options);
    Object.assign(process.env, testMailEnv, { RESEND_BASE_URL: capture.url });
  });
  afterAll(async () => {
    await capture?.close();
  });
  return () => {
    if (!capture) throw new Error("the capture server starts before the file's tests: use it inside a test or a hook");
    return capture;
  };
}
