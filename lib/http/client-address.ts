import { BlockList, isIP } from "node:net";

/**
 * Who is on the other end of a request.
 *
 * The peer is the TCP socket's address, stamped by our server (scripts/serve.mjs) into a header whose name is
 * random per process (QOLDAU_PEER_HEADER), so a client cannot forge it. Served any other way, there is no peer
 * and every client counts as remote — the safe side.
 *
 * The client is the peer, unless TRUSTED_PROXIES names the peer: then it is the rightmost X-Forwarded-For entry
 * that is not itself a trusted proxy (every proxy appends what it saw; entries left of the first untrusted one
 * are whatever the client chose to send). Without TRUSTED_PROXIES, X-Forwarded-For is ignored.
 */
export type AddressPolicy = { peerHeader: string | undefined; trustedProxies: BlockList | null };

/** At most this much of X-Forwarded-For is read: a longer header is somebody's game, not a proxy chain. */
const MAX_FORWARDED_CHARS = 1024;

export function normalizeAddress(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let value = raw.trim();
  if (value.startsWith("[")) value = value.slice(1, value.indexOf("]") > 0 ? value.indexOf("]") : undefined);
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  const zone = value.indexOf("%");
  if (zone > 0) value = value.slice(0, zone);
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  if (mapped) value = mapped[1]!;
  const family = isIP(value);
  if (family === 0) return null;
  return family === 6 ? value.toLowerCase() : value;
}

/** "127.0.0.1/8, ::1/128, 10.0.0.5" → a BlockList; throws on an entry that is neither an address nor a CIDR. */
export function parseTrustedProxies(list: string): BlockList {
  const blocks = new BlockList();
  for (const entry of list.split(",").map((e) => e.trim()).filter(Boolean)) {
    const [address, prefixText, extra] = entry.split("/");
    const normalized = normalizeAddress(address);
    const family = normalized ? isIP(normalized) : 0;
    const prefix = prefixText === undefined ? (family === 4 ? 32 : 128) : Number(prefixText);
    if (!normalized || extra !== undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > (family === 4 ? 32 : 128)) {
      throw new Error(`"${entry}" is not an IP address or CIDR range`);
    }
    blocks.addSubnet(normalized, prefix, family === 4 ? "ipv4" : "ipv6");
  }
  return blocks;
}

const loopback = parseTrustedProxies("127.0.0.0/8, ::1/128");

function familyOf(address: string): "ipv4" | "ipv6" {
  return isIP(address) === 4 ? "ipv4" : "ipv6";
}

export function isLoopback(address: string | null): boolean {
  return address !== null && loopback.check(address, familyOf(address));
}

export function peerAddress(headers: Headers, policy: AddressPolicy): string | null {
  return policy.peerHeader ? normalizeAddress(headers.get(policy.peerHeader)) : null;
}

function forwardedChain(headers: Headers): string[] {
  const header = headers.get("x-forwarded-for");
  if (!header) return [];
  return header.slice(-MAX_FORWARDED_CHARS).split(",").map((e) => e.trim()).filter(Boolean);
}

/** The client's address (normalized), or null when it cannot be known. */
export function clientAddress(headers: Headers, policy: AddressPolicy): string | null {
  const peer = peerAddress(headers, policy);
  const trusted = policy.trustedProxies;
  if (!peer || !trusted?.check(peer, familyOf(peer))) return peer;
  const chain = forwardedChain(headers);
  for (let i = chain.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(chain[i]);
    if (!hop) return null;
    if (!trusted.check(hop, familyOf(hop))) return hop;
  }
  // Every hop is one of ours (or none was given): the request started at the proxy itself.
  return chain.length ? normalizeAddress(chain[0]) : peer;
}

/**
 * True only for a request made on this machine: the socket is loopback, and nothing forwarded it from anywhere
 * else (a local reverse proxy passing a remote visitor along says so in X-Forwarded-For, trusted or not).
 */
export function isFromThisMachine(headers: Headers, policy: AddressPolicy): boolean {
  if (!isLoopback(peerAddress(headers, policy))) return false;
  return forwardedChain(headers).every((hop) => isLoopback(normalizeAddress(hop)));
}
