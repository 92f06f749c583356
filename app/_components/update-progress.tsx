"use client";

import { useEffect, useState } from "react";

type Figures = { state: string; total: number; sent: number; failed: number; skipped: number; waiting: number };
type Strings = { label: string; sent: string; total: string; failed: string; skipped: string; waiting: string };

const running = (state: string) => state === "sending" || state === "paused";

/**
 * An update's sent / total / failed: rendered with the page (a refresh shows the latest without JavaScript),
 * then, with JavaScript, refreshed every two seconds from the dashboard's JSON while the send runs.
 */
export function UpdateProgressBar({ url, initial, strings }: { url: string; initial: Figures; strings: Strings }) {
  const [f, setF] = useState(initial);
  useEffect(() => {
    if (!running(f.state)) return;
    let stopped = false;
    const t = setTimeout(async () => {
      try {
        const r = await fetch(url, { headers: { accept: "application/json" }, cache: "no-store" });
        if (r.ok && !stopped) setF((await r.json()) as Figures);
      } catch {
        // The next tick tries again.
      }
      if (!stopped) setF((x) => ({ ...x }));
    }, 2000);
    return () => {
      stopped = true;
      clearTimeout(t);
    };
  }, [f, url]);
  const done = f.sent + f.failed + f.skipped;
  return (
    <div className="progress" aria-live="polite">
      <progress max={Math.max(1, f.total)} value={Math.min(done, f.total)} aria-label={strings.label}>
        {done} / {f.total}
      </progress>
      <dl className="figures">
        <div>
          <dt>{strings.sent}</dt>
          <dd data-testid="progress-sent">{f.sent}</dd>
        </div>
        <div>
          <dt>{strings.total}</dt>
          <dd data-testid="progress-total">{f.total}</dd>
        </div>
        <div>
          <dt>{strings.failed}</dt>
          <dd data-testid="progress-failed">{f.failed}</dd>
        </div>
        <div>
          <dt>{strings.waiting}</dt>
          <dd data-testid="progress-waiting">{f.waiting}</dd>
        </div>
        {f.skipped > 0 && (
          <div>
            <dt>{strings.skipped}</dt>
            <dd>{f.skipped}</dd>
          </div>
        )}
      </dl>
    </div>
  );
}
