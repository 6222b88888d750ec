#!/usr/bin/env node
// `npm start` / `npm test` on a machine that has only Node 20+: find (or fetch) the pinned pnpm,
// install, generate the Prisma client, then run the console or the whole check.
// No dependencies: this runs before node_modules exists.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { stripVTControlCharacters } from "node:util";

const root = fileURLToPath(new URL("..", import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const PNPM_VERSION = String(pkg.packageManager)
  .replace(/^pnpm@/, "")
  .split("+")[0];
const isWindows = process.platform === "win32";

const log = (message) => console.log(`\n\x1b[1m▶ ${message}\x1b[0m`);

function fail(message) {
  console.error(`\n✖ ${message}`);
  process.exit(1);
}

function probe(command, args, env = process.env) {
  const r = spawnSync(command, args, { cwd: root, env, encoding: "utf8", shell: isWindows });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/**
 * pnpm on PATH when it is the pinned version; otherwise npx fetches that version once and its bin
 * directory goes first on PATH, so the `pnpm …` inside package.json scripts finds the same one.
 */
function preparePnpm() {
  const env = { ...process.env, COREPACK_ENABLE_DOWNLOAD_PROMPT: "0" };
  if (probe("pnpm", ["--version"], env) === PNPM_VERSION) return env;
  log(`pnpm ${PNPM_VERSION} not on PATH: fetching it with npx`);
  const findBin =
    "const {existsSync}=require('fs');const {join,delimiter}=require('path');" +
    "const d=process.env.PATH.split(delimiter).find(p=>existsSync(join(p,'pnpm'))||existsSync(join(p,'pnpm.cmd')));" +
    "process.stdout.write(d||'')";
  const npx = isWindows ? "npx.cmd" : "npx";
  const binDir = probe(npx, ["-y", "--package", `pnpm@${PNPM_VERSION}`, "--", "node", "-e", findBin], env);
  if (!binDir) fail(`could not obtain pnpm ${PNPM_VERSION}; install it with: npm i -g pnpm@${PNPM_VERSION}`);
  const withPnpm = { ...env, PATH: `${binDir}${delimiter}${env.PATH ?? ""}` };
  const version = probe("pnpm", ["--version"], withPnpm);
  if (version !== PNPM_VERSION) fail(`expected pnpm ${PNPM_VERSION} from npx, got ${version ?? "nothing"}`);
  return withPnpm;
}

/** Runs a command to completion with inherited output; resolves to its exit code. */
function run(command, args, { env, cwd = root } = {}) {
  return new Promise((resolveRun) => {
    const child = spawn(command, args, { cwd, env, stdio: "inherit", shell: isWindows });
    child.on("error", (error) => {
      console.error(error);
      resolveRun(1);
    });
    child.on("exit", (code, signal) => resolveRun(code ?? (signal ? 1 : 0)));
  });
}

async function mustRun(command, args, options) {
  const code = await run(command, args, options);
  if (code !== 0) fail(`${command} ${args.join(" ")} exited with ${code}`);
}

function needsInstall() {
  const marker = join(root, "node_modules/.modules.yaml");
  if (!existsSync(marker)) return true;
  return statSync(join(root, "pnpm-lock.yaml")).mtimeMs > statSync(marker).mtimeMs;
}

async function prepare(env) {
  if (needsInstall()) {
    log("pnpm install --frozen-lockfile");
    await mustRun("pnpm", ["install", "--frozen-lockfile"], { env });
  }
  log("pnpm run generate (Prisma client)");
  await mustRun("pnpm", ["run", "generate"], { env });
}

// ---------------------------------------------------------------------------------------------

async function start(env) {
  log("building the web console");
  await mustRun("pnpm", ["--filter", "@mic/web", "build"], { env });

  const serverEnv = { ...env };
  if (!serverEnv.DATABASE_URL) serverEnv.DATA_DIR = resolve(process.env.DATA_DIR ?? join(root, ".data"));
  log(
    serverEnv.DATABASE_URL
      ? "starting the API on DATABASE_URL"
      : `starting the API on the embedded database in ${serverEnv.DATA_DIR}`,
  );
  log("building the API (apps/api/dist/main.js)");
  await mustRun("pnpm", ["--filter", "@mic/api", "build"], { env });
  // `node dist/main.js` in apps/api, as `pnpm --filter @mic/api start` runs it, minus pnpm's
  // wrapper (which reports a Ctrl+C as a failed run). Own process group: a Ctrl+C reaches the
  // server once, forwarded from here, and the server closes the database cleanly.
  const apiDir = join(root, "apps/api");
  const child = spawn(process.execPath, ["--enable-source-maps", "dist/main.js"], {
    cwd: apiDir,
    env: serverEnv,
    stdio: "inherit",
    detached: !isWindows,
  });
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => {
      if (stopping || child.exitCode !== null || !child.pid) return;
      stopping = true;
      try {
        process.kill(child.pid, signal);
      } catch {
        // already gone
      }
    });
  }
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

// ---------------------------------------------------------------------------------------------

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

/** The steps of `pnpm run check`, read from package.json so the two never disagree. */
function checkSteps() {
  const steps = String(pkg.scripts.check)
    .split("&&")
    .map((s) => s.trim());
  return steps.map((step) => {
    const m = /^pnpm run ([\w:-]+)$/.exec(step);
    if (!m) fail(`scripts.check should be \`pnpm run <script>\` steps joined by &&, found: ${step}`);
    return m[1];
  });
}

function indent(text) {
  const lines = stripVTControlCharacters(String(text ?? ""))
    .split("\n")
    .slice(0, 12);
  return lines.map((line) => `      ${line}`).join("\n");
}

function vitestFailures(report) {
  return (report?.testResults ?? []).flatMap((file) =>
    (file.assertionResults ?? [])
      .filter((t) => t.status === "failed")
      .map((t) => ({
        name: `${relative(process.cwd(), file.name)} › ${t.fullName}`,
        message: (t.failureMessages ?? []).join("\n"),
      })),
  );
}

function playwrightFailures(report) {
  const out = [];
  const walk = (suite, trail) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== "unexpected") continue;
        const last = test.results?.at(-1);
        out.push({ name: [...trail, spec.title].join(" › "), message: last?.error?.message });
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...trail, child.title]);
  };
  for (const suite of report?.suites ?? []) walk(suite, [suite.title]);
  return out;
}

