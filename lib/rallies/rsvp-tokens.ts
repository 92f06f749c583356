import { mintTokens, tokenFor } from "@/lib/confirmations/tokens";

/** An RSVP's two links, from its one nonce: confirm (the double opt-in) and manage (cancel, "still coming"). */
export const RSVP_CONFIRM = "rsvp-confirmation";
export const RSVP_MANAGE = "rsvp-manage";

export const mintRsvpTokens = () => mintTokens([RSVP_CONFIRM, RSVP_MANAGE] as const);
export const confirmTokenOf = (nonce: string) => tokenFor(RSVP_CONFIRM, nonce);
export const manageTokenOf = (nonce: string) => tokenFor(RSVP_MANAGE, nonce);

/** The wording of the RSVP's "send me campaign updates" checkbox; bump when rsvpForm.updates changes. */
export const RSVP_CONSENT_WORDING_VERSION = "rsvp-updates-2026-11-v1";
