import type { Db } from "@/db";
import { savePendingEnrollment } from "@/db/queries/second-factors";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/organizers/access";
import { newRecoveryCodes, newTotpSecret, sealCodes, sealSecret } from "./totp";

/** An admin starts setting up an authenticator app: a new secret and recovery codes, kept sealed until confirmed. */
export async function startEnrollment(db: Db, actor: Actor | null): Promise<void> {
  if (!actor) throw new AppError("unauthenticated");
  if (actor.role !== "admin") throw new AppError("forbidden");
  const saved = await savePendingEnrollment(db, actor.userId, sealSecret(newTotpSecret()), sealCodes(newRecoveryCodes()));
  if (!saved) throw new AppError("conflict", { form: "second_factor_exists" });
}
