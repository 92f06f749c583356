import type { ReactElement } from "react";
import { z } from "zod";
import type { Db } from "@/db";
import { rallyNoticeKinds } from "@/db/schema/rallies";
import { locales } from "@/lib/i18n/locales";

/** What a kind's render makes of its payload: one email, or a reason to send nothing. */
export type RenderedEmail = {
  to: string;
  subject: string;
  /** A function when building it is only needed once per template (see `fill`). */
  element: ReactElement | (() => ReactElement);
  /** Template name, recorded with the delivery (never the address). */
  template: string;
  /** The email's identity: one email per key, whichever batch and retry carries it. */
  idempotencyKey: string;
  headers?: Record<string, string>;
  /**
   * Rendering costs ~30 ms an email here; a burst of 20,000 cannot afford that. A kind whose emails differ only
   * by a few values builds `element` with `placeholder(name)` in their place and says so here: the sender
   * renders one copy per `templateKey` and fills in each email's values (HTML-escaped in the HTML).
   */
  fill?: { templateKey: string; values: Record<string, string> };
};
export const placeholder = (name: string) => `qoldaufill${name}x`;
export type Skip = { skip: string };
export type Priority = "transactional" | "bulk";

const signaturePayload = z.object({ signatureId: z.uuid(), locale: z.enum(locales).optional() });

/** The payload of every email kind (zod): ids to render from, never an address in clear. */
export const emailPayloads = {
  /** `locale`: the language of the request that caused the email (a re-sign may come from another page). */
  "signature-confirmation": signaturePayload,
  "signature-already-signed": signaturePayload,
  /** The address and token sealed with a key derived from AUTH_SECRET: nothing usable at rest. */
  "sign-in-link": z.object({ sealed: z.string().min(1).max(2000), callbackUrl: z.string().max(2000).nullable() }),
  "organizer-invitation": z.object({ invitationId: z.uuid(), locale: z.enum(locales) }),
  /** Every rally email: the RSVP confirmation, and each notice (lib/rallies/emails/). */
  "rally-email": z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("confirmation"), rsvpId: z.uuid() }),
    z.object({ kind: z.enum(rallyNoticeKinds), rsvpId: z.uuid(), key: z.string().max(100) }),
  ]),
  /** One subscriber's copy of an update; `locale` as chosen when it was queued (the subscriber's, or the default). */
  "campaign-update": z.object({ updateId: z.uuid(), subscriberId: z.uuid(), locale: z.enum(locales) }),
  /** An organizer's test copy of an update, to their own address. */
  "campaign-update-test": z.object({ updateId: z.uuid(), userId: z.uuid(), locale: z.enum(locales) }),
  /** The standalone "get updates" form's double opt-in. */
  "subscription-confirmation": z.object({ subscriberId: z.uuid() }),
} as const;

export type EmailKind = keyof typeof emailPayloads;
export type KindPayload<K extends EmailKind> = z.infer<(typeof emailPayloads)[K]>;

type Kind<K extends EmailKind> = {
  payload: (typeof emailPayloads)[K];
  /** Transactional mail (someone is waiting for it) goes before bulk mail when the budget is short. */
  priority: Priority | ((payload: KindPayload<K>) => Priority);
  render(db: Db, payload: KindPayload<K>, email: { id: string }): Promise<RenderedEmail | Skip>;
  /**
   * A bulk kind renders a batch's emails of its kind together (one query for all of them, not one per email); the
   * sender uses it instead of `render` when present. Results in the order of `emails`.
   */
  renderMany?(db: Db, emails: Array<{ payload: KindPayload<K>; id: string }>): Promise<Array<RenderedEmail | Skip>>;
  /**
   * Whether an address that pressed "stop all email" (its "your data" page) is spared this email. By default every
   * bulk email is; mail the person asks for at that moment (a confirmation link, a sign-in link) never is.
   */
  suppressible?: (payload: KindPayload<K>) => boolean;
};

