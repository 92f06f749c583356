/** A tampered, made-up or unknown unsubscribe link: say so, change nothing. */
export { BadSubscriptionLink as default } from "@/app/_components/subscription-pages";
