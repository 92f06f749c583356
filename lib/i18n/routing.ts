import { defineRouting } from "next-intl/routing";
import { defaultLocale, locales } from "./locales";

export const routing = defineRouting({
  locales,
  defaultLocale,
  localePrefix: "always",
  // The locale lives in the URL only: no cookie that would follow a supporter around.
  localeCookie: false,
  // No `Link: <…>; rel="alternate"` header: next-intl builds it from the request's Host, which a client picks.
  // Pages list their languages in <link rel="alternate"> on APP_URL instead (metadata `alternates`).
  alternateLinks: false,
});
