// Cross-site writes (issue 13 item 9). A form on another site can POST to ours from its visitors' browsers — sign a
// petition with their cookies and addresses, or spread a bot over real browsers. Browsers say where a request comes
// from: `Sec-Fetch-Site` (every current browser) and `Origin` (on every POST, "null" from sandboxed frames, data:
// URLs and some redirects). A write that a browser marks as coming from anywhere but our own pages is refused here,
// in front of every route, page and server action (Next would answer a foreign Origin on a server action with its
// own 500). A request with neither header is not a browser's: an API client, a mail provider's one-click
// unsubscribe, a webhook — it is let through, and the rate limits apply to it as to anyone.

/** Methods that change nothing: never refused. */
const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Writes that carry their own credential and that no cookie grants anything: the one-click unsubscribe (its link
 * token, RFC 8058 — a provider or a webmail may post it from anywhere) and the provider's webhooks (svix signature).
 */
const OWN_CREDENTIAL = [/^\/api\/v1\/unsubscribe\/[A-Za-z0-9_-]+\/?(\?|$)/, /^\/api\/v1\/webhooks\/[a-z]+\/?(\?|$)/];

/**
 * @param {{ method?: string, url?: string, headers: Record<string, string | string[] | undefined> }} req
 * @param {string[]} ownHosts host[:port] values our pages are served under (the request's Host, APP_URL's host)
 * @returns {boolean} true when a browser sent this write from another site
 */
export function isCrossSiteWrite(req, ownHosts) {
  if (SAFE.has((req.method ?? "GET").toUpperCase())) return false;
  if (req.url !== undefined && OWN_CREDENTIAL.some((path) => path.test(req.url))) return false;
  const one = (value) => (Array.isArray(value) ? value[0] : value);
  const fetchSite = one(req.headers["sec-fetch-site"]);
  // "same-origin": our own page. "none": the person typed it, or a bookmark — no other site involved.
  if (fetchSite !== undefined) return fetchSite !== "same-origin" && fetchSite !== "none";
  const origin = one(req.headers.origin);
  if (origin === undefined) return false;
  if (origin === "null") return true;
  try {
    const { host, protocol } = new URL(origin);
    if (protocol !== "http:" && protocol !== "https:") return true;
    return !ownHosts.some((own) => own.toLowerCase() === host.toLowerCase());
  } catch {
    return true;
  }
}

const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page a refused person sees, in the three languages (no script, no third party, nothing of theirs). */
export function crossSiteRefusal(homeUrl) {
  const home = escapeHtml(homeUrl);
  return `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Запрос отклонён · Сұрау қабылданбады · Request refused</title></head>
<body>
<main>
<h1>Запрос отклонён</h1>
<p>Эта форма была отправлена с другого сайта, поэтому мы её не приняли. Если вы хотели подписать петицию или
записаться, откройте <a href="${home}">наш сайт</a> и отправьте форму оттуда.</p>
<h2 lang="kk">Сұрау қабылданбады</h2>
<p lang="kk">Бұл пішін басқа сайттан жіберілді, сондықтан біз оны қабылдамадық. Петицияға қол қойғыңыз немесе
тіркелгіңіз келсе, <a href="${home}">біздің сайтты</a> ашып, пішінді сол жерден жіберіңіз.</p>
<h2 lang="en">Request refused</h2>
<p lang="en">This form was sent from another website, so we did not accept it. If you meant to sign a petition or
register, open <a href="${home}">our site</a> and send the form from there.</p>
</main>
</body></html>
`;
}