async function test(env) {
  if (!env.CHROMIUM_PATH && !existsSync("/usr/bin/chromium")) {
    log("no /usr/bin/chromium: installing Playwright's Chromium");
    await mustRun("pnpm", ["exec", "playwright", "install", "chromium"], { env });
  }

  const reports = mkdtempSync(join(tmpdir(), "mic-test-"));
  const vitestJson = join(reports, "vitest.json");
  const playwrightJson = join(reports, "playwright.json");
  const totals = { passed: 0, failed: 0 };
  const results = [];
  // Named again in the summary: CI shows the tail of a long log, and a failure scrolled off it.
  const failures = [];

  for (const script of checkSteps()) {
    if (script === "generate") continue; // done in prepare()
    log(`pnpm run ${script}`);
    let code;
    if (script === "test:unit") {
      code = await run(
        "pnpm",
        ["run", script, "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`],
        { env },
      );
      const report = readJson(vitestJson);
      totals.passed += report?.numPassedTests ?? 0;
      totals.failed += report?.numFailedTests ?? 0;
      failures.push(...vitestFailures(report));
      // A crash before any test ran still counts as a failure in the totals.
      if (code !== 0 && !report?.numFailedTests) totals.failed += 1;
    } else if (script === "test:e2e") {
      code = await run("pnpm", ["run", script], { env: { ...env, E2E_JSON_REPORT: playwrightJson } });
      const stats = readJson(playwrightJson)?.stats;
      totals.passed += (stats?.expected ?? 0) + (stats?.flaky ?? 0);
      totals.failed += stats?.unexpected ?? 0;
      failures.push(...playwrightFailures(readJson(playwrightJson)));
      if (code !== 0 && !stats?.unexpected) totals.failed += 1;
    } else {
      code = await run("pnpm", ["run", script], { env });
    }
    results.push({ script, ok: code === 0 });
  }
  rmSync(reports, { recursive: true, force: true });

  console.log("\nSummary:");
  for (const r of results) console.log(`  ${r.ok ? "✔" : "✖"} ${r.script}`);
  for (const f of failures) console.log(`  ✖ ${f.name}\n${indent(f.message)}`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exit(results.every((r) => r.ok) && totals.failed === 0 ? 0 : 1);
}

// ---------------------------------------------------------------------------------------------

const command = process.argv[2];
if (command !== "start" && command !== "test") fail("usage: node scripts/bootstrap.mjs <start|test>");
const [major] = process.versions.node.split(".").map(Number);
if ((major ?? 0) < 20) fail(`Node 20 or newer is required (this is ${process.version})`);

const env = preparePnpm();
await prepare(env);
if (command === "start") await start(env);
else await test(env);
