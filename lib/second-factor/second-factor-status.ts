import type { Db } from "@/db";
import { countUnusedRecoveryCodes, findSecondFactor } from "@/db/queries/second-factors";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/organizers/access";
import { enrollmentUri, qrDataUri, unsealCodes, unsealSecret } from "./totp";

export type SecondFactorStatus =
  | { state: "not_enrolled" }
  | { state: "enrolling"; secret: string; uri: string; qr: string; recoveryCodes: string[] }
  | { state: "enrolled"; verified: boolean; unusedCodes: number; newCodes: string[] | null };

/** Admins only: where this person is with their second factor, and what the page must show (their own data). */
export async function getSecondFactorStatus(db: Db, actor: Actor | null): Promise<SecondFactorStatus> {
  if (!actor) throw new AppError("unauthenticated");
  if (actor.role !== "admin") throw new AppError("forbidden");
  const row = await findSecondFactor(db, actor.userId);
  if (!row) return { state: "not_enrolled" };
  if (!row.enabledAt) {
    const secret = unsealSecret(row.totpSecret);
    const uri = enrollmentUri(actor.email, secret);
    return { state: "enrolling", secret, uri, qr: qrDataUri(uri), recoveryCodes: row.pendingRecoveryCodes ? unsealCodes(row.pendingRecoveryCodes) : [] };
  }
  return {
    state: "enrolled",
    verified: !actor.pendingSecondFactor && Boolean(actor.session?.secondFactorAt),
    unusedCodes: await countUnusedRecoveryCodes(db, actor.userId),
    newCodes: row.pendingRecoveryCodes && !actor.pendingSecondFactor ? unsealCodes(row.pendingRecoveryCodes) : null,
  };
}
