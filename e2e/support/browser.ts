/** Debian's chromium (Playwright's own download is not available offline). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const chromiumArgs = [
  "--no-sandbox", // as root in CI containers
  "--disable-gpu",
  // Without these, chromium keeps calling Google services, which floods a closed network.
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
