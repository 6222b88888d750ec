import { randomBytes } from "node:crypto";
import { applyMigrations, startEmbeddedPostgres } from "@mic/db";
import pg from "pg";
import { inject } from "vitest";

export interface TestDatabase {
  url: string;
  poolSize: number;
  drop(): Promise<void>;
}

/**
 * A database of this test file's own: a copy of the migrated template, or a fresh in-memory PGlite
 * with the migrations applied. `empty`: no migrations at all, for testing the applier itself.
 */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const admin = process.env.DATABASE_URL;
  if (!admin) {
    const embedded = await startEmbeddedPostgres();
    if (!options.empty) await applyMigrations(embedded.url);
    return { url: embedded.url, poolSize: embedded.poolSize, drop: () => embedded.stop() };
  }
  const name = `mic_t_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}${options.empty ? "" : ` TEMPLATE ${inject("templateDb")}`}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    poolSize: 20,
    async drop() {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
