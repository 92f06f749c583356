/** API clients (and our own enhancing script) ask for JSON; a plain HTML form post gets pages and redirects. */
export function wantsJson(request: Request): boolean {
  const accept = request.headers.get("accept") ?? "";
  const type = request.headers.get("content-type") ?? "";
  return type.startsWith("application/json") || (accept.includes("application/json") && !accept.includes("text/html"));
}

/** 303: after a POST, the browser GETs the next page (and Back does not re-post). */
export function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}

export function html(body: string, status: number, extraHeaders: Record<string, string> = {}): Response {
  return new Response(`<!doctype html>${body}`, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", ...extraHeaders },
  });
}
