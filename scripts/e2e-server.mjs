// The console as Playwright's webServer, on a database nobody else uses:
// - DATABASE_URL set (CI): drop and re-create E2E_DATABASE (default mic_e2e) on that server;
// - otherwise: embedded PostgreSQL in a fresh temporary DATA_DIR, removed on exit.
// The API then applies migrations and seeds the demo data as on any first start.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const apiDir = join(root, "apps/api");
const webDist = process.env.WEB_DIST ?? join(root, "apps/web/dist");

if (!existsSync(join(webDist, "index.html"))) {
  console.error(`[e2e-server] ${webDist}/index.html is missing: run \`pnpm --filter @mic/web build\` first.`);
  process.exit(1);
}

const dataDir = mkdtempSync(join(tmpdir(), "mic-e2e-"));
const env = {
  ...process.env,
  PORT: process.env.PORT ?? "3100",
  HOST: "127.0.0.1",
  DATA_DIR: dataDir,
  WEB_DIST: webDist,
  SESSION_SECRET: process.env.SESSION_SECRET ?? "e2e-session-secret-not-for-production",
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
};

if (process.env.DATABASE_URL) {
  const name = process.env.E2E_DATABASE ?? "mic_e2e";
  if (!/^[a-z_][a-z0-9_]*$/.test(name))
    throw new Error(`E2E_DATABASE must be a plain identifier, got ${name}`);
  // pg is a dependency of @mic/e2e, not of the root package.
  const { default: pg } = await import(
    pathToFileURL(createRequire(join(root, "e2e/package.json")).resolve("pg")).href
  );
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  console.log(`[e2e-server] fresh database ${name}`);
} else {
  console.log(`[e2e-server] embedded PostgreSQL in ${dataDir}`);
}

// Same as `pnpm --filter @mic/api start` (tsx src/main.ts) without needing pnpm on PATH. The child
// gets its own process group, so a signal to ours reaches it exactly once: through us.
const tsx = createRequire(join(apiDir, "package.json")).resolve("tsx/cli");
const child = spawn(process.execPath, [tsx, "src/main.ts"], {
  cwd: apiDir,
  env,
  stdio: "inherit",
  detached: true,
});

const cleanup = () => rmSync(dataDir, { recursive: true, force: true });
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    if (child.exitCode === null && child.pid) process.kill(child.pid, signal);
  });
}
child.on("exit", (code, signal) => {
  cleanup();
  process.exit(code ?? (signal ? 1 : 0));
});
