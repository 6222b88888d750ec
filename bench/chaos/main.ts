// `pnpm chaos`: the fault-injection harness (issue 7, deliverable 2; docs/chaos.md).
// Starts the API itself against a fresh PostgreSQL database, drives 64+ concurrent clients through
// 10,000+ operations with Idempotency-Key retries while killing API processes, terminating their
// database connections and restarting PostgreSQL, and audits the database with SQL throughout and
// at the end. Last line: `operations=N faults=N retries=N errors_5xx=N violations=N`; the exit code
// is non-zero on any violation or any 500.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { applyMigrations, createPrisma, seedDemoData } from "@mic/db";
import { ApiProcess, freePort } from "./api-process";
import { Auditor } from "./audit";
import { addFixtures } from "./fixtures";
import { parseOptions, type FaultKind } from "./options";
import {
  adminQuery,
  databaseUrlOf,
  HARNESS_APP_NAME,
  openTarget,
  waitForServer,
  type Target,
} from "./postgres";
import { Registry } from "./registry";
import { Stats } from "./stats";
import { WebhookReceiver } from "./webhooks";
import { Client, planClients } from "./workload";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const wallStart = Date.now();
const options = parseOptions(process.argv.slice(2));
const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const commit = gitHead(repoRoot);
const runDir = mkdtempSync(join(tmpdir(), "mic-chaos-"));
const stats = new Stats();
const processes: ApiProcess[] = [];
let target: Target | undefined;
const out = (line: string) => console.log(line);
const note = (line: string) =>
  console.error(`[chaos ${((Date.now() - wallStart) / 1000).toFixed(0)}s] ${line}`);

function abort(signal: string) {
  note(`${signal}: stopping the API processes`);
  for (const p of processes) p.killNow();
  target?.release();
  process.exit(130);
}
process.once("SIGINT", () => abort("SIGINT"));
process.once("SIGTERM", () => abort("SIGTERM"));
process.once("SIGHUP", () => abort("SIGHUP"));

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error);
  for (const p of processes) p.killNow();
  process.exitCode = 2;
} finally {
  target?.release();
}
// Keep-alive sockets and timers must not hold the harness open.
process.exit(process.exitCode);

