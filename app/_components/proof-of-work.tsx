"use client";

import { createElement, useCallback, useEffect, useRef, useState } from "react";

/**
 * ALTCHA's widget (proof of work, lib/abuse/proof-of-work.ts), loaded only by the forms that use it (sign, RSVP,
 * subscribe) and only once JavaScript runs: the script, its stylesheet and its worker are served from our own
 * origin (public/vendor, copied from the pinned `altcha` package), inserted by our own trusted script, so the
 * strict CSP holds ('strict-dynamic' trusts them; `worker-src 'self'` lets the worker run). The widget is
 * invisible: it starts solving when the person first focuses the form and the post waits for it — at most
 * POW_WAIT_MS, after which the form posts without a proof and the server's limits alone apply. Nothing here
 * can stop a supporter from signing.
 */
const BASE = "/vendor/altcha-3.2.2";
const CHALLENGE_URL = "/api/v1/pow/challenge";
const FIELD = "altcha";
const POW_WAIT_MS = 15_000;

type AltchaElement = HTMLElement & { verify(): Promise<{ payload: string | null } | null>; reset(): void };
type AltchaGlobal = { $altcha?: { algorithms: Map<string, () => Worker> } };

let loading: Promise<boolean> | undefined;
function loadAltcha(): Promise<boolean> {
  loading ??= new Promise<boolean>((resolve) => {
    const css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = `${BASE}/altcha.css`;
    document.head.append(css);
    const script = document.createElement("script");
    script.type = "module";
    script.src = `${BASE}/altcha.min.js`;
    script.onload = () => {
      const altcha = (globalThis as AltchaGlobal).$altcha;
      // The "external" build bundles no worker (no blob: URLs): ours comes from our origin.
      altcha?.algorithms.set("PBKDF2/SHA-256", () => new Worker(`${BASE}/pbkdf2.js`));
      resolve(Boolean(altcha));
    };
    script.onerror = () => resolve(false);
    document.head.append(script);
  });
  return loading;
}

/** The widget element to render, `start` (begin solving), `proof` (the payload, or null: post without) and `renew`. */
export function useProofOfWork() {
  const ref = useRef<AltchaElement | null>(null);
  const solving = useRef<Promise<string | null> | null>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    void loadAltcha().then((ok) => live && setReady(ok));
    return () => {
      live = false;
    };
  }, []);
  const start = useCallback(() => {
    const element = ref.current;
    if (!element || solving.current) return;
    solving.current = customElements
      .whenDefined("altcha-widget")
      .then(() => element.verify())
      .then((result) => result?.payload ?? null)
      .catch(() => null);
  }, []);
  const proof = useCallback(async (): Promise<string | null> => {
    start();
    if (!solving.current) return null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), POW_WAIT_MS);
    });
    const payload = await Promise.race([solving.current, timeout]);
    clearTimeout(timer);
    return payload;
  }, [start]);
  /** A proof is spent by the post that carries it: the next post needs a new one. */
  const renew = useCallback(() => {
    solving.current = null;
    ref.current?.reset?.();
  }, []);
  const widget = ready
    ? createElement("altcha-widget", {
        ref,
        challenge: CHALLENGE_URL,
        name: `${FIELD}-widget`,
        display: "invisible",
        auto: "off",
        configuration: JSON.stringify({ minDuration: 0, hideFooter: true, hideLogo: true }),
      })
    : null;
  return { widget, start, proof, renew, field: FIELD };
}

/**
 * For a plain HTML form (the RSVP form): with JavaScript, its post waits for the proof and carries it in a hidden
 * field; without, this renders nothing and the form posts as it always did.
 */
export function ProofOfWorkForForm({ formId }: { formId: string }) {
  const { widget, start, proof, field } = useProofOfWork();
  useEffect(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    let sending = false;
    const onSubmit = (event: SubmitEvent) => {
      event.preventDefault();
      if (sending) return;
      sending = true;
      void proof().then((payload) => {
        let input = form.querySelector<HTMLInputElement>(`input[name="${field}"]`);
        if (!input) {
          input = document.createElement("input");
          input.type = "hidden";
          input.name = field;
          form.append(input);
        }
        input.value = payload ?? "";
        form.submit();
        sending = false;
      });
    };
    form.addEventListener("focusin", start);
    form.addEventListener("submit", onSubmit);
    return () => {
      form.removeEventListener("focusin", start);
      form.removeEventListener("submit", onSubmit);
    };
  }, [formId, start, proof, field]);
  return widget;
}
