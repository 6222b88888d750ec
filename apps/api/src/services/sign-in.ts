import { verify } from "@node-rs/argon2";
import type { Db } from "@mic/db";
import { lockUntilCommit } from "../lib/advisory-lock";
import { AppError } from "../lib/errors";
import { addressKey } from "../lib/rate-limit";
import type { SessionUser } from "../lib/session";
import { inTransaction } from "../lib/tx";

const WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES_PER_ACCOUNT = 10;
const MAX_FAILURES_PER_ADDRESS = 50;
// Verifying against a real hash when the account is unknown keeps timing from telling which emails exist.
const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0hO8ZQ7mB1Yv9iM5m7Vb7CkZ1H2kWvO8Qv8pJq4o0nI";
/**
 * Checks the password; refuses (429) after too many recent failures, counted in the database for
 * all API processes. Check and record are one step: under advisory locks on the account and the
 * address, the recent failures are counted and this attempt is recorded as a failure before the
 * password is verified (outside the locks), so however many attempts arrive at once, at most 10
 * per account and 50 per address are ever verified in 15 minutes. A right password marks its row
 * succeeded.
 */
export async function signIn(prisma: Db, options: { email: string; password: string; ip: string }) {
  const email = options.email;
  const ip = addressKey(options.ip);
  const attemptId = await inTransaction(prisma, async (tx) => {
    // Always account first, then address: no two sign-ins can deadlock.
    await lockUntilCommit(tx, "signInAccount", email);
    await lockUntilCommit(tx, "signInAddress", ip);
    const since = new Date(Date.now() - WINDOW_MS);
    const byAccount = await tx.loginAttempt.count({
      where: { email, succeeded: false, createdAt: { gte: since } },
    });
    const byAddress = await tx.loginAttempt.count({
      where: { ip, succeeded: false, createdAt: { gte: since } },
    });
    if (byAccount >= MAX_FAILURES_PER_ACCOUNT || byAddress >= MAX_FAILURES_PER_ADDRESS) return undefined;
    const attempt = await tx.loginAttempt.create({
      data: { email, ip, succeeded: false },
      select: { id: true },
    });
    return attempt.id;
  });
  if (attemptId === undefined) throw new AppError("RATE_LIMITED", "auth.rateLimited");
  const user = await prisma.user.findUnique({ where: { email } });
  const ok = await verify(user?.passwordHash ?? DUMMY_HASH, options.password).catch(() => false);
  if (!ok || !user) throw new AppError("UNAUTHENTICATED", "auth.invalid");
  await prisma.loginAttempt.update({ where: { id: attemptId }, data: { succeeded: true } });
  return user;
}

/** The signed-in user as the session reports it, with the names of their tenant or provider. */
export async function sessionUserOf(db: Db, userId: string): Promise<SessionUser> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    include: { tenant: true, provider: true },
  });
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    tenantId: user.tenantId,
    providerId: user.providerId,
    tenantName: user.tenant?.name ?? null,
    providerName: user.provider?.name ?? null,
  };
}
