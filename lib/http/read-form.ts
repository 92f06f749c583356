import { AppError } from "@/lib/errors";

export const MAX_FORM_BYTES = 8 * 1024;

/**
 * Reads a small form body (urlencoded, multipart or JSON) into a plain object of strings, refusing
 * oversized, malformed or unexpected bodies with an AppError (4xx) instead of letting them reach a 500.
 */
export async function readForm(request: Request, maxBytes = MAX_FORM_BYTES): Promise<Record<string, unknown>> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("body_too_large");
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();

  if (type === "application/x-www-form-urlencoded") {
    const text = await readText(request, maxBytes);
    const out: Record<string, string> = {};
    for (const [k, v] of new URLSearchParams(text)) if (!(k in out)) out[k] = v;
    return out;
  }
  if (type === "application/json") {
    const text = await readText(request, maxBytes);
    try {
      const value: unknown = JSON.parse(text);
      if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // fall through
    }
    throw new AppError("bad_request");
  }
  if (type === "multipart/form-data") {
    const bytes = await readBytes(request, maxBytes);
    try {
      const form = await new Response(new Uint8Array(bytes), { headers: { "content-type": request.headers.get("content-type")! } }).formData();
      const out: Record<string, string> = {};
      for (const [k, v] of form) if (typeof v === "string" && !(k in out)) out[k] = v;
      return out;
    } catch {
      throw new AppError("bad_request");
    }
  }
  throw new AppError("unsupported_media_type");
}

/** A whole body of at most `maxBytes`, read as it streams (chunked bodies too): AppError body_too_large beyond. */
export async function readBody(request: Request, maxBytes: number): Promise<Buffer> {
  if (Number(request.headers.get("content-length") ?? "0") > maxBytes) throw new AppError("body_too_large");
  return readBytes(request, maxBytes);
}

async function readBytes(request: Request, maxBytes: number): Promise<Buffer> {
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new AppError("body_too_large");
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

async function readText(request: Request, maxBytes: number): Promise<string> {
  const bytes = await readBytes(request, maxBytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("bad_request");
  }
}
