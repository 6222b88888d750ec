import type { Db } from "@mic/db";

/** Readiness: whether the database answers a trivial query now. */
export async function databaseAnswers(db: Db): Promise<boolean> {
  try {
    await db.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}
