import { createHash, randomUUID } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import pg from "pg";

// Found through the package, not this file's place, so it holds when the API is bundled into
// apps/api/dist (where this module no longer lives next to the migrations).
export const MIGRATIONS_DIR = join(
  dirname(createRequire(import.meta.url).resolve("@mic/db/package.json")),
  "migrations",
);
/** The advisory lock id Prisma's own migrate takes, so a real `prisma migrate deploy` and we exclude each other. */
const PRISMA_MIGRATE_LOCK = 72707369;

export class MigrationError extends Error {}

/** A script that failed, as opposed to a refusal: recorded in the history like Prisma records it. */
class ScriptError extends Error {}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
}

const HISTORY_TABLE = `CREATE TABLE IF NOT EXISTS _prisma_migrations (
  id VARCHAR(36) PRIMARY KEY NOT NULL,
  checksum VARCHAR(64) NOT NULL,
  finished_at TIMESTAMPTZ,
  migration_name VARCHAR(255) NOT NULL,
  logs TEXT,
  rolled_back_at TIMESTAMPTZ,
  started_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  applied_steps_count INTEGER NOT NULL DEFAULT 0
)`;

/**
 * Every step runs in a transaction that first takes the migration lock. Between processes the lock
 * makes them take turns; on the embedded database, where all connections share one session (and
 * session-level advisory locks would not exclude each other), the open transaction does.
 */
async function locked<T>(client: pg.Client, step: () => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock($1)", [PRISMA_MIGRATE_LOCK]);
    const result = await step();
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

/**
 * Applies prisma/migrations the way `prisma migrate deploy` does, keeping its `_prisma_migrations`
 * history, without Prisma's native engine (ENVIRONMENT.md). Each migration (history row, script,
 * completion) is one transaction, so a process killed half-way leaves nothing and the next start
 * applies it again. Safe when several processes start at once: the later ones find it done.
 * Refuses to go on when an applied migration's checksum changed or an earlier one failed.
 */
export async function applyMigrations(url: string, dir = MIGRATIONS_DIR): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const applied: string[] = [];
  try {
    await locked(client, async () => {
      await client.query(HISTORY_TABLE);
      const { rows } = await client.query<{ migration_name: string }>(
        "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NULL AND rolled_back_at IS NULL LIMIT 1",
      );
      if (rows[0]) {
        throw new MigrationError(
          `Migration ${rows[0].migration_name} failed earlier; resolve it before starting.`,
        );
      }
    });
    const names = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    for (const name of names) {
      const script = readFileSync(join(dir, name, "migration.sql"));
      const checksum = createHash("sha256").update(script).digest("hex");
      const id = randomUUID();
      try {
        const ran = await locked(client, async () => {
          const { rows } = await client.query<AppliedRow>(
            "SELECT migration_name, checksum, finished_at FROM _prisma_migrations WHERE migration_name = $1 AND rolled_back_at IS NULL",
            [name],
          );
          const done = rows.find((r) => r.finished_at !== null);
          if (done) {
            if (done.checksum !== checksum) {
              throw new MigrationError(
                `Migration ${name} was changed after it was applied (checksum differs).`,
              );
            }
            return false;
          }
          if (rows.length > 0)
            throw new MigrationError(`Migration ${name} failed earlier; resolve it before starting.`);
          await client.query(
            "INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())",
            [id, checksum, name],
          );
          await client.query(script.toString("utf8")).catch((error: unknown) => {
            throw new ScriptError(String(error));
          });
          await client.query(
            "UPDATE _prisma_migrations SET applied_steps_count = 1, finished_at = now() WHERE id = $1",
            [id],
          );
          return true;
        });
        if (ran) applied.push(name);
      } catch (error) {
        if (!(error instanceof ScriptError)) throw error;
        await client.query(
          "INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, logs) VALUES ($1, $2, $3, now(), $4)",
          [id, checksum, name, error.message],
        );
        throw new MigrationError(`Migration ${name} failed: ${error.message}`);
      }
    }
    return applied;
  } finally {
    await client.end();
  }
}
