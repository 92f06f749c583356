import { desc, eq, sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
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

/** The embedded default's dev mailbox keeps copies of mail: those to this address go with "delete everything". */
export async function deleteDevMailTo(db: Db, emailNormalized: string): Promise<number> {
  const result = await db.execute(sql`delete from ${devMailbox} where lower(${devMailbox.to}) = ${emailNormalized} returning 1`);
  return rowsOf(result).length;
}