async function main(): Promise<number> {
  target = await openTarget(options.databaseUrl);
  const restartAllowed = target.restart !== undefined;
  const faults = [...options.faults].filter((k) => k !== "pg_restart" || restartAllowed);

  // ── a fresh database ─────────────────────────────────────────────────────────────────────
  const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const database = `mic_chaos_${stamp}_${process.pid}`;
  if (restartAllowed) {
    // The harness's own cluster: earlier runs' databases (kept after a failure) go now.
    const stale = await adminQuery<{ datname: string }>(
      target.adminUrl,
      `SELECT datname FROM pg_database WHERE datname LIKE 'mic\\_chaos\\_%'`,
    );
    for (const { datname } of stale)
      await adminQuery(target.adminUrl, `DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
  await adminQuery(target.adminUrl, `CREATE DATABASE "${database}"`);
  const url = databaseUrlOf(target.adminUrl, database);
  note(`database ${database} on ${target.description}; logs in ${runDir}`);
  await applyMigrations(url);
  const prisma = createPrisma(url, { max: 2 });
  await seedDemoData(prisma);
  await prisma.$disconnect();

  const tenants = 8;
  const providers = 4;
  const plannedAdmins = options.clients - Math.floor(options.clients / 4) - Math.floor(options.clients / 8);
  const fixtures = await addFixtures(url, {
    tenants,
    providers,
    adminsPerTenant: Math.max(1, Math.ceil(plannedAdmins / tenants)),
    staffPerProvider: Math.max(1, Math.ceil(options.clients / 4 / providers)),
    support: Math.max(1, Math.floor(options.clients / 8)),
  });

  // ── the webhook receiver and the providers' endpoints (issue 10) ─────────────────────────
  const receiver = new WebhookReceiver();
  await receiver.start();
  await receiver.register(url, fixtures);

  // ── the API processes ────────────────────────────────────────────────────────────────────
  const sessionSecret = randomBytes(32).toString("hex");
  const dataDir = join(runDir, "data");
  mkdirSync(dataDir, { recursive: true });
  for (let i = 0; i < options.processes; i++) {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      HOST: "127.0.0.1",
      SESSION_SECRET: sessionSecret,
      LOG_LEVEL: "warn",
      WEB_DIST: join(runDir, "no-web-dist"),
      DATA_DIR: dataDir,
      // The harness's webhook receiver listens on 127.0.0.1.
      WEBHOOK_ALLOW_PRIVATE_TARGETS: "true",
    };
    processes.push(
      new ApiProcess(i + 1, port, join(repoRoot, "apps/api"), env, join(runDir, `api-${i + 1}.log`)),
    );
  }
  await Promise.all(processes.map((p) => p.start()));
  note(`${processes.length} API process(es) on port(s) ${processes.map((p) => p.port).join(", ")}`);

  // ── clients, faults, audits ──────────────────────────────────────────────────────────────
  const registry = new Registry(randomBytes(4).toString("hex"), new Set(fixtures.tenants.map((t) => t.id)));
  const auditor = new Auditor(url, fixtures, registry, stats);
  let stopping = false;
  const ctx = {
    ports: processes.map((p) => p.port),
    stats,
    registry,
    fixtures,
    stopping: () => stopping,
  };
  const clients = planClients(options.clients, fixtures).map((spec) => new Client(spec, ctx));
  await Promise.all(clients.map((c) => c.signIn()));
  note(`${clients.length} clients signed in; traffic starts`);

  const trafficStart = Date.now();
  let timedOut = false;
  const injected = new Set<FaultKind>();
  const shouldStop = () => {
    if (Date.now() - trafficStart > options.maxSeconds * 1000) {
      timedOut = stats.operations < options.operations || faults.some((k) => !injected.has(k));
      return true;
    }
    return stats.operations >= options.operations && faults.every((k) => injected.has(k));
  };
  const watcher = setInterval(() => {
    if (!stopping && shouldStop()) stopping = true;
  }, 100);

  let faultsStop = false;
  let wake: () => void = () => {};
  const faultLoop = (async () => {
    let cycle: FaultKind[] = [];
    while (!faultsStop && faults.length > 0) {
      const interval = options.faultInterval * 1000 * (0.5 + Math.random());
      await Promise.race([sleep(interval), new Promise<void>((r) => (wake = r))]);
      if (faultsStop) break;
      if (cycle.length === 0) cycle = [...faults].sort(() => Math.random() - 0.5);
      const kind = cycle.shift()!;
      try {
        await inject(kind);
        injected.add(kind);
      } catch (error) {
        note(`fault ${kind} failed: ${String(error)}`);
        stats.faultFailures.set(kind, (stats.faultFailures.get(kind) ?? 0) + 1);
      }
    }
  })();

  let restarts = 0;
  async function inject(kind: FaultKind) {
    if (kind === "kill") {
      const running = processes.filter((p) => p.running);
      const victim = running[Math.floor(Math.random() * running.length)];
      if (!victim) return;
      await victim.kill9();
      stats.fault("kill");
      note(`kill -9 of API process ${victim.index}; restarting it`);
      await victim.start();
    } else if (kind === "terminate") {
      const [row] = await adminQuery<{ n: number }>(
        target!.adminUrl,
        `SELECT count(*)::int AS n FROM (
           SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE datname = $1 AND pid <> pg_backend_pid() AND application_name IS DISTINCT FROM $2) t`,
        [database, HARNESS_APP_NAME],
      );
      stats.fault("terminate");
      stats.terminatedBackends += row?.n ?? 0;
      note(`pg_terminate_backend of ${row?.n ?? 0} connection(s)`);
    } else {
      const mode = restarts++ % 2 === 0 ? "fast" : "immediate";
      note(`PostgreSQL restart (-m ${mode})`);
      const t0 = Date.now();
      await target!.restart!(mode);
      stats.fault("pg_restart");
      stats.restartModes[mode]++;
      note(`PostgreSQL back after ${Date.now() - t0} ms`);
    }
  }

  const auditLoop = (async () => {
    for (let next = Date.now() + 30_000; !stopping;) {
      await sleep(250);
      if (stopping || Date.now() < next) continue;
      next = Date.now() + 30_000;
      await auditor.run().catch((error: unknown) => note(`audit failed: ${String(error)}`));
    }
  })();
  const progress = setInterval(() => {
    note(
      `operations=${stats.operations} retries=${stats.retries} faults=${stats.faultCount} ` +
        `errors_5xx=${stats.serverErrors.length} violations=${stats.violations.size + unexpectedExits()}`,
    );
  }, 10_000);
  const unexpectedExits = () => processes.reduce((n, p) => n + p.unexpectedExits.length, 0);

  await Promise.all(clients.map((c) => c.run()));
  const trafficSeconds = (Date.now() - trafficStart) / 1000;
  clearInterval(watcher);
  faultsStop = true;
  wake();
  await faultLoop;
  await auditLoop;
  clearInterval(progress);
  note(`traffic done after ${trafficSeconds.toFixed(0)} s; final audit`);

  // ── the final audit, on a settled system ─────────────────────────────────────────────────
  for (const p of processes) if (!p.running) await p.start().catch(() => {});
  await waitForServer(url);
  let audited = false;
  for (let i = 0; i < 20 && !audited; i++) {
    audited = await auditor.run();
    if (!audited) await sleep(1000);
  }
  if (!audited) stats.violation("audit", "the final audit could not read the database");
  note("waiting for the webhook deliveries to settle");
  const webhooks = await auditor.deliveries(receiver.received, 180_000);
  if (receiver.badSignatures > 0)
    stats.violation("webhook", `${receiver.badSignatures} deliveries with a signature that does not verify`);
  await receiver.stop();
  await auditor.close();

  const health = await Promise.all(
    processes.map(async (p) => {
      try {
        const res = await fetch(`http://127.0.0.1:${p.port}/api/health`, {
          signal: AbortSignal.timeout(5000),
        });
        return res.status;
      } catch {
        return 0;
      }
    }),
  );
  const clean = await Promise.all(processes.map((p) => p.stop()));

  // ── the report ───────────────────────────────────────────────────────────────────────────
  for (const p of processes)
    for (const e of p.unexpectedExits)
      stats.violation(
        e.served ? "unexpected_exit" : "failed_start",
        `API process ${e.process} ${e.served ? "exited" : "died while starting"} (code ${e.code}, signal ${e.signal}${e.code === 0 ? ": its own clean shutdown, so a SIGTERM or SIGINT from outside the harness" : ""}) at ${new Date(e.at).toISOString()}; log ${p.logPath}:\n${indent(e.logTail)}`,
      );
  const logErrors = processes.flatMap((p) => logErrorsOf(p));
  const violationsBy = stats.violationsBy();
  const violations = stats.violations.size;
  const errors5xx = stats.serverErrors.length;

  out(`commit=${commit}`);
  out(`database=${database}`);
  out(`postgres=${target.description.replace(/\s+/g, "_")}`);
  out(`processes=${options.processes}`);
  out(`clients=${clients.length}`);
  out(`logs=${runDir}`);
  if (!restartAllowed) out(`pg_restart=skipped reason=${target.skipped}`);
  out(`faults_enabled=${faults.join(",") || "none"}`);
  for (const kind of faults) out(`fault_${kind}=${stats.faults.get(kind) ?? 0}`);
  if (faults.includes("pg_restart"))
    out(`pg_restart_modes=fast:${stats.restartModes.fast},immediate:${stats.restartModes.immediate}`);
  for (const [kind, n] of stats.faultFailures) out(`fault_${kind}_failed=${n}`);
  out(`terminated_backends=${stats.terminatedBackends}`);
  out(`api_starts=${processes.reduce((n, p) => n + p.starts, 0)}`);
  const starts = processes.flatMap((p) => p.startMs).sort((a, b) => a - b);
  out(`api_start_ms_median=${starts[Math.floor(starts.length / 2)] ?? 0}`);
  for (const [kind, c] of [...stats.ops.entries()].sort()) {
    out(
      `op_${kind}=${c.total} ok=${c.ok} conflict=${c.conflict} other=${c.other} gave_up=${c.gaveUp} retries=${c.retries}`,
    );
  }
  out(`retries_network=${stats.retriesBy.network}`);
  out(`retries_503=${stats.retriesBy.status_503}`);
  out(`retries_429=${stats.retriesBy.status_429}`);
  out(`requests_created=${registry.requests.size}`);
  out(`audits=${stats.auditsRun} audits_skipped=${stats.auditsSkipped}`);
  out(
    `webhook_events=${webhooks.events} webhook_delivered=${webhooks.delivered} webhook_requests=${receiver.requests} webhook_bad_signatures=${receiver.badSignatures}`,
  );
  const exits = processes.flatMap((p) => p.unexpectedExits);
  out(`unexpected_exits=${exits.filter((e) => e.served).length}`);
  out(`failed_starts=${exits.filter((e) => !e.served).length}`);
  out(`health_at_end=${health.join(",")}`);
  out(`sigterm_clean_exits=${clean.filter(Boolean).length}/${clean.length}`);
  out(`api_log_errors=${logErrors.length}`);
  out(`target_reached=${!timedOut}`);
  out(`traffic_s=${trafficSeconds.toFixed(1)}`);
  out(`ops_per_s=${(stats.operations / trafficSeconds).toFixed(1)}`);
  out(`wall_s=${((Date.now() - wallStart) / 1000).toFixed(1)}`);
  for (const [category, n] of [...violationsBy.entries()].sort()) out(`violations_${category}=${n}`);

  const shown = [...stats.violations.values()].slice(0, 40);
  for (const v of shown) out(`# violation ${v.category}: ${v.detail}`);
  if (stats.violations.size > shown.length)
    out(`# … and ${stats.violations.size - shown.length} more violations`);
  for (const e of stats.serverErrors.slice(0, 40)) {
    const p = processes.find((x) => x.port === e.port);
    const near = p ? logErrorsOf(p).find((l) => Math.abs(l.time - e.at) < 5000) : undefined;
    out(
      `# error_5xx op=${e.op} route="${e.route}" status=${e.status} process=${p?.index ?? "?"} at=${new Date(e.at).toISOString()} body=${e.message}` +
        (near ? `\n#   api log: ${near.text}` : ""),
    );
  }
  if (stats.serverErrors.length > 40) out(`# … and ${stats.serverErrors.length - 40} more 5xx answers`);
  const distinct = new Map<string, number>();
  for (const l of logErrors) distinct.set(l.text, (distinct.get(l.text) ?? 0) + 1);
  for (const [text, n] of [...distinct.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15))
    out(`# api_log_error ×${n}: ${text}`);

  const failed = violations > 0 || errors5xx > 0 || timedOut;
  if (!failed && !options.keepDatabase) {
    await adminQuery(target.adminUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => {});
  } else out(`database_kept=${database}`);
  out(
    `operations=${stats.operations} faults=${stats.faultCount} retries=${stats.retries} errors_5xx=${errors5xx} violations=${violations}`,
  );
  return failed ? 1 : 0;
}

