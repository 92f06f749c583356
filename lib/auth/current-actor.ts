import "server-only";
import { headers } from "next/headers";
import { auth } from "@/auth";
import type { Actor } from "@/lib/organizers/access";
import { devAdminEmail } from "@/lib/organizers/ensure-dev-admin";
import { isLocalRequest } from "@/lib/security/local-only";

/** The signed-in organizer or admin of this request, from their database session; null for anyone else. */
export async function currentActor(): Promise<Actor | null> {
  const session = await auth();
  const user = session?.user as { id?: string; email?: string | null; role?: string } | undefined;
  if (!user?.id || !user.email || (user.role !== "admin" && user.role !== "organizer")) return null;
  // The embedded default's dev admin belongs to the person at this machine's keyboard, never to the network.
  if (user.email === devAdminEmail && !isLocalRequest(await headers())) return null;
  return { userId: user.id, email: user.email, role: user.role };
}
