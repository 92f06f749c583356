import { defineRouting } from "next-intl/routing";
import { defaultLocale, locales } from "./locales";

export const routing = defineRouting({
  locales,
  defaultLocale,
  localePrefix: "always",
  // The locale lives in the URL only: no cookie that would follow a supporter around.
  localeCookie: false,
});
