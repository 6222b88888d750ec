import { createHash, randomUUID } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), "../migrations");
/** The advisory lock Prisma's own migrate takes, so a real `prisma migrate deploy` and we exclude each other. */
const PRISMA_MIGRATE_LOCK = 72707369;

export class MigrationError extends Error {}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/**
 * Applies prisma/migrations the way `prisma migrate deploy` does, keeping its `_prisma_migrations`
 * history, without Prisma's native engine (ENVIRONMENT.md). Safe when several processes start at
 * once: the advisory lock makes them take turns, and the later ones find nothing left to do.
 */
export async function applyMigrations(url: string, dir = MIGRATIONS_DIR): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS _prisma_migrations (
      id VARCHAR(36) PRIMARY KEY NOT NULL,
      checksum VARCHAR(64) NOT NULL,
      finished_at TIMESTAMPTZ,
      migration_name VARCHAR(255) NOT NULL,
      logs TEXT,
      rolled_back_at TIMESTAMPTZ,
      started_at TIMESTAMPTZ NOT NULL DEFAULT now(),
      applied_steps_count INTEGER NOT NULL DEFAULT 0
    )`);
    const { rows } = await client.query<AppliedRow>(
      "SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations",
    );
    const live = rows.filter((r) => r.rolled_back_at === null);
    const failed = live.find((r) => r.finished_at === null);
    if (failed) {
      throw new MigrationError(
        `Migration ${failed.migration_name} failed earlier; resolve it before starting.`,
      );
    }
    const done = new Map(live.map((r) => [r.migration_name, r.checksum]));
    const names = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    for (const name of names) {
      const script = readFileSync(join(dir, name, "migration.sql"));
      const checksum = createHash("sha256").update(script).digest("hex");
      const previous = done.get(name);
      if (previous !== undefined) {
        if (previous !== checksum) {
          throw new MigrationError(`Migration ${name} was changed after it was applied (checksum differs).`);
        }
        continue;
      }
      // One transaction per migration: a process killed half-way leaves nothing behind and the
      // next start simply applies it again. A script that fails is recorded as Prisma records it
      // (finished_at NULL, with the error in logs), so it is not retried blindly.
      const id = randomUUID();
      await client.query("BEGIN");
      try {
        await client.query(
          "INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())",
          [id, checksum, name],
        );
        await client.query(script.toString("utf8"));
        await client.query(
          "UPDATE _prisma_migrations SET applied_steps_count = 1, finished_at = now() WHERE id = $1",
          [id],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        await client.query(
          "INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, logs) VALUES ($1, $2, $3, now(), $4)",
          [id, checksum, name, String(error)],
        );
        throw new MigrationError(`Migration ${name} failed: ${String(error)}`);
      }
      applied.push(name);
    }
    return applied;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK]).catch(() => undefined);
    await client.end();
  }
}
