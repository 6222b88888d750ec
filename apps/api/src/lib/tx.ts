import type { Db, Prisma } from "@mic/db";

export type Tx = Prisma.TransactionClient;

/** Serialization failures and deadlocks are the database asking us to try again, never the user's fault. */
export function isRetryable(error: unknown): boolean {
  const e = error as { code?: string; message?: string; meta?: { code?: string } };
  if (e?.code === "P2034" || e?.code === "40001" || e?.code === "40P01") return true;
  return /could not serialize|deadlock detected|\b40001\b|\b40P01\b/.test(String(e?.message ?? ""));
}

/** Runs `fn` in one READ COMMITTED transaction, retrying it when PostgreSQL reports a conflict. */
export async function inTransaction<T>(prisma: Db, fn: (tx: Tx) => Promise<T>, attempts = 8): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await prisma.$transaction(fn, {
        isolationLevel: "ReadCommitted",
        maxWait: 30_000,
        timeout: 30_000,
      });
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
    }
  }
}

/** True when a Prisma error is a unique-constraint violation. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === "P2002" || /unique constraint|\b23505\b/i.test(String(e?.message ?? ""));
}
