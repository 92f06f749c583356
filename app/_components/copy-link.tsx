/**
 * The petition's address in a field anyone can select and copy; with JavaScript (public/enhance.js), a button
 * copies it too. The button is hidden until the script shows it, so nobody without JavaScript sees a button that
 * does nothing.
 */
export function CopyLink({ url, label, copy, copied }: { url: string; label: string; copy: string; copied: string }) {
  return (
    <div className="field copy-link">
      <label htmlFor="share-url">{label}</label>
      <div className="copy-row">
        <input id="share-url" className="copy-field" type="text" readOnly value={url} />
        <button type="button" className="button" hidden data-copy="share-url" data-status="copy-status" data-copied={copied} aria-describedby="copy-status">
          {copy}
        </button>
      </div>
      <p id="copy-status" className="hint" role="status" />
    </div>
  );
}
