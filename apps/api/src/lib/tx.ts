import { isConnectionError, wasNeverSent, type Db, type Prisma } from "@mic/db";
import { AppError } from "./errors";

export type Tx = Prisma.TransactionClient;

/** Serialization failures and deadlocks are the database asking us to try again, never the user's fault. */
function isRetryable(error: unknown): boolean {
  const e = error as { code?: string; message?: string; meta?: { code?: string } };
  if (e?.code === "P2034" || e?.code === "40001" || e?.code === "40P01") return true;
  return /could not serialize|deadlock detected|\b40001\b|\b40P01\b/.test(String(e?.message ?? ""));
}

/** How long a transaction keeps trying while its connections are being lost (SPEC §15). */
const CONNECTION_RETRY_MS = 3_000;

/**
 * Runs `fn` in one READ COMMITTED transaction, retrying it when PostgreSQL reports a conflict.
 *
 * A lost connection is retried too, but only while the transaction's own work was still running:
 * then no COMMIT was ever sent, the database rolled everything back, and running it again is
 * exactly once. Once `fn` has returned, the COMMIT may or may not have reached the database —
 * unless node-postgres refused to send it on a connection it already knew was broken — so the
 * outcome is unknown: the caller gets 503 (`UNAVAILABLE`) and its retry with the same
 * Idempotency-Key finds the committed response or runs afresh.
 */
export async function inTransaction<T>(prisma: Db, fn: (tx: Tx) => Promise<T>, attempts = 8): Promise<T> {
  return retrying(
    (sent) =>
      prisma.$transaction(
        async (tx) => {
          const result = await fn(tx);
          sent.commit = true;
          return result;
        },
        { isolationLevel: "ReadCommitted", maxWait: 10_000, timeout: 30_000 },
      ),
    attempts,
  );
}

/**
 * Runs one statement that is a transaction of its own (a call of a database function such as
 * mic_apply_invoice): conflicts and a statement that never reached the database are run again;
 * a connection lost after it was sent leaves the outcome unknown, so that is a 503.
 */
export async function inOneStatement<T>(run: () => Promise<T>, attempts = 8): Promise<T> {
  return retrying((sent) => {
    sent.commit = true;
    return run();
  }, attempts);
}

/**
 * The retries of both: conflicts up to `attempts` times; a lost connection for up to 3 s unless
 * the commit may have reached the database (`sent.commit`, and node-postgres did not refuse to
 * send it), which is a 503.
 */
async function retrying<T>(run: (sent: { commit: boolean }) => Promise<T>, attempts: number): Promise<T> {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    const sent = { commit: false };
    try {
      return await run(sent);
    } catch (error) {
      if (isConnectionError(error)) {
        const outcomeUnknown = sent.commit && !wasNeverSent(error);
        if (outcomeUnknown || Date.now() - started > CONNECTION_RETRY_MS) throw unavailable(error);
        await new Promise((r) => setTimeout(r, 50 * attempt + Math.random() * 50));
        continue;
      }
      if (attempt >= attempts || !isRetryable(error)) throw error;
      await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
    }
  }
}

/** 503 with Retry-After: the database is not answering now; the request may be sent again. */
export function unavailable(cause: unknown): AppError {
  const error = new AppError("UNAVAILABLE", "unavailable");
  error.cause = cause;
  return error;
}

/** True when a Prisma error is a unique-constraint violation. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === "P2002" || /unique constraint|\b23505\b/i.test(String(e?.message ?? ""));
}
