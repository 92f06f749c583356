import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { devMailbox } from "@/db/schema";

export async function listDevMail(db: Db, limit = 100) {
  return db
    .select({ id: devMailbox.id, to: devMailbox.to, subject: devMailbox.subject, createdAt: devMailbox.createdAt })
    .from(devMailbox)
    .orderBy(desc(devMailbox.createdAt))
    .limit(limit);
}

export async function findDevMail(db: Db, id: string) {
  const [row] = await db.select().from(devMailbox).where(eq(devMailbox.id, id));
  return row ?? null;
}
