import { join } from "node:path";
import {
  applyMigrations,
  createPrisma,
  DataDirInUseError,
  isConnectionError,
  startEmbeddedPostgres,
} from "@mic/db";
import { buildApp } from "./app";
import { readEnv } from "./env";
import { sessionSecret } from "./lib/secret";
import { seedDemo } from "./seed/demo-stories";
import { purgeExpired } from "./services/purge-expired";

const env = readEnv();
const embedded = env.databaseUrl
  ? undefined
  : await startEmbeddedPostgres(env.dataDir).catch((error: unknown) => {
      if (!(error instanceof DataDirInUseError)) throw error;
      console.error(`\n  ✖ ${error.message}\n`);
      process.exit(1);
    });
const databaseUrl = env.databaseUrl ?? embedded!.url;

/** A database that is still starting (or restarting) is waited for, up to a minute, not given up on. */
async function whenDatabaseAnswers<T>(step: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      return await step();
    } catch (error) {
      if (!isConnectionError(error) || Date.now() > deadline) throw error;
      console.error(`  … waiting for the database (${(error as Error).message})`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

const applied = await whenDatabaseAnswers(() => applyMigrations(databaseUrl));
let lostConnections = 0;
const prisma = createPrisma(databaseUrl, {
  max: embedded?.poolSize ?? 10,
  // The pool replaces the connection; one line per loss is enough to see it in the log.
  onConnectionError: (error) => {
    lostConnections++;
    console.error(`database connection lost (${lostConnections} so far): ${error.message}`);
  },
});
const seeded = await whenDatabaseAnswers(() => seedDemo(prisma));
const app = await buildApp({
  prisma,
  sessionSecret: sessionSecret(env.sessionSecret, env.dataDir),
  webDist: env.webDist,
  logLevel: env.logLevel,
  trustProxy: env.trustProxy,
  jobs: true,
  delivery: {
    allowPrivateTargets: env.webhookAllowPrivateTargets,
    smtpUrl: env.smtpUrl,
    mailDir: join(env.dataDir, "mail"),
  },
});

// Expired sessions, old sign-in attempts and idempotency keys go hourly (and once at start).
const purge = () =>
  purgeExpired(prisma).catch((error: unknown) => app.log.warn({ err: error }, "purging expired rows failed"));
void purge();
const purgeTimer = setInterval(() => void purge(), 60 * 60 * 1000);
purgeTimer.unref();

// A promise nobody awaited must not end a process that serves everyone else: log it.
process.on("unhandledRejection", (reason) => app.log.error({ err: reason }, "unhandled rejection"));

/**
 * SIGTERM/SIGINT: stop accepting connections (requests arriving on kept-alive ones get 503),
 * let the requests in flight finish, then close the database and exit. A drain that hangs is
 * cut after 25 s, inside the usual 30 s grace period of process managers.
 */
const DRAIN_MS = 25_000;
let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  app.log.info(`${signal}: draining requests in flight`);
  clearInterval(purgeTimer);
  setTimeout(() => {
    console.error(`  ✖ requests still running after ${DRAIN_MS / 1000} s; exiting`);
    process.exit(1);
  }, DRAIN_MS).unref();
  try {
    await app.close();
    await prisma.$disconnect();
    await embedded?.stop();
    process.exit(0);
  } catch (error) {
    console.error("  ✖ shutdown failed:", error);
    process.exit(1);
  }
};
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));

await app.listen({ port: env.port, host: env.host });
const address = app.server.address();
const port = typeof address === "object" && address ? address.port : env.port;
console.log(
  [
    "",
    `  云市场开票控制台 Marketplace Invoicing Console`,
    `  Database: ${embedded ? `embedded PostgreSQL (PGlite) in ${env.dataDir}` : "DATABASE_URL"}` +
      `${applied.length ? `, applied ${applied.length} migration(s)` : ""}${seeded ? ", demo data seeded" : ""}`,
    `  Open http://localhost:${port}/  (API docs: http://localhost:${port}/api/docs)`,
    `  Demo accounts (password demo-password): admin@acme.test · staff@cloudsoft.test · support@market.test`,
    "",
  ].join("\n"),
);
