import type { UserRole } from "@/db/schema/auth";
import { AppError } from "@/lib/errors";

/** The signed-in person an operation runs for. `null` is an anonymous visitor. */
export type Actor = {
  userId: string;
  email: string;
  role: UserRole;
  /** The database session this request runs in (absent for operations run outside a request). */
  session?: { tokenHash: string; secondFactorAt: Date | null };
  /** Signed in by email, but their second factor is still to come: nothing but lib/second-factor/* accepts them. */
  pendingSecondFactor?: boolean;
};

/** Anonymous visitors get `unauthenticated` (pages send them to sign in); a pending second factor, its own page. */
export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError("unauthenticated");
  if (actor.pendingSecondFactor) throw new AppError("second_factor_required");
  return actor;
}

/** Admin-only operations: organizers get `forbidden`. */
export function requireAdmin(actor: Actor | null): Actor {
  const a = requireActor(actor);
  if (a.role !== "admin") throw new AppError("forbidden");
  return a;
}

export const isAdmin = (actor: Actor | null): boolean => actor?.role === "admin";
