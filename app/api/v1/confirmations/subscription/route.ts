import { confirmationRoute } from "@/lib/confirmations/confirm-route";
import { subscriptionConfirmable } from "@/lib/subscribers/confirm-subscription";

/** The subscription confirmation landing's button (app/[locale]/confirmations/[kind]/[token], kind "subscription"). */
export const POST = confirmationRoute(subscriptionConfirmable, (locale, { outcome }) => `/${locale}/subscribe/confirmed?status=${outcome === "already_confirmed" ? "already" : "confirmed"}`);
