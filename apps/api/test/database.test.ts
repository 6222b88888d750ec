import { mkdtempSync, mkdirSync, rmSync, writeFileSync, cpSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  applyMigrations,
  createPrisma,
  DataDirInUseError,
  MIGRATIONS_DIR,
  seedDemoData,
  startEmbeddedPostgres,
} from "@mic/db";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { buildApp } from "../src/app";
import { createTestDatabase } from "./db";

async function history(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const { rows } = await c.query<{
    migration_name: string;
    applied_steps_count: number;
    finished_at: Date | null;
  }>(
    "SELECT migration_name, applied_steps_count, finished_at FROM _prisma_migrations ORDER BY migration_name",
  );
  await c.end();
  return rows;
}

describe("migration applier", () => {
  it("applies each migration once when two processes start at the same time", async () => {
    const db = await createTestDatabase({ empty: true });
    try {
      const [a, b] = await Promise.all([applyMigrations(db.url), applyMigrations(db.url)]);
      const names = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort();
      expect([...a, ...b].sort()).toEqual(names);
      const rows = await history(db.url);
      expect(rows.map((r) => r.migration_name)).toEqual(names);
      expect(rows.every((r) => r.applied_steps_count === 1 && r.finished_at !== null)).toBe(true);
      expect(await applyMigrations(db.url)).toEqual([]);
    } finally {
      await db.drop();
    }
  });

  it("refuses to start when an applied migration was changed", async () => {
    const db = await createTestDatabase({ empty: true });
    const dir = mkdtempSync(join(tmpdir(), "mic-migrations-"));
    try {
      cpSync(MIGRATIONS_DIR, dir, { recursive: true });
      await applyMigrations(db.url, dir);
      const first = readdirSync(dir, { withFileTypes: true }).find((e) => e.isDirectory())!.name;
      writeFileSync(join(dir, first, "migration.sql"), "-- edited\n", { flag: "a" });
      await expect(applyMigrations(db.url, dir)).rejects.toThrow(/changed after it was applied/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await db.drop();
    }
  });

  it("records a failed migration and refuses to go on until it is resolved", async () => {
    const db = await createTestDatabase({ empty: true });
    const dir = mkdtempSync(join(tmpdir(), "mic-migrations-"));
    try {
      cpSync(MIGRATIONS_DIR, dir, { recursive: true });
      mkdirSync(join(dir, "99999999999999_broken"));
      writeFileSync(join(dir, "99999999999999_broken", "migration.sql"), "SELECT * FROM no_such_table;");
      await expect(applyMigrations(db.url, dir)).rejects.toThrow(/failed/);
      await expect(applyMigrations(db.url, dir)).rejects.toThrow(/failed earlier/);
      const rows = await history(db.url);
      expect(rows.find((r) => r.migration_name === "99999999999999_broken")?.finished_at).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await db.drop();
    }
  });
});

describe("demo data", () => {
  it("is seeded into an empty database once, even when two processes try together", async () => {
    const db = await createTestDatabase();
    const a = createPrisma(db.url, { max: db.poolSize });
    const b = createPrisma(db.url, { max: db.poolSize });
    try {
      const results = await Promise.all([seedDemoData(a), seedDemoData(b)]);
      expect(results.sort()).toEqual([false, true]);
      expect(await seedDemoData(a)).toBe(false);
      expect(await a.user.count()).toBe(6);
      expect(await a.provider.count()).toBeGreaterThanOrEqual(3);
    } finally {
      await a.$disconnect();
      await b.$disconnect();
      await db.drop();
    }
  });
});

describe("embedded PostgreSQL", () => {
  it("keeps what was written across a restart", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "mic-embedded-"));
    try {
      const first = await startEmbeddedPostgres(dataDir);
      await applyMigrations(first.url);
      const p1 = createPrisma(first.url, { max: first.poolSize });
      await p1.tenant.create({ data: { name: "重启测试有限公司" } });
      await p1.$disconnect();
      await first.stop();

      const second = await startEmbeddedPostgres(dataDir);
      // While it is open, a second server on the same files is refused rather than corrupting them.
      await expect(startEmbeddedPostgres(dataDir)).rejects.toBeInstanceOf(DataDirInUseError);
      expect(await applyMigrations(second.url)).toEqual([]);
      const p2 = createPrisma(second.url, { max: second.poolSize });
      expect(await p2.tenant.findFirst({ where: { name: "重启测试有限公司" } })).not.toBeNull();
      await p2.$disconnect();
      await second.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe("embedded PostgreSQL data directory lock", () => {
  it("refuses a directory held by another live process and takes over one left by a dead process", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "mic-lock-"));
    try {
      writeFileSync(join(dataDir, "server.lock"), String(process.ppid));
      await expect(startEmbeddedPostgres(dataDir)).rejects.toThrow(/in use by process/);
      writeFileSync(join(dataDir, "server.lock"), "999999999");
      const db = await startEmbeddedPostgres(dataDir);
      await db.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe("serving the console", () => {
  it("answers deep links with index.html and keeps unknown /api routes 404", async () => {
    const db = await createTestDatabase();
    const prisma = createPrisma(db.url, { max: db.poolSize });
    const webDist = mkdtempSync(join(tmpdir(), "mic-web-"));
    writeFileSync(join(webDist, "index.html"), '<!doctype html><div id="root"></div>');
    const app = await buildApp({ prisma, sessionSecret: "t", logLevel: "silent", webDist });
    try {
      const deep = await app.inject({ method: "GET", url: "/invoices/records" });
      expect(deep.statusCode).toBe(200);
      expect(deep.headers["content-type"]).toMatch(/text\/html/);
      expect(deep.body).toContain('<div id="root">');
      const root = await app.inject({ method: "GET", url: "/" });
      expect(root.body).toContain('<div id="root">');
      const api = await app.inject({ method: "GET", url: "/api/nope" });
      expect(api.statusCode).toBe(404);
      expect(api.json().error.code).toBe("NOT_FOUND");
    } finally {
      await app.close();
      await prisma.$disconnect();
      await db.drop();
      rmSync(webDist, { recursive: true, force: true });
    }
  });
});
