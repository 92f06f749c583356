import { describe, expect, it } from "vitest";
import { appUrl } from "@/lib/env";
import { isSameOriginPost } from "./same-origin";

describe("same-origin POSTs", () => {
  it.each([
    [{ "sec-fetch-site": "same-origin", origin: "null" }, true],
    [{ "sec-fetch-site": "cross-site", origin: "https://evil.example" }, false],
    [{ "sec-fetch-site": "same-site" }, false],
    [{ origin: "https://evil.example" }, false],
    [{ origin: new URL(appUrl()).origin }, true],
    [{ origin: "null" }, true],
    [{}, true],
  ])("%j → %s", (headers, expected) => {
    expect(isSameOriginPost(new Headers(headers as Record<string, string>))).toBe(expected);
  });
});
