import { verify } from "@node-rs/argon2";
import type { Db } from "@mic/db";
import { AppError } from "../lib/errors";

const WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 10;
export const MAX_FAILURES_PER_ADDRESS = 50;
// Verifying against a real hash when the account is unknown keeps timing from telling which emails exist.
const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0hO8ZQ7mB1Yv9iM5m7Vb7CkZ1H2kWvO8Qv8pJq4o0nI";

/** Checks the password; refuses (429) after too many recent failures, counted in the database for all API processes. */
export async function signIn(prisma: Db, options: { email: string; password: string; ip: string }) {
  const since = new Date(Date.now() - WINDOW_MS);
  const [byAccount, byAddress] = await Promise.all([
    prisma.loginAttempt.count({
      where: { email: options.email, succeeded: false, createdAt: { gte: since } },
    }),
    prisma.loginAttempt.count({ where: { ip: options.ip, succeeded: false, createdAt: { gte: since } } }),
  ]);
  if (byAccount >= MAX_FAILURES_PER_ACCOUNT || byAddress >= MAX_FAILURES_PER_ADDRESS) {
    throw new AppError("RATE_LIMITED", "auth.rateLimited");
  }
  const user = await prisma.user.findUnique({ where: { email: options.email } });
  const ok = await verify(user?.passwordHash ?? DUMMY_HASH, options.password).catch(() => false);
  await prisma.loginAttempt.create({
    data: { email: options.email, ip: options.ip, succeeded: ok && !!user },
  });
  if (!ok || !user) throw new AppError("UNAUTHENTICATED", "auth.invalid");
  return user;
}