const transactionalRallyKinds = new Set(["confirmation", "registered", "waitlisted", "promoted"]);
/** The rally emails that answer the person's own RSVP at once; every other notice stops with "stop all email". */
const answerRallyKinds = new Set(["confirmation", "registered", "waitlisted"]);

/**
 * Every email the app sends, one entry per kind: its payload (zod), its priority, how to render it (react-email,
 * HTML + text, in the recipient's language). Enqueue with lib/email/outbox.ts; lib/email/sender.ts sends.
 * Renders load lazily, so enqueueing (the sign path) does not load the templates.
 */
export const emailKinds: { [K in EmailKind]: Kind<K> } = {
  "signature-confirmation": {
    payload: emailPayloads["signature-confirmation"],
    priority: "transactional",
    render: async (db, p, e) => (await import("@/lib/signatures/send-signature-emails")).renderConfirmationEmail(db, p, e),
  },
  "signature-already-signed": {
    payload: emailPayloads["signature-already-signed"],
    priority: "transactional",
    render: async (db, p, e) => (await import("@/lib/signatures/send-signature-emails")).renderAlreadySignedEmail(db, p, e),
  },
  "sign-in-link": {
    payload: emailPayloads["sign-in-link"],
    priority: "transactional",
    render: async (db, p, e) => (await import("@/lib/auth/send-sign-in-link")).renderSignInLink(db, p, e),
  },
  "organizer-invitation": {
    payload: emailPayloads["organizer-invitation"],
    priority: "transactional",
    render: async (db, p) => (await import("@/lib/organizers/send-invitation")).renderInvitation(db, p),
  },
  "rally-email": {
    payload: emailPayloads["rally-email"],
    // Confirmations and registrations someone waits for; reminders and notices to every attendee are bulk.
    priority: (p) => (transactionalRallyKinds.has(p.kind) ? "transactional" : "bulk"),
    suppressible: (p) => !answerRallyKinds.has(p.kind),
    render: async (db, p, e) => (await import("@/lib/rallies/send-rally-email")).renderRallyEmail(db, p, e),
  },
  "campaign-update": {
    payload: emailPayloads["campaign-update"],
    // Behind every transactional email: a signer's confirmation overtakes 100,000 queued updates.
    priority: "bulk",
    render: async (db, p) => (await (await import("@/lib/updates/send-update-email")).renderUpdateEmails(db, [p]))[0]!,
    renderMany: async (db, emails) => (await import("@/lib/updates/send-update-email")).renderUpdateEmails(db, emails.map((e) => e.payload)),
  },
  "campaign-update-test": {
    payload: emailPayloads["campaign-update-test"],
    priority: "transactional",
    render: async (db, p, e) => (await import("@/lib/updates/send-update-email")).renderUpdateTestEmail(db, p, e),
  },
  "subscription-confirmation": {
    payload: emailPayloads["subscription-confirmation"],
    priority: "transactional",
    render: async (db, p, e) => (await import("@/lib/subscribers/send-subscriber-emails")).renderSubscriptionConfirmation(db, p, e),
  },
};

export const isEmailKind = (k: string): k is EmailKind => Object.hasOwn(emailPayloads, k);
export const isSkip = (v: unknown): v is Skip => typeof v === "object" && v !== null && "skip" in v;

/** 0: transactional, 1: bulk (the outbox's `priority` column; lower goes first). */
export function priorityOf(k: EmailKind, payload: Record<string, unknown>): number {
  const p = emailKinds[k].priority;
  const value = typeof p === "function" ? (p as (x: unknown) => Priority)(payload) : p;
  return value === "transactional" ? 0 : 1;
}

/** Whether "stop all email" spares its address this email (see `suppressible`). */
export function isSuppressible(k: EmailKind, payload: Record<string, unknown>): boolean {
  const own = emailKinds[k].suppressible as ((p: unknown) => boolean) | undefined;
  return own ? own(payload) : priorityOf(k, payload) === 1;
}
