import type { ReactNode } from "react";

/** A table that scrolls sideways on a narrow screen, reachable and named for keyboard and screen-reader users. */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a scrolling region must be focusable for keyboard users (axe scrollable-region-focusable)
    // biome-ignore lint/a11y/noNoninteractiveTabindex: same reason
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
