// Offline migration tooling on Prisma 6's WASM schema engine (see docs/decisions/0001-offline-prisma.md).
//   node src/drift.mjs --check        exit 1 when prisma/schema.prisma and prisma/migrations disagree
//   node src/drift.mjs --name NAME    write the next migration from the difference
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../../..");
const schemaPath = join(root, "prisma/schema.prisma");
const migrationsDir = join(root, "prisma/migrations");
mkdirSync(migrationsDir, { recursive: true });

// Prisma 6 requires a url in the datasource and predates Prisma 7's generator: give it a copy
// with a dummy url and no generator.
const work = mkdtempSync(join(tmpdir(), "mic-diff-"));
const derived = join(work, "schema.prisma");
const source = readFileSync(schemaPath, "utf8")
  .replace(/generator\s+\w+\s*\{[^}]*\}/, "")
  .replace(
    /datasource\s+db\s*\{[^}]*\}/,
    'datasource db {\n  provider = "postgresql"\n  url = "postgresql://unused"\n}',
  );
writeFileSync(derived, source);

const args = process.argv.slice(2);
const check = args.includes("--check");
const nameIndex = args.indexOf("--name");
const name = nameIndex >= 0 ? args[nameIndex + 1] : undefined;
if (!check && !name) {
  console.error("usage: drift.mjs --check | --name <migration_name>");
  process.exit(2);
}

const result = spawnSync(
  join(here, "../node_modules/.bin/prisma"),
  [
    "migrate",
    "diff",
    "--config",
    join(here, "prisma.config.ts"),
    "--from-migrations",
    migrationsDir,
    "--to-schema-datamodel",
    derived,
    "--script",
    ...(check ? ["--exit-code"] : []),
  ],
  {
    encoding: "utf8",
    env: {
      ...process.env,
      MIC_DIFF_SCHEMA: derived,
      PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false",
      PRISMA_QUERY_ENGINE_LIBRARY: "/bin/false",
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
    },
  },
);
rmSync(work, { recursive: true, force: true });

if (result.status !== 0 && result.status !== 2) {
  console.error(result.stdout, result.stderr);
  process.exit(1);
}
const sql = result.stdout.trim();
const empty = sql === "" || sql === "-- This is an empty migration.";
if (check) {
  if (result.status === 2 || !empty) {
    console.error("Drift: prisma/schema.prisma and prisma/migrations disagree. The missing SQL:\n" + sql);
    process.exit(1);
  }
  console.log("No drift: the migrations produce prisma/schema.prisma.");
  process.exit(0);
}
if (empty) {
  console.log("Nothing to migrate.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = join(migrationsDir, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, "migration.sql"), sql + "\n");
console.log(`Wrote ${dir}/migration.sql`);
