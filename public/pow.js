// Proof of work for the forms marked [data-pow] (sign, RSVP, subscribe; lib/abuse/proof-of-work.ts), loaded by
// public/enhance.js only on pages that have one. On the first focus in such a form the ALTCHA widget — ours, from
// /vendor, never another host — loads and solves a challenge in a worker; the post waits for it at most
// POW_WAIT_MS and then goes without one (the server's limits alone apply). Nothing here keeps anyone from posting.
// enhance.js asks `qoldauPow.take(form)` for the proof of a form it posts; plain forms are handled here.
(() => {
  const POW_BASE = "/vendor/altcha-3.2.2";
  const POW_WAIT_MS = 15000;
  let altcha = null;
  const proofs = new WeakMap();

  /** The widget's script (a module our nonce'd script inserts: 'strict-dynamic' trusts it), style and worker. */
  function loadAltcha() {
    altcha ??= new Promise((resolve) => {
      const css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = `${POW_BASE}/altcha.css`;
      document.head.append(css);
      const script = document.createElement("script");
      script.type = "module";
      script.src = `${POW_BASE}/altcha.min.js`;
      script.onload = () => {
        const registry = globalThis.$altcha;
        // Its "external" build bundles no worker (so no blob: URL under our CSP): ours is a file of this site.
        registry?.algorithms.set("PBKDF2/SHA-256", () => new Worker(`${POW_BASE}/pbkdf2.js`));
        resolve(Boolean(registry));
      };
      script.onerror = () => resolve(false);
      document.head.append(script);
    });
    return altcha;
  }

  /** This form's proof, started once (on focus, or at the post): the payload, or null. */
  function start(form) {
    if (!proofs.has(form)) {
      const proof = loadAltcha()
        .then(async (loaded) => {
          if (!loaded) return null;
          await customElements.whenDefined("altcha-widget");
          const widget = document.createElement("altcha-widget");
          const attributes = { challenge: "/api/v1/pow/challenge", name: "altcha-widget", display: "invisible", auto: "off" };
          for (const [name, value] of Object.entries(attributes)) widget.setAttribute(name, value);
          widget.setAttribute("configuration", JSON.stringify({ minDuration: 0, hideFooter: true, hideLogo: true }));
          form.append(widget);
          // The element mounts its component a moment after it is connected; until then its methods do nothing.
          for (let i = 0; i < 50 && widget.getState?.() === undefined; i++) await new Promise((resolve) => setTimeout(resolve, 20));
          const result = await widget.verify();
          return result?.payload ?? null;
        })
        .catch(() => null);
      proofs.set(form, proof);
    }
    return proofs.get(form);
  }

  /** The proof for a post, spent by it (the next post starts a new one); null after POW_WAIT_MS or on any failure. */
  async function take(form) {
    let timer;
    const late = new Promise((resolve) => {
      timer = setTimeout(() => resolve(null), POW_WAIT_MS);
    });
    const payload = await Promise.race([start(form), late]);
    clearTimeout(timer);
    proofs.delete(form);
    form.querySelector("altcha-widget")?.remove();
    return payload;
  }

  globalThis.qoldauPow = { take };

  // Forms enhance.js swaps in after a mistake are new elements: one listener for all of them.
  document.addEventListener("focusin", (event) => {
    const form = event.target instanceof Element ? event.target.closest("form[data-pow]") : null;
    if (form) start(form);
  });

  // A plain form (not posted in the background): the browser posts it itself, once the proof is in a hidden field.
  for (const form of document.querySelectorAll("form[data-pow]:not([data-enhance])")) {
    let sending = false;
    form.addEventListener("submit", async (event) => {
      if (event.defaultPrevented) return;
      event.preventDefault();
      if (sending) return;
      sending = true;
      const payload = await take(form);
      let input = form.querySelector('input[name="altcha"]');
      if (!input) {
        input = document.createElement("input");
        input.type = "hidden";
        input.name = "altcha";
        form.append(input);
      }
      input.value = payload ?? "";
      sending = false;
      form.submit();
    });
  }
})();
