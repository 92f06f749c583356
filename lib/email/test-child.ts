import { type ChildProcess, spawn } from "node:child_process";
import { testMailEnv } from "./test-capture";

export type TestChild = { proc: ChildProcess; output: Promise<string>; waitFor(text: string): Promise<void> };

/**
 * A second process of an integration test (`script`, run with tsx): the test's mail environment with its mail
 * to the capture server at `resendUrl`, and no DATABASE_URL of its own (the script opens the database its
 * arguments name). `output` is all it printed, once it exits; `waitFor` resolves once it has printed `text`.
 */
export function testChild(script: string, args: string[], resendUrl: string): TestChild {
  const proc = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    env: { ...process.env, ...testMailEnv, RESEND_BASE_URL: resendUrl, DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  const listeners: Array<() => void> = [];
  proc.stdout!.on("data", (d: Buffer) => {
    out += d.toString();
    for (const l of listeners) l();
  });
  return {
    proc,
    output: new Promise((resolve) => proc.on("exit", () => resolve(out))),
    waitFor: (text) =>
      new Promise((resolve, reject) => {
        if (out.includes(text)) return resolve();
        listeners.push(() => out.includes(text) && resolve());
        proc.on("exit", () => (out.includes(text) ? resolve() : reject(new Error(`child exited without "${text}"`))));
      }),
  };
}

/** Resolves once the process has exited (at once if it already has). */
export const exited = (proc: ChildProcess) => new Promise<void>((resolve) => (proc.exitCode !== null || proc.signalCode ? resolve() : proc.on("exit", () => resolve())));
