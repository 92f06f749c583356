// The public pages' only script: a few enhancements over pages that work completely without it.
// Public pages are sent as documents without Next's and React's runtime (scripts/scriptless.mjs), so this is
// all the JavaScript a supporter downloads. Each part looks for its marker and does nothing without one.
//   [data-enhance="form"]   a form that posts in the background: a pending button, and on a mistake the form the
//                           server answers with (the same HTML as without JavaScript) in place of this one;
//   [data-copy]             a button (hidden without JavaScript) that copies the field it names;
//   [data-local-time]       the rally's time in the reader's own zone, when it is not the rally's;
//   [data-pow]              a form whose post carries a proof of work: public/pow.js, loaded only where one is.
(() => {
  function enhanceForm(form) {
    let pending = false;
    form.addEventListener("submit", async (event) => {
      if (event.defaultPrevented) return;
      event.preventDefault();
      if (pending) return;
      pending = true;
      const button = form.querySelector('button[type="submit"], button:not([type])');
      const label = button ? button.textContent : "";
      if (button) {
        button.disabled = true;
        if (button.dataset.pending) button.textContent = button.dataset.pending;
      }
      form.setAttribute("aria-busy", "true");
      const body = new URLSearchParams();
      for (const [key, value] of new FormData(form)) if (typeof value === "string" && !key.startsWith("altcha")) body.append(key, value);
      const proof = form.hasAttribute("data-pow") ? await globalThis.qoldauPow?.take(form) : null;
      if (proof) body.set("altcha", proof);
      try {
        const response = await fetch(form.action, { method: "POST", body, headers: { Accept: "text/html" }, credentials: "same-origin" });
        // Done: the server redirected to the next page (check your email, thank you).
        if (response.redirected) {
          window.location.assign(response.url);
          return;
        }
        const doc = new DOMParser().parseFromString(await response.text(), "text/html");
        const replacement = formFrom(doc, form);
        if (replacement) {
          // The form again, with what was typed and the messages.
          form.replaceWith(replacement);
          enhanceForm(replacement);
          replacement.querySelector('[role="alert"]')?.focus();
        } else {
          // An answer without the form (the petition closed meanwhile): its message in the form's place.
          const notice = doc.querySelector('main [role="alert"]');
          if (!notice) throw new Error("nothing to show");
          const shown = document.importNode(notice, true);
          shown.tabIndex = -1;
          form.replaceWith(shown);
          shown.focus();
        }
      } catch {
        // Unreachable or unexpected: let the browser post the form itself, which always gets a page back.
        form.submit();
      } finally {
        pending = false;
        if (button?.isConnected) {
          button.disabled = false;
          button.textContent = label;
          form.removeAttribute("aria-busy");
        }
      }
    });
  }

  /** The form of the same id (or the same action) in a page the server answered with. */
  function formFrom(doc, form) {
    const found = form.id ? doc.getElementById(form.id) : doc.querySelector(`form[action="${CSS.escape(form.getAttribute("action") || "")}"]`);
    if (found?.tagName !== "FORM") return null;
    return document.importNode(found, true);
  }

  function enhanceCopy(button) {
    const field = document.getElementById(button.dataset.copy);
    const status = document.getElementById(button.dataset.status || "");
    if (!field) return;
    field.addEventListener("focus", () => field.select());
    button.hidden = false;
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(field.value);
      } catch {
        // No clipboard permission: select the text, so a long press or Ctrl+C finishes the job.
        field.select();
        return;
      }
      if (status) status.textContent = button.dataset.copied || "";
    });
  }

  function showLocalTime(marker) {
    const { startsAt, endsAt, timeZone, label, locale } = marker.dataset;
    const mine = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const at = new Date(startsAt);
    if (!mine || mine === timeZone || Number.isNaN(at.getTime())) return;
    const offset = (zone) => new Intl.DateTimeFormat("en", { timeZone: zone, timeZoneName: "longOffset" }).format(at).split(" ").pop();
    if (offset(mine) === offset(timeZone)) return;
    const f = new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" });
    const p = document.createElement("p");
    p.className = "muted";
    p.dataset.testid = "your-local-time";
    p.textContent = `${label}: ${f.formatRange(at, new Date(endsAt))}`;
    marker.replaceWith(p);
  }

  function start() {
    for (const form of document.querySelectorAll('form[data-enhance="form"]')) enhanceForm(form);
    if (document.querySelector("form[data-pow]")) document.head.append(Object.assign(document.createElement("script"), { src: "/pow.js" }));
    for (const button of document.querySelectorAll("button[data-copy]")) enhanceCopy(button);
    for (const marker of document.querySelectorAll("[data-local-time]")) showLocalTime(marker);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