function gitHead(root: string): string {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], {
      cwd: root,
      encoding: "utf8",
    }).trim();
    // The API runs from the working tree: say when its code differs from the commit.
    const dirty = execFileSync("git", ["status", "--porcelain", "--", "apps/api", "packages", "prisma"], {
      cwd: root,
      encoding: "utf8",
    }).trim();
    return dirty ? `${head}+uncommitted` : head;
  } catch {
    return "unknown";
  }
}

function indent(text: string) {
  return text
    .split("\n")
    .map((l) => `#     ${l}`)
    .join("\n");
}

/** The error-level lines of a process's log (pino JSON, level ≥ 50), with their time. */
function logErrorsOf(p: ApiProcess): { time: number; text: string }[] {
  let text: string;
  try {
    text = readFileSync(p.logPath, "utf8");
  } catch {
    return [];
  }
  const found: { time: number; text: string }[] = [];
  for (const line of text.split("\n")) {
    if (!line.startsWith("{")) {
      if (/Unhandled|Error:|error/i.test(line) && !line.startsWith("--- chaos"))
        found.push({ time: 0, text: line.slice(0, 300) });
      continue;
    }
    try {
      const entry = JSON.parse(line) as {
        level?: number;
        time?: number;
        msg?: string;
        err?: { type?: string; message?: string; code?: string };
        req?: { method?: string; url?: string };
      };
      if ((entry.level ?? 0) < 50) continue;
      const err = entry.err
        ? ` ${entry.err.type ?? ""} ${entry.err.code ?? ""} ${(entry.err.message ?? "").split("\n").slice(-1)[0]}`
        : "";
      found.push({ time: entry.time ?? 0, text: `${entry.msg ?? ""}${err}`.slice(0, 400) });
    } catch {
      found.push({ time: 0, text: line.slice(0, 300) });
    }
  }
  return found;
}
