import type { IncomingMessage, ServerResponse } from "node:http";

export type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<unknown>;

export type PageCacheOptions = {
  maxEntries?: number;
  maxBytes?: number;
  maxEntryBytes?: number;
  maxWaitMs?: number;
  now?: () => number;
  newNonce?: () => string;
};

export function createPageCache(options?: PageCacheOptions): {
  serve(req: IncomingMessage, res: ServerResponse, next: Handler): Promise<unknown>;
  stats(): { entries: number; bytes: number };
};

export function acceptsGzip(req: IncomingMessage): boolean;
export function crc32(data: Buffer): number;
export function crc32js(data: Buffer): number;
