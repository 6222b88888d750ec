import {
  applyMigrations,
  createPrisma,
  DataDirInUseError,
  seedDemoData,
  startEmbeddedPostgres,
} from "@mic/db";
import { buildApp } from "./app";
import { readEnv } from "./env";
import { sessionSecret } from "./lib/secret";
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

const applied = await applyMigrations(databaseUrl);
const prisma = createPrisma(databaseUrl, { max: embedded?.poolSize ?? 10 });
const seeded = await seedDemoData(prisma);
const app = await buildApp({
  prisma,
  sessionSecret: sessionSecret(env.sessionSecret, env.dataDir),
  webDist: env.webDist,
  logLevel: env.logLevel,
});

// Expired sessions, old sign-in attempts and idempotency keys go hourly (and once at start).
const purge = () =>
  purgeExpired(prisma).catch((error: unknown) => app.log.warn({ err: error }, "purging expired rows failed"));
void purge();
const purgeTimer = setInterval(() => void purge(), 60 * 60 * 1000);
purgeTimer.unref();

const shutdown = async () => {
  clearInterval(purgeTimer);
  await app.close();
  await prisma.$disconnect();
  await embedded?.stop();
  process.exit(0);
};
process.once("SIGINT", () => void shutdown());
process.once("SIGTERM", () => void shutdown());

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
