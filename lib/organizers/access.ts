import type { UserRole } from "@/db/schema/auth";
import { AppError } from "@/lib/errors";

/** The signed-in person an operation runs for. `null` is an anonymous visitor. */
export type Actor = { userId: string; email: string; role: UserRole };

/** Anonymous visitors get `unauthenticated` (pages send them to sign in). */
export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError("unauthenticated");
  return actor;
}

/** Admin-only operations: organizers get `forbidden`. */
export function requireAdmin(actor: Actor | null): Actor {
  const a = requireActor(actor);
  if (a.role !== "admin") throw new AppError("forbidden");
  return a;
}

export const isAdmin = (actor: Actor | null): boolean => actor?.role === "admin";
