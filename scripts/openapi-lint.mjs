#!/usr/bin/env node
// Builds the API without listening, writes its OpenAPI document to a temporary file and lints it
// with Redocly's recommended rules. Any error or warning fails (a step of `pnpm run check`):
// Redocly itself exits 0 on warnings, so its JSON totals are read here.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const dir = mkdtempSync(join(tmpdir(), "mic-openapi-"));
const document = join(dir, "openapi.json");
const shell = process.platform === "win32";
const redocly = (format, stdio) =>
  spawnSync(
    "pnpm",
    [
      "exec",
      "redocly",
      "lint",
      document,
      "--extends=recommended",
      "--max-problems=500",
      `--format=${format}`,
    ],
    { cwd: root, stdio, shell, encoding: "utf8" },
  );

try {
  const built = spawnSync("pnpm", ["exec", "tsx", "src/openapi-document.ts", document], {
    cwd: join(root, "apps/api"),
    stdio: "inherit",
    shell,
  });
  if (built.status !== 0) throw new Error("could not build the OpenAPI document");

  const json = redocly("json", ["ignore", "pipe", "inherit"]);
  const start = json.stdout.indexOf("{");
  const totals = start >= 0 ? JSON.parse(json.stdout.slice(start)).totals : undefined;
  if (!totals) throw new Error(`redocly lint gave no totals (exit ${json.status})`);
  console.log(`openapi:lint (redocly recommended): ${totals.errors} errors, ${totals.warnings} warnings`);
  if (totals.errors > 0 || totals.warnings > 0) {
    redocly("stylish", "inherit");
    process.exitCode = 1;
  }
} catch (error) {
  console.error(`openapi:lint: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
