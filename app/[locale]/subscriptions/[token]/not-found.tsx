/** A tampered, made-up or unknown preferences link: say so, change nothing. */
export { BadSubscriptionLink as default } from "@/app/_components/subscription-pages";
