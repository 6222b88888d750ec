import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/client/client";
import { isConnectionError, isReadOnlyStatement } from "./connection-errors";

export type Db = PrismaClient;

export interface PrismaOptions {
  max?: number;
  /** Told of connection errors the pool survived (a terminated backend, a restart); default: ignored. */
  onConnectionError?: (error: Error) => void;
}

const READ_RETRIES = 3;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A read that lost its connection changed nothing: it is run again on a fresh one, a few times. */
async function retryingRead<T>(read: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      if (attempt > READ_RETRIES || !isConnectionError(error)) throw error;
      await sleep(50 * attempt);
    }
  }
}

/**
 * A node-postgres pool that survives the database dropping its connections:
 * - every client carries an `error` listener for its whole life, so a backend terminated while
 *   the client is checked out (or idle) can never become an unhandled 'error' event that ends
 *   the process; the pool then discards that client;
 * - a read-only statement outside a transaction that fails because its connection was lost is
 *   run again on a fresh connection (nothing was changed, so it is safe); everything else is
 *   left to the caller (see apps/api/src/lib/tx.ts), which knows whether a COMMIT was sent.
 */
export function createResilientPool(url: string, options: PrismaOptions = {}): pg.Pool {
  const report = options.onConnectionError ?? (() => {});
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    // A database that does not answer must not hold requests for ever: they get 503 instead.
    connectionTimeoutMillis: 5_000,
    keepAlive: true,
  });
  pool.on("error", report);
  pool.on("connect", (client) => client.on("error", report));

  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
  (pool as { query: unknown }).query = async (...args: unknown[]) => {
    const [config] = args;
    const text = typeof config === "string" ? config : (config as { text?: unknown } | null)?.text;
    const callback = args.some((a) => typeof a === "function");
    if (callback || typeof text !== "string" || !isReadOnlyStatement(text)) return query(...args);
    return retryingRead(() => query(...args));
  };
  return pool;
}

const READS = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "count",
  "aggregate",
  "groupBy",
]);

/**
 * One Prisma client over node-postgres; the same path serves PostgreSQL and embedded PGlite.
 * Model reads that lose their connection are run again (Prisma may run a read with relations as
 * several statements on one connection, beyond the pool's own retry); inside a transaction the
 * retry fails again at once and the transaction's owner decides (apps/api/src/lib/tx.ts).
 */
export function createPrisma(url: string, options: PrismaOptions = {}): PrismaClient {
  const adapter = new PrismaPg(createResilientPool(url, options), { disposeExternalPool: true });
  const client = new PrismaClient({ adapter }).$extends({
    query: {
      async $allOperations({ operation, args, query }): Promise<unknown> {
        const run = () => query(args) as Promise<unknown>;
        return READS.has(operation) ? retryingRead(run) : run();
      },
    },
  });
  // The extension adds behaviour, not API: callers keep the plain client's type.
  return client as unknown as PrismaClient;
}
