import "server-only";
import { auth } from "@/auth";
import type { Actor } from "@/lib/organizers/access";

/** The signed-in organizer or admin of this request, from their database session; null for anyone else. */
export async function currentActor(): Promise<Actor | null> {
  const session = await auth();
  const user = session?.user as { id?: string; email?: string | null; role?: string } | undefined;
  if (!user?.id || !user.email || (user.role !== "admin" && user.role !== "organizer")) return null;
  return { userId: user.id, email: user.email, role: user.role };
}
