import type { CapturedEmail, CaptureStats } from "./resend-capture";

/**
 * The Resend capture server seen from another process (a Playwright worker): the same operations as
 * `startResendCapture()` returns, over its /__ control routes.
 */
export type Mailbox = {
  emails(): Promise<CapturedEmail[]>;
  waitFor(predicate: (email: CapturedEmail) => boolean, timeoutMs?: number): Promise<CapturedEmail>;
  failNext(count: number, status?: number): Promise<void>;
  setRateLimit(rps: number): Promise<void>;
  refuse(addresses: string[]): Promise<void>;
  stats(): Promise<CaptureStats>;
  reset(): Promise<void>;
};

export function mailboxAt(url: string): Mailbox {
  async function call(path: string, init?: RequestInit): Promise<unknown> {
    const response = await fetch(`${url}${path}`, init);
    if (!response.ok) throw new Error(`capture server ${path}: HTTP ${response.status} ${await response.text()}`);
    return response.json();
  }
  const emails = async () => (await call("/__emails")) as CapturedEmail[];
  return {
    emails,
    async waitFor(predicate, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const all = await emails();
        const found = all.find(predicate);
        if (found) return found;
        if (Date.now() > deadline) {
          const seen = all.map((e) => `  to ${e.to.join(", ")}: ${e.subject}`).join("\n") || "  (none)";
          throw new Error(`No matching email within ${timeoutMs} ms. Captured:\n${seen}`);
        }
        await new Promise((r) => setTimeout(r, 150));
      }
    },
    async failNext(count, status = 500) {
      await call("/__fail", { method: "POST", body: JSON.stringify({ count, status }) });
    },
    async setRateLimit(rps) {
      await call("/__rate", { method: "POST", body: JSON.stringify({ rps }) });
    },
    async refuse(addresses) {
      await call("/__refuse", { method: "POST", body: JSON.stringify({ addresses }) });
    },
    stats: async () => (await call("/__stats")) as CaptureStats,
    async reset() {
      await call("/__reset", { method: "POST" });
    },
  };
}
