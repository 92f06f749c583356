"use client";

import { useEffect, useRef, useState } from "react";

/**
 * The petition's address in a field anyone can select and copy; with JavaScript, a button copies it too.
 * The button appears only once the script runs, so nobody without JavaScript sees a button that does nothing.
 */
export function CopyLink({ url, label, copy, copied }: { url: string; label: string; copy: string; copied: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [ready, setReady] = useState(false);
  const [done, setDone] = useState(false);
  useEffect(() => setReady(true), []);

  async function onCopy() {
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      // No clipboard permission: select the text, so a long press or Ctrl+C finishes the job.
      input.current?.select();
      return;
    }
    setDone(true);
  }

  return (
    <div className="field copy-link">
      <label htmlFor="share-url">{label}</label>
      <div className="copy-row">
        <input id="share-url" ref={input} className="copy-field" type="text" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
        {ready && (
          <button type="button" className="button" onClick={onCopy} aria-describedby="copy-status">
            {copy}
          </button>
        )}
      </div>
      <p id="copy-status" className="hint" role="status">
        {done ? copied : ""}
      </p>
    </div>
  );
}
