/** A bad unsubscribe link's 404 as a page, for scripts/serve.mjs: the same page as a bad subscriptions link's. */
export { default, generateMetadata } from "../../subscriptions/page-not-found/page";
