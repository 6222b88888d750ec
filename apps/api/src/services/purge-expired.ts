import type { Db } from "@mic/db";

/** How long a stored Idempotency-Key answers retries; a retry later than this runs anew. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;
/** Sign-in attempts matter for the 15-minute limit; a day is kept for looking into abuse. */
const LOGIN_ATTEMPT_RETENTION_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes what has run out: expired sessions, old sign-in attempts and idempotency keys. Plain
 * deletes by time, so any number of API processes may run it at any moment.
 */
export async function purgeExpired(prisma: Db, now = new Date()) {
  const [sessions, attempts, keys] = await Promise.all([
    prisma.session.deleteMany({ where: { expiresAt: { lte: now } } }),
    prisma.loginAttempt.deleteMany({
      where: { createdAt: { lt: new Date(now.getTime() - LOGIN_ATTEMPT_RETENTION_MS) } },
    }),
    prisma.idempotencyKey.deleteMany({
      where: { createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS) } },
    }),
  ]);
  return { sessions: sessions.count, loginAttempts: attempts.count, idempotencyKeys: keys.count };
}
