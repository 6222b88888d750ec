/**
 * Losing the database (a restart, `pg_terminate_backend`, a network cut, a full pool) reaches us
 * in many wrappings: node-postgres errors, socket errors, the driver adapter's kinds and Prisma's
 * own request errors around them. All of them mean "the database is not answering now": never the
 * caller's fault, so never a 500 (SPEC §15).
 */

// SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown, terminate,
// cannot connect now), 53300 (too many connections).
const SQLSTATE = /^(08\d{3}|57P0[1-4]|53300)$/;
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ECONNABORTED",
]);
const ADAPTER_KINDS = new Set([
  "ConnectionClosed",
  "DatabaseNotReachable",
  "SocketTimeout",
  "TooManyConnections",
]);
// Prisma: P1001 can't reach, P1002 timed out, P1008 operation timed out, P1017 server closed the
// connection, P2024 timed out fetching a connection from the pool, P2028 transaction API error
// (e.g. the transaction's connection is gone or it could not be started in time).
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
const MESSAGES =
  /Connection terminated|connection error and is not queryable|Client was closed and is not queryable|terminating connection|the database system is (starting up|shutting down|in recovery mode)|server closed the connection|Connection ended unexpectedly|timeout exceeded when trying to connect|Unable to start a transaction in the given time|Transaction already closed|Transaction not found/i;

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  kind?: unknown;
  originalCode?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown; code?: unknown };
}

export function isConnectionError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 4) return false;
  const e = error as ErrorLike;
  const code = typeof e.code === "string" ? e.code : undefined;
  if (code && (SQLSTATE.test(code) || SOCKET_CODES.has(code) || PRISMA_CODES.has(code))) return true;
  if (typeof e.originalCode === "string" && SQLSTATE.test(e.originalCode)) return true;
  if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
  if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
  return (
    isConnectionError(e.cause, depth + 1) ||
    isConnectionError(e.meta?.driverAdapterError, depth + 1) ||
    (typeof e.meta?.code === "string" && SQLSTATE.test(e.meta.code))
  );
}

/**
 * A statement that only reads: re-running it after a lost connection cannot change anything.
 * Our own database functions (`mic_…`, e.g. mic_apply_invoice) write, even when called by SELECT.
 */
export function isReadOnlyStatement(sql: string): boolean {
  const s = sql.trimStart().slice(0, 12).toUpperCase();
  if (!s.startsWith("SELECT")) return false;
  return !/\b(INSERT|UPDATE|DELETE|FOR\s+UPDATE|FOR\s+SHARE|NEXTVAL|SETVAL|PG_ADVISORY\w*|MIC_\w+)\b/i.test(
    sql,
  );
}

const NEVER_SENT =
  /connection error and is not queryable|Client was closed and is not queryable|ECONNREFUSED/;

/**
 * A statement that node-postgres refused to send because its connection was already broken (or
 * never opened): the database never saw it. For a COMMIT that means the transaction did not
 * commit, so running it again is still exactly once.
 */
export function wasNeverSent(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 4) return false;
  const e = error as ErrorLike;
  if (typeof e.message === "string" && NEVER_SENT.test(e.message)) return true;
  if (e.code === "ECONNREFUSED") return true;
  return wasNeverSent(e.cause, depth + 1) || wasNeverSent(e.meta?.driverAdapterError, depth + 1);
}
