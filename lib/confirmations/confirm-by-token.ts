import type { Db } from "@/db";
import { AppError } from "@/lib/errors";
import type { Localized } from "@/lib/i18n/locales";
import { hashToken, linkTokenSchema } from "./tokens";

/** What a link points at, as its landing page shows it (no personal data). */
export type Pending = {
  status: "pending" | "confirmed" | "expired" | "closed";
  /** What is being confirmed, e.g. the rally's title, and its slug (for links to it). */
  subject: Localized;
  slug: string;
  /** For `closed`: when it stopped taking confirmations, if the landing says so. */
  endedAt?: Date | null;
};

/**
 * One kind of thing people confirm by email. `confirm` runs the guarded pending → confirmed change (and
 * whatever goes with it) in ONE transaction and reports null when the row was not pending, so a second
 * POST confirms nothing twice.
 */
export type Confirmable<R> = {
  /** The landing's URL segment: /<locale>/confirmations/<kind>/<token>. */
  kind: string;
  /** Where the landing of a link lives, when not /<locale>/confirmations/<kind>/<token> (links already sent). */
  landingPath?: (locale: string, token: string) => string;
  find(db: Db, tokenHash: string): Promise<Pending | null>;
  confirm(db: Db, tokenHash: string): Promise<R | null>;
  /** What to tell someone who confirmed before (e.g. where to go). */
  already(db: Db, tokenHash: string): Promise<R | null>;
};

export type ConfirmOutcome<R> = { outcome: "confirmed"; result: R } | { outcome: "already_confirmed"; result: R };

/** The shared POST of every landing: token → confirmed, already confirmed, or a 404/410 AppError. */
export async function confirmByToken<R>(db: Db, confirmable: Confirmable<R>, token: unknown): Promise<ConfirmOutcome<R>> {
  const parsed = linkTokenSchema.safeParse(token);
  if (!parsed.success) throw new AppError("token_invalid");
  const tokenHash = hashToken(parsed.data);
  const confirmed = await confirmable.confirm(db, tokenHash);
  if (confirmed !== null) return { outcome: "confirmed", result: confirmed };
  const found = await confirmable.find(db, tokenHash);
  if (!found) throw new AppError("token_invalid");
  if (found.status === "confirmed") {
    const result = await confirmable.already(db, tokenHash);
    if (result !== null) return { outcome: "already_confirmed", result };
  }
  if (found.status === "expired") throw new AppError("token_expired");
  if (found.status === "closed") throw new AppError("confirmation_closed");
  throw new AppError("token_invalid");
}

/** The landing's GET: what to show, or null for the not-found page. Opening it changes nothing. */
export async function findByToken(db: Db, confirmable: Pick<Confirmable<unknown>, "find">, token: unknown): Promise<(Pending & { token: string }) | null> {
  const parsed = linkTokenSchema.safeParse(token);
  if (!parsed.success) return null;
  const found = await confirmable.find(db, hashToken(parsed.data));
  return found ? { ...found, token: parsed.data } : null;
}
