import "server-only";
import { headers } from "next/headers";
import { auth } from "@/auth";
import { getDb } from "@/db";
import { findSecondFactor } from "@/db/queries/second-factors";
import { isEmbedded } from "@/lib/env";
import type { Actor } from "@/lib/organizers/access";
import { devAdminEmail } from "@/lib/organizers/ensure-dev-admin";
import { isLocalRequest } from "@/lib/security/local-only";

type SessionShape = {
  user?: { id?: string; email?: string | null; role?: string };
  sessionTokenHash?: string | null;
  secondFactorAt?: Date | string | null;
};

/**
 * The signed-in organizer or admin of this request, from their database session; null for anyone else. An admin
 * whose session has not passed the second factor (required in production, and for anyone who enrolled) comes
 * back with `pendingSecondFactor`, which every operation but lib/second-factor/* refuses.
 */
export async function currentActor(): Promise<Actor | null> {
  const session = (await auth()) as SessionShape | null;
  const user = session?.user;
  if (!user?.id || !user.email || (user.role !== "admin" && user.role !== "organizer")) return null;
  // The embedded default's dev admin belongs to the person at this machine's keyboard, never to the network.
  if (user.email === devAdminEmail && !isLocalRequest(await headers())) return null;
  const secondFactorAt = session?.secondFactorAt ? new Date(session.secondFactorAt) : null;
  const actor: Actor = {
    userId: user.id,
    email: user.email,
    role: user.role,
    session: session?.sessionTokenHash ? { tokenHash: session.sessionTokenHash, secondFactorAt } : undefined,
  };
  if (user.role === "admin" && !secondFactorAt) {
    const enrolled = Boolean((await findSecondFactor(await getDb(), user.id))?.enabledAt);
    if (enrolled || !isEmbedded()) actor.pendingSecondFactor = true;
  }
  return actor;
}
