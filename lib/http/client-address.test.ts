import { describe, expect, it } from "vitest";
import { type AddressPolicy, clientAddress, isFromThisMachine, normalizeAddress, parseTrustedProxies } from "./client-address";

const peerHeader = "x-qoldau-peer-0123456789abcdef01234567";
const direct: AddressPolicy = { peerHeader, trustedProxies: null };
const behindProxy: AddressPolicy = { peerHeader, trustedProxies: parseTrustedProxies("127.0.0.1/8,::1/128,10.0.0.0/8") };

function headers(peer: string | null, forwarded?: string, extra: Record<string, string> = {}): Headers {
  const h = new Headers(extra);
  if (peer !== null) h.set(peerHeader, peer);
  if (forwarded !== undefined) h.set("x-forwarded-for", forwarded);
  return h;
}

describe("clientAddress", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For claims", () => {
    expect(clientAddress(headers("203.0.113.9", "127.0.0.1"), direct)).toBe("203.0.113.9");
    expect(clientAddress(headers("127.0.0.1", "198.51.100.1"), direct)).toBe("127.0.0.1");
  });

  it("is unknown when the request did not come through our server (no peer header)", () => {
    expect(clientAddress(headers(null, "127.0.0.1"), direct)).toBeNull();
    expect(clientAddress(headers(null), { peerHeader: undefined, trustedProxies: null })).toBeNull();
  });

  it("ignores a client-sent header that imitates the peer header's prefix", () => {
    const h = new Headers({ "x-qoldau-peer-ffffffffffffffffffffffff": "127.0.0.1" });
    expect(clientAddress(h, direct)).toBeNull();
  });

  it("takes the rightmost untrusted X-Forwarded-For entry behind a trusted proxy", () => {
    expect(clientAddress(headers("127.0.0.1", "203.0.113.9"), behindProxy)).toBe("203.0.113.9");
    // The client prepended a lie; the proxies appended the truth.
    expect(clientAddress(headers("127.0.0.1", "1.2.3.4, 203.0.113.9, 10.1.2.3"), behindProxy)).toBe("203.0.113.9");
  });

  it("does not trust X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(clientAddress(headers("198.51.100.7", "203.0.113.9"), behindProxy)).toBe("198.51.100.7");
  });

  it("normalizes IPv6 and IPv4-mapped addresses", () => {
    expect(clientAddress(headers("::ffff:203.0.113.9"), direct)).toBe("203.0.113.9");
    expect(clientAddress(headers("::1", "2001:DB8::1"), behindProxy)).toBe("2001:db8::1");
    expect(normalizeAddress("[2001:db8::2]:443")).toBe("2001:db8::2");
    expect(normalizeAddress("203.0.113.9:5000")).toBe("203.0.113.9");
    expect(normalizeAddress("fe80::1%eth0")).toBe("fe80::1");
    expect(normalizeAddress("not-an-ip")).toBeNull();
  });

  it("answers unknown for a garbage hop and survives an oversized header", () => {
    expect(clientAddress(headers("127.0.0.1", "203.0.113.9, <script>"), behindProxy)).toBeNull();
    const huge = `${"9.9.9.9, ".repeat(50_000)}203.0.113.9`;
    expect(clientAddress(headers("127.0.0.1", huge), behindProxy)).toBe("203.0.113.9");
  });
});

describe("isFromThisMachine", () => {
  it("is true for a loopback peer with nothing forwarded", () => {
    expect(isFromThisMachine(headers("127.0.0.1"), direct)).toBe(true);
    expect(isFromThisMachine(headers("::1"), direct)).toBe(true);
    expect(isFromThisMachine(headers("::ffff:127.0.0.1"), direct)).toBe(true);
  });

  it("is false for a remote peer, an unknown peer, or a local proxy forwarding a remote visitor", () => {
    expect(isFromThisMachine(headers("192.0.2.2"), direct)).toBe(false);
    expect(isFromThisMachine(headers(null), direct)).toBe(false);
    expect(isFromThisMachine(headers("127.0.0.1", "203.0.113.9"), direct)).toBe(false);
    expect(isFromThisMachine(headers("127.0.0.1", "203.0.113.9"), behindProxy)).toBe(false);
  });
});

describe("parseTrustedProxies", () => {
  it("refuses what is not an address or CIDR", () => {
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/10\.0\.0\.0\/33/);
    expect(() => parseTrustedProxies("proxy.internal")).toThrow();
    expect(() => parseTrustedProxies("10.0.0.0/8/1")).toThrow();
    expect(() => parseTrustedProxies(" 10.0.0.1 , fd00::/8 ")).not.toThrow();
  });
});
