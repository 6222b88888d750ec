// `pnpm bench`: the figures of issue 8, measured side by side in one run, printed as key=value lines
// (stdout; progress and diagnostics go to stderr) and a final `summary` line.
//
//   pnpm bench [--seconds 10] [--rounds 2] [--clients 64] [--pool 10] [--database mic_bench]
//              [--scale 0.05] [--no-web-build] [--no-cold-start] [--no-explain] [--profile]
//              [--max-minutes 20]
//
// DATABASE_URL names the PostgreSQL server (default postgresql://postgres@127.0.0.1:5432/postgres);
// the bench creates its own databases there (pgbench's, the applications', and a small list set
// when `--database` was not made by `pnpm bench:data`) and drops exactly those at the end.
//
// 1. Web: `pnpm --filter @mic/web build`, then scripts/check-bundle-budget.mjs (or the same sums
//    from apps/web/dist when the script is absent).
// 2. Applications vs pgbench, alternating `--rounds` times: `pgbench -b tpcb-like -c 64 -j 2 -T s`
//    on its own `-s 1` database, then `clients` keep-alive connections POSTing applications (0.01,
//    one tenant, one provider: one hot balance row, like pgbench's branch row) to the API built in
//    this process with buildApp. Then Balance = Σ requests by state for every pair (violations).
// 3. Lists and amounts on the large data set: the list route at deep cursors of the large tenant
//    (sequential latency, and throughput at `clients` connections) against /bench/raw-records, a
//    raw-pg implementation of the same query and JSON registered on the same Fastify instance,
//    authenticated the same way (the session cookie looked up with the same SQL); likewise
//    /api/invoiceable-amounts against /bench/raw-amounts for a tenant with 50 providers.
// 4. cold_start_s / restart_s: the API's own `start` command on a fresh embedded database
//    (DATA_DIR a new temp dir, DATABASE_URL unset) until /api/health answers 200, then again.
import { spawn } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { Session as InspectorSession } from "node:inspector/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { buildApp, type App } from "@mic/api/app";
import { applyMigrations, createPrisma, DEMO_PASSWORD, seedDemoData } from "@mic/db";
import pg from "pg";
import { generateData, readShape, type DataShape } from "./data-gen";
import {
  closedLoop,
  countQueries,
  createFresh,
  databaseExists,
  databaseUrl,
  DEFAULT_SERVER,
  dropCreated,
  formatFen,
  HttpClient,
  kv,
  loadAverage,
  login,
  machine,
  note,
  numberArg,
  parseArgs,
  pgClient,
  pgPool,
  pct,
  round,
  sequentialLatencies,
  sortNumbers,
  stringArg,
  timed,
  type LoadResult,
} from "./lib";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = parseArgs(process.argv.slice(2));
const server = process.env.DATABASE_URL || DEFAULT_SERVER;
const SECONDS = numberArg(args, "seconds", 10);
const ROUNDS = Math.max(1, Math.round(numberArg(args, "rounds", 2)));
const CLIENTS = Math.max(1, Math.round(numberArg(args, "clients", 64)));
const POOL = Math.max(1, Math.round(numberArg(args, "pool", 10)));
const LIST_DB = stringArg(args, "database", "mic_bench");
const FALLBACK_SCALE = numberArg(args, "scale", 0.05);
const PROFILE = args.get("profile") === true;
const SESSION_SECRET = "bench";
const TAG = `${process.pid}`;
const results = new Map<string, string | number>();
const put = (key: string, value: string | number) => {
  results.set(key, typeof value === "number" ? round(value) : value);
  kv(key, value);
};
/** JSON with object keys sorted, to compare answers whatever order jsonb or a serializer gives keys. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === "object" && !Array.isArray(x)
      ? Object.fromEntries(
          Object.entries(x as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : x,
  );
const queries = countQueries();
let coldChild: ReturnType<typeof spawn> | undefined;

// ---------------------------------------------------------------------------------------------
// Bounded in time, and cleans up after itself whatever happens.

async function cleanup() {
  if (coldChild?.pid && coldChild.exitCode === null) {
    try {
      process.kill(-coldChild.pid, "SIGKILL");
    } catch {
      // gone
    }
  }
  await dropCreated(server).catch((e: Error) => note(`cleanup: ${e.message}`));
}
const deadline = setTimeout(
  () => {
    note(`✖ the bench ran past --max-minutes; stopping`);
    void cleanup().finally(() => process.exit(2));
  },
  numberArg(args, "max-minutes", 20) * 60_000,
);
deadline.unref();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    note(`${signal}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------
// Small helpers

function run(command: string, argv: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(command, argv, { cwd: options.cwd ?? root, env: options.env ?? process.env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ms = (x: number) => Number(x.toFixed(x >= 100 ? 0 : 1));
const address = (app: App) => {
  const a = app.server.address();
  return `http://127.0.0.1:${typeof a === "object" && a ? a.port : 0}`;
};

/** Cumulative counters of one database: transactions and, per table, scans and written rows. */
async function dbStats(url: string) {
  const c = pgClient(url);
  await c.connect();
  try {
    await c.query(`SELECT pg_stat_clear_snapshot()`);
    const x = await c.query<{ xact: string }>(
      `SELECT (xact_commit + xact_rollback)::text AS xact FROM pg_stat_database WHERE datname = current_database()`,
    );
    const t = await c.query<{ name: string; scans: string; writes: string }>(
      `SELECT relname AS name, (coalesce(seq_scan, 0) + coalesce(idx_scan, 0))::text AS scans,
              (n_tup_ins + n_tup_upd + n_tup_del)::text AS writes FROM pg_stat_user_tables`,
    );
    return {
      xact: Number(x.rows[0]?.xact ?? 0),
      tables: new Map(t.rows.map((r) => [r.name, { scans: Number(r.scans), writes: Number(r.writes) }])),
    };
  } finally {
    await c.end();
  }
}
type Stats = Awaited<ReturnType<typeof dbStats>>;

/** Per request: transactions (from pg_stat_database) and table scans/writes (pg_stat_user_tables). */
function perRequest(before: Stats, after: Stats, n: number) {
  // Each dbStats call is one transaction of its own; backends flush their counters within ~1 s.
  const xact = (after.xact - before.xact - 1) / n;
  const tables: string[] = [];
  for (const [name, a] of after.tables) {
    const b = before.tables.get(name) ?? { scans: 0, writes: 0 };
    const scans = (a.scans - b.scans) / n;
    const writes = (a.writes - b.writes) / n;
    if (scans >= 0.05 || writes >= 0.05)
      tables.push(
        `${name}:${scans.toFixed(1)}s/${writes.toFixed(1)}w`.replace(".0s", "s").replace(".0w", "w"),
      );
  }
  return { xact, tables: tables.sort().join(",") };
}

/**
 * Sequential requests with the statement count (client side) and the database's own counters. A
 * PostgreSQL 15 backend that flushed its counters less than 1 s ago flushes again only after 10 s
 * idle (PGSTAT_IDLE_INTERVAL), so the snapshots wait 11 s (`--no-db-counters` skips them).
 */
const DB_COUNTERS = args.get("db-counters") !== false;
async function counted(url: string, n: number, fn: (i: number) => Promise<string | null>) {
  if (DB_COUNTERS) await sleep(11_000);
  const before = DB_COUNTERS ? await dbStats(url) : undefined;
  const q0 = queries.read();
  const r = await sequentialLatencies(n, fn);
  const statements = (queries.read() - q0) / n;
  if (!before) return { ...r, statements, xact: NaN, tables: "n/a" };
  await sleep(11_000);
  const after = await dbStats(url);
  return { ...r, statements, ...perRequest(before, after, n) };
}

async function profiled<T>(label: string, fn: () => Promise<T>): Promise<T> {
  if (!PROFILE) return fn();
  const session = new InspectorSession();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 200 });
  await session.post("Profiler.start");
  try {
    return await fn();
  } finally {
    const { profile } = await session.post("Profiler.stop");
    session.disconnect();
    const file = join(tmpdir(), `mic-bench-${label}-${TAG}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    summariseProfile(label, profile, file);
  }
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Top self-time functions of a V8 CPU profile (what `node --cpu-prof` writes), to stderr. */
function summariseProfile(label: string, profile: CpuProfile, file: string) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let total = 0;
  samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const dt = deltas[i] ?? 0;
    total += dt;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url
      ? `${url.replace(/^.*node_modules\/(\.pnpm\/)?/, "").replace(/^file:\/\/.*\/main\//, "")}:${lineNumber + 1}`
      : "";
    const key = `${functionName || "(anonymous)"} ${where}`.trim();
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15);
  note(`# CPU profile ${label} (${(total / 1e6).toFixed(1)} s sampled, ${file}): top self time`);
  for (const [name, t] of top)
    note(`#   ${((t / total) * 100).toFixed(1).padStart(5)}%  ${name.slice(0, 140)}`);
  const idle = [...self.entries()].filter(([k]) => k.startsWith("(idle)")).reduce((s, [, v]) => s + v, 0);
  put(`${label}_cpu_busy_pct`, Math.round(100 - (idle / Math.max(1, total)) * 100));
}

function report(prefix: string, r: LoadResult) {
  put(`${prefix}_rps`, r.count / r.seconds);
  put(`${prefix}_p50_ms`, ms(pct(r.latencies, 50)));
  put(`${prefix}_p99_ms`, ms(pct(r.latencies, 99)));
  if (r.failures) {
    put(`${prefix}_failures`, r.failures);
    note(`  ${prefix}: first failure: ${r.firstFailure}`);
  }
}

function mergeLoads(rs: LoadResult[]): LoadResult {
  const all: number[] = [];
  for (const r of rs) all.push(...r.latencies);
  return {
    count: rs.reduce((s, r) => s + r.count, 0),
    failures: rs.reduce((s, r) => s + r.failures, 0),
    seconds: rs.reduce((s, r) => s + r.seconds, 0),
    latencies: sortNumbers(all),
    ...(rs.find((r) => r.firstFailure)?.firstFailure
      ? { firstFailure: rs.find((r) => r.firstFailure)!.firstFailure! }
      : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// 0. The machine

const m = await machine(server);
put("machine_nproc", m.nproc);
put("machine_mem_gb", m.memGb);
put("machine_cpu", m.cpu.replaceAll(" ", "_"));
put("postgres", m.pgVersion.replaceAll(" ", "_"));
put("load_avg_start", loadAverage());
put("clients", CLIENTS);
put("api_pool", POOL);
put("seconds", SECONDS);
put("rounds", ROUNDS);

let failed = false;
async function phase(name: string, fn: () => Promise<void>) {
  note(`\n▶ ${name}`);
  try {
    await fn();
  } catch (error) {
    failed = true;
    note(`✖ ${name} failed: ${(error as Error).stack ?? String(error)}`);
    put(`${name}_error`, JSON.stringify((error as Error).message).slice(0, 200));
  }
}

// ---------------------------------------------------------------------------------------------
// 1. The console's JavaScript

await phase("web", async () => {
  const dist = join(root, "apps/web/dist");
  if (args.get("web-build") !== false) {
    const [r, s] = await timed(() => run("pnpm", ["--filter", "@mic/web", "build"]));
    if (r.code !== 0) throw new Error(`web build failed: ${r.stderr.slice(-2000) || r.stdout.slice(-2000)}`);
    put("web_build_s", s);
  }
  const script = join(root, "scripts/check-bundle-budget.mjs");
  if (existsSync(script)) {
    const r = await run(process.execPath, [script, dist]);
    for (const line of r.stdout.split("\n")) {
      const match = /^(initial_js_gzip_kb|largest_route_chunk_gzip_kb|[\w]+_kb)=([\d.]+)\s*$/.exec(
        line.trim(),
      );
      if (match) put(match[1]!, Number(match[2]));
    }
    put("web_budget", r.code === 0 ? "ok" : "over");
    if (r.code !== 0) note(r.stderr.trim());
    put("web_figures_from", "check-bundle-budget.mjs");
  } else {
    // The same idea without the manifest: what index.html loads (scripts and modulepreloads), gzip -9.
    const html = readFileSync(join(dist, "index.html"), "utf8");
    const initial = new Set([...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((x) => x[1]!));
    const gz = (f: string) => gzipSync(readFileSync(join(dist, f)), { level: 9 }).length / 1000;
    const all = readdirSync(join(dist, "assets"))
      .filter((f) => f.endsWith(".js"))
      .map((f) => `assets/${f}`);
    put(
      "initial_js_gzip_kb",
      [...initial].reduce((s, f) => s + gz(f), 0),
    );
    put("largest_route_chunk_gzip_kb", Math.max(0, ...all.filter((f) => !initial.has(f)).map(gz)));
    put("web_figures_from", "apps/web/dist");
  }
});

// ---------------------------------------------------------------------------------------------
// 2. Applications through the API vs pgbench tpcb-like, alternating

await phase("apply", async () => {
  const pgbenchUrl = await createFresh(server, `mic_bench_pgbench_${TAG}`);
  const init = await run("/usr/bin/pgbench", ["-i", "-s", "1", "-q", pgbenchUrl]);
  if (init.code !== 0) throw new Error(`pgbench -i: ${init.stderr}`);

  const url = await createFresh(server, `mic_bench_apply_${TAG}`);
  await applyMigrations(url);
  const prisma = createPrisma(url, { max: POOL });
  await seedDemoData(prisma);
  const sql = pgClient(url);
  await sql.connect();
  const one = async (text: string, params: unknown[] = []) =>
    (await sql.query<Record<string, string>>(text, params)).rows[0] ?? {};
  const acme = (await one(`SELECT id FROM "Tenant" WHERE name LIKE 'Acme%'`)).id!;
  const cloudsoft = (await one(`SELECT id FROM "Provider" WHERE name LIKE 'CloudSoft%'`)).id!;
  const title = (
    await one(`SELECT id FROM "InvoiceTitle" WHERE "tenantId" = $1 ORDER BY "isDefault" DESC`, [acme])
  ).id!;
  const mail = (
    await one(`SELECT id FROM "MailingAddress" WHERE "tenantId" = $1 ORDER BY "isDefault" DESC`, [acme])
  ).id!;
  // Room for every application of the run: a large consumption, in the ledger and the balance alike.
  await sql.query(
    `INSERT INTO "LedgerEntry" (id, "tenantId", "providerId", kind, "amountFen", reference)
     VALUES (gen_random_uuid(), $1, $2, 'CONSUMPTION', 100000000000, 'BENCH-ROOM')`,
    [acme, cloudsoft],
  );
  const topped = await sql.query(
    `UPDATE "Balance" SET "consumedFen" = "consumedFen" + 100000000000 WHERE "tenantId" = $1 AND "providerId" = $2`,
    [acme, cloudsoft],
  );
  if (topped.rowCount !== 1) throw new Error("the demo data has no Acme × CloudSoft balance");

  const app = await buildApp({
    prisma,
    sessionSecret: SESSION_SECRET,
    logLevel: "silent",
    mutationsPerMinute: 0,
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const client = new HttpClient(address(app), CLIENTS);
  const cookie = await login(client, "admin@acme.test", DEMO_PASSWORD);
  const body = JSON.stringify({
    providerId: cloudsoft,
    amount: "0.01",
    invoiceType: "PAPER_VAT_GENERAL",
    titleId: title,
    addressId: mail,
  });
  // As the console sends it: a fresh Idempotency-Key per application.
  const apply = async () => {
    const res = await client.request(
      "POST",
      "/api/invoice-requests",
      { cookie, "content-type": "application/json", "idempotency-key": randomUUID() },
      body,
    );
    return res.status === 201 ? null : `${res.status} ${res.body.slice(0, 200)}`;
  };

  try {
    await closedLoop(CLIENTS, Math.min(2, SECONDS), apply); // warm-up (JIT, pools, plans)
    const counts = await counted(url, 50, apply);
    put("apply_statements_per_req", counts.statements);
    put("apply_xacts_per_req", counts.xact);
    put("apply_tables_per_req", counts.tables);
    put("apply_seq_p50_ms", ms(pct(counts.latencies, 50)));

    const pgbenchTps: number[] = [];
    const loads: LoadResult[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const pb = await run("/usr/bin/pgbench", [
        "-b",
        "tpcb-like",
        "-c",
        String(CLIENTS),
        "-j",
        "2",
        "-T",
        String(SECONDS),
        pgbenchUrl,
      ]);
      const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(pb.stdout)?.[1];
      if (!tps) throw new Error(`pgbench: ${pb.stderr || pb.stdout}`);
      pgbenchTps.push(Number(tps));
      const lat = /latency average = ([\d.]+) ms/.exec(pb.stdout)?.[1];
      note(`  round ${round}: pgbench ${tps} tps (latency average ${lat} ms)`);
      const load = await profiled(round === 1 ? "apply" : `apply_r${round}`, () =>
        closedLoop(CLIENTS, SECONDS, apply),
      );
      note(
        `  round ${round}: API ${(load.count / load.seconds).toFixed(0)} applications/s, failures ${load.failures}`,
      );
      loads.push(load);
    }
    const all = mergeLoads(loads);
    const applyTps = (all.count - all.failures) / all.seconds;
    const pgbench = pgbenchTps.reduce((s, x) => s + x, 0) / pgbenchTps.length;
    put("apply_tps", applyTps);
    put("pgbench_tps", pgbench);
    put("apply_vs_pgbench", Number((applyTps / pgbench).toFixed(3)));
    put("apply_p50_ms", ms(pct(all.latencies, 50)));
    put("apply_p99_ms", ms(pct(all.latencies, 99)));
    put("apply_failures", all.failures);
    if (all.firstFailure) note(`  first failure: ${all.firstFailure}`);

    const v = await one(`
      SELECT count(*)::text AS n FROM "Balance" b
        LEFT JOIN (SELECT "tenantId", "providerId",
                          coalesce(sum("amountFen") FILTER (WHERE status = 'PENDING'), 0) AS pending,
                          coalesce(sum("amountFen") FILTER (WHERE status = 'PROCESSING'), 0) AS processing,
                          coalesce(sum("amountFen") FILTER (WHERE status = 'MAILING'), 0) AS mailing,
                          coalesce(sum("amountFen") FILTER (WHERE status = 'ISSUED'), 0) AS issued
                     FROM "InvoiceRequest" GROUP BY 1, 2) r USING ("tenantId", "providerId")
       WHERE b."pendingFen" <> coalesce(r.pending, 0) OR b."processingFen" <> coalesce(r.processing, 0)
          OR b."mailingFen" <> coalesce(r.mailing, 0) OR b."issuedFen" <> coalesce(r.issued, 0)`);
    put("violations", Number(v.n));
    const audit = await one(
      `SELECT (SELECT count(*) FROM "InvoiceRequest" WHERE "tenantId" = $1 AND "providerId" = $2 AND status = 'PENDING')::text AS requests,
              (SELECT count(*) FROM "AuditEvent" WHERE "entityType" = 'InvoiceRequest' AND action = 'APPLY')::text AS audits`,
      [acme, cloudsoft],
    );
    note(`  pending requests ${audit.requests}, APPLY audit events ${audit.audits}`);
  } finally {
    client.close();
    await app.close();
    await prisma.$disconnect();
    await sql.end();
    await dropCreated(server);
  }
});

// ---------------------------------------------------------------------------------------------
// 3. Lists and amounts on the large data set

interface RawRow {
  id: string;
  number: string;
  email: string | null;
  issuedOn: string | null;
  issuedAt: Date | null;
  rejectReason: string | null;
  rejectedAt: Date | null;
  files: unknown[];
  returnRequest: unknown;
  tenantId: string;
  tenantName: string;
  providerId: string;
  providerName: string;
  contactPhone: string;
  contactEmail: string;
  amountFen: string;
  invoiceType: string;
  status: string;
  titleSnapshot: unknown;
  addressSnapshot: unknown;
  shippingPayer: string;
  dueDate: string;
  invoiceNumber: string | null;
  courier: string | null;
  trackingNumber: string | null;
  createdAt: Date;
  updatedAt: Date;
  processingAt: Date | null;
  mailingAt: Date | null;
  voidedAt: Date | null;
  cancelledAt: Date | null;
}

const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const LIST_COLUMNS = `r.id, r.number, r."tenantId", t.name AS "tenantName", r."providerId", p.name AS "providerName",
  p."contactPhone", p."contactEmail", r."amountFen"::text AS "amountFen", r."invoiceType", r.status,
  r."titleSnapshot", r."addressSnapshot", r.email, r."shippingPayer", r."dueDate"::text AS "dueDate", r."invoiceNumber",
  r.courier, r."trackingNumber", r."issuedOn"::text AS "issuedOn", r."rejectReason", r."createdAt", r."updatedAt",
  r."processingAt", r."mailingAt", r."issuedAt", r."voidedAt", r."cancelledAt", r."rejectedAt",
  coalesce((SELECT json_agg(json_build_object('id', f.id, 'name', f.name, 'contentType', f."contentType",
                   'size', f.size, 'sha256', f.sha256, 'createdAt', ${ISO('f."createdAt"')}) ORDER BY f."createdAt", f.id)
              FROM "InvoiceFile" f WHERE f."requestId" = r.id), '[]'::json) AS files,
  (SELECT json_build_object('id', x.id, 'status', x.status, 'reason', x.reason, 'decisionReason', x."decisionReason",
          'redLetterNumber', x."redLetterNumber", 'expiresAt', ${ISO('x."expiresAt"')},
          'createdAt', ${ISO('x."createdAt"')}, 'decidedAt', ${ISO('x."decidedAt"')})
     FROM (SELECT * FROM "ReturnRequest" rr WHERE rr."requestId" = r.id
            ORDER BY rr."createdAt" DESC, rr.id DESC LIMIT 1) x) AS "returnRequest"`;
/** The bench data's one courier, by its code as older rows store it (the API reads names and codes). */
const COURIER_NAMES: Record<string, string> = { SF: "顺丰速运", 顺丰速运: "顺丰速运" };
const LIST_FROM = `FROM "InvoiceRequest" r JOIN "Provider" p ON p.id = r."providerId" JOIN "Tenant" t ON t.id = r."tenantId"`;
/** The keyset page as one would write it by hand: a row comparison the index bounds. */
const LIST_SQL = (withCursor: boolean) =>
  `SELECT ${LIST_COLUMNS} ${LIST_FROM} WHERE r."tenantId" = $1
   ${withCursor ? `AND (r."createdAt", r.id) < ($3::timestamptz, $4::uuid)` : ""}
   ORDER BY r."createdAt" DESC, r.id DESC LIMIT $2`;
const SESSION_SQL = `SELECT u.id, u.email, u.name, u.role::text AS role, u."tenantId", u."providerId",
       t.name AS "tenantName", p.name AS "providerName", s."expiresAt"
  FROM "Session" s JOIN "User" u ON u.id = s."userId"
  LEFT JOIN "Tenant" t ON t.id = u."tenantId" LEFT JOIN "Provider" p ON p.id = u."providerId"
 WHERE s.id = $1 AND s."expiresAt" > now()`;
const encodeCursor = (createdAt: Date, id: string) =>
  Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString("base64url");
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const chinaToday = (now: Date) => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** The bench-only raw routes, on the same app instance as the API, behind the same session cookie. */
function registerRawRoutes(app: App, raw: pg.Pool) {
  const sessionUser = async (cookieHeader: string | undefined) => {
    const token = /(?:^|;\s*)mic_session=([^;]*)/.exec(cookieHeader ?? "")?.[1];
    if (!token || token.length > 100) return undefined;
    const id = createHmac("sha256", SESSION_SECRET).update(token).digest("hex");
    const r = await raw.query<{ role: string; tenantId: string | null }>(SESSION_SQL, [id]);
    return r.rows[0];
  };
  app.get("/bench/raw-records", { schema: { hide: true } }, async (request, reply) => {
    const user = await sessionUser(request.headers.cookie);
    if (!user?.tenantId) return reply.status(401).send({ error: "auth.required" });
    const q = request.query as { limit?: string; cursor?: string };
    const limit = Math.min(100, Number(q.limit ?? 20) || 20);
    let rows: RawRow[];
    if (q.cursor) {
      const [at, id] = JSON.parse(Buffer.from(q.cursor, "base64url").toString("utf8")) as [string, string];
      rows = (await raw.query<RawRow>(LIST_SQL(true), [user.tenantId, limit + 1, at, id])).rows;
    } else {
      rows = (await raw.query<RawRow>(LIST_SQL(false), [user.tenantId, limit + 1])).rows;
    }
    const more = rows.length > limit;
    const kept = more ? rows.slice(0, limit) : rows;
    const now = new Date();
    const today = chinaToday(now);
    const items = kept.map((r) => ({
      id: r.id,
      number: r.number,
      tenantId: r.tenantId,
      tenantName: r.tenantName,
      providerId: r.providerId,
      providerName: r.providerName,
      providerContact: { phone: r.contactPhone, email: r.contactEmail },
      amount: formatFen(r.amountFen),
      invoiceType: r.invoiceType,
      status: r.status,
      title: r.titleSnapshot,
      address: r.addressSnapshot,
      email: r.email,
      shippingPayer: r.shippingPayer,
      dueDate: r.dueDate,
      overdue: (r.status === "PENDING" || r.status === "PROCESSING") && today > r.dueDate,
      invoiceNumber: r.invoiceNumber,
      courier: r.courier === null ? null : (COURIER_NAMES[r.courier] ?? r.courier),
      courierCode: r.courier !== null && COURIER_NAMES[r.courier] ? "SF" : null,
      trackingNumber: r.trackingNumber,
      issuedOn: r.issuedOn,
      files: r.files,
      rejectReason: r.rejectReason,
      returnRequest: r.returnRequest,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      processingAt: iso(r.processingAt),
      mailingAt: iso(r.mailingAt),
      issuedAt: iso(r.issuedAt),
      voidedAt: iso(r.voidedAt),
      cancelledAt: iso(r.cancelledAt),
      rejectedAt: iso(r.rejectedAt),
    }));
    const last = kept[kept.length - 1];
    const nextCursor = more && last ? encodeCursor(last.createdAt, last.id) : null;
    return reply.type("application/json; charset=utf-8").send(JSON.stringify({ items, nextCursor }));
  });
  app.get("/bench/raw-amounts", { schema: { hide: true } }, async (request, reply) => {
    const user = await sessionUser(request.headers.cookie);
    if (!user?.tenantId) return reply.status(401).send({ error: "auth.required" });
    const r = await raw.query<Record<string, string> & { invoiceTypes: string[] }>(
      `SELECT b."providerId", p.name AS "providerName", p."contactPhone", p."contactEmail", p."invoiceTypes"::text[] AS "invoiceTypes",
              b."consumedFen"::text AS consumed, b."refundedFen"::text AS refunded, b."pendingFen"::text AS pending,
              b."processingFen"::text AS processing, b."mailingFen"::text AS mailing, b."issuedFen"::text AS issued,
              b."withdrawnFen"::text AS withdrawn
         FROM "Balance" b JOIN "Provider" p ON p.id = b."providerId" WHERE b."tenantId" = $1 ORDER BY p.name`,
      [user.tenantId],
    );
    const items = r.rows.map((b) => {
      const consumed = BigInt(b.consumed!);
      const refunded = BigInt(b.refunded!);
      const invoiced = BigInt(b.pending!) + BigInt(b.processing!) + BigInt(b.mailing!) + BigInt(b.issued!);
      const room = consumed - refunded - invoiced;
      return {
        providerId: b.providerId,
        providerName: b.providerName,
        consumed: formatFen(consumed),
        refunded: formatFen(refunded),
        pending: formatFen(b.pending!),
        processing: formatFen(b.processing!),
        mailing: formatFen(b.mailing!),
        issued: formatFen(b.issued!),
        invoiced: formatFen(invoiced),
        invoiceable: formatFen(room > 0n ? room : 0n),
        overInvoiced: formatFen(room < 0n ? -room : 0n),
        withdrawn: formatFen(b.withdrawn!),
        withdrawable: formatFen(refunded - BigInt(b.withdrawn!)),
        invoiceTypes: b.invoiceTypes,
        contactPhone: b.contactPhone,
        contactEmail: b.contactEmail,
      };
    });
    return reply.type("application/json; charset=utf-8").send(JSON.stringify({ items, nextCursor: null }));
  });
}

await phase("list", async () => {
  let shape: DataShape | undefined;
  let url = databaseUrl(server, LIST_DB);
  if (await databaseExists(server, LIST_DB)) shape = await readShape(url);
  if (!shape) {
    const name = `mic_bench_small_${TAG}`;
    note(
      `  no bench:data database ${LIST_DB}: generating a small set (--scale ${FALLBACK_SCALE}) into ${name}`,
    );
    shape = await generateData(server, name, { scale: FALLBACK_SCALE });
    url = databaseUrl(server, name);
    put("list_data", `generated_scale_${FALLBACK_SCALE}`);
  } else {
    put("list_data", `${LIST_DB}_scale_${shape.scale}`);
  }
  put("list_data_requests", shape.requestRows);
  put("list_tenant_requests", shape.bigTenantRequests);

  const prisma = createPrisma(url, { max: POOL });
  const raw = pgPool(url, POOL);
  const app = await buildApp({
    prisma,
    sessionSecret: SESSION_SECRET,
    logLevel: "silent",
    mutationsPerMinute: 0,
  });
  registerRawRoutes(app, raw);
  await app.listen({ port: 0, host: "127.0.0.1" });
  const client = new HttpClient(address(app), CLIENTS);
  const sql = pgClient(url);
  await sql.connect();
  try {
    const cookie = await login(client, shape.bigAdmin, DEMO_PASSWORD);
    const tenant = (
      await sql.query<{ id: string; n: string }>(
        `SELECT u."tenantId" AS id, (SELECT count(*) FROM "InvoiceRequest" r WHERE r."tenantId" = u."tenantId")::text AS n
           FROM "User" u WHERE u.email = $1`,
        [shape.bigAdmin],
      )
    ).rows[0]!;
    const rowsOfTenant = Number(tenant.n);

    // Cursors at 32 depths spread over the whole list (depth 0 = the first page).
    const DEPTHS = 32;
    const cursors: { depth: number; cursor: string | null; next: string }[] = [];
    for (let i = 0; i < DEPTHS; i++) {
      const depth = Math.floor((i / DEPTHS) * Math.max(0, rowsOfTenant - 21));
      const r = await sql.query<{ createdAt: Date; id: string }>(
        `SELECT "createdAt", id FROM "InvoiceRequest" WHERE "tenantId" = $1 ORDER BY "createdAt" DESC, id DESC
         OFFSET $2 LIMIT 2`,
        [tenant.id, Math.max(0, depth - 1)],
      );
      const [prev, at] = r.rows;
      if (!prev) continue;
      cursors.push(
        depth === 0
          ? { depth, cursor: null, next: prev.id }
          : { depth, cursor: encodeCursor(prev.createdAt, prev.id), next: at?.id ?? "" },
      );
    }
    const deep = cursors.filter((c) => c.cursor);
    const path = (base: string, c: (typeof cursors)[number]) =>
      `${base}?limit=20${c.cursor ? `&cursor=${c.cursor}` : ""}`;
    const fetchList =
      (base: string, c: (typeof cursors)[number], check = false) =>
      async () => {
        const res = await client.request("GET", path(base, c), { cookie });
        if (res.status !== 200) return `${res.status} ${res.body.slice(0, 200)}`;
        if (check) {
          const first = (JSON.parse(res.body) as { items: { id: string }[] }).items[0]?.id;
          if (first !== c.next) return `${base} at depth ${c.depth}: first item ${first}, expected ${c.next}`;
        }
        return null;
      };
    // The cursors are the API's own format, and both routes answer alike.
    for (const c of cursors.slice(0, 4).concat(deep.slice(-2))) {
      for (const base of ["/api/invoice-requests", "/bench/raw-records"]) {
        const error = await fetchList(base, c, true)();
        if (error) throw new Error(error);
      }
    }
    const a = JSON.parse(
      (await client.request("GET", path("/api/invoice-requests", deep[0]!), { cookie })).body,
    ) as unknown;
    const b = JSON.parse(
      (await client.request("GET", path("/bench/raw-records", deep[0]!), { cookie })).body,
    ) as unknown;
    if (canonical(a) !== canonical(b)) {
      note(
        `  ! the raw route's JSON differs from the API's:\n  API ${JSON.stringify(a).slice(0, 600)}\n  raw ${JSON.stringify(b).slice(0, 600)}`,
      );
      put("list_raw_json_identical", "no");
    } else put("list_raw_json_identical", "yes");

    // Warm-up, then sequential latency (one request at a time, ORM and raw interleaved).
    await closedLoop(CLIENTS, Math.min(2, SECONDS), (w, i) =>
      fetchList("/api/invoice-requests", deep[(w + i) % deep.length]!)(),
    );
    await closedLoop(CLIENTS, Math.min(2, SECONDS), (w, i) =>
      fetchList("/bench/raw-records", deep[(w + i) % deep.length]!)(),
    );
    const N = Math.max(64, Math.round(SECONDS * 40));
    const orm = await counted(url, N, (i) => fetchList("/api/invoice-requests", deep[i % deep.length]!)());
    const rawSeq = await counted(url, N, (i) => fetchList("/bench/raw-records", deep[i % deep.length]!)());
    const first = await sequentialLatencies(Math.round(N / 4), () =>
      fetchList("/api/invoice-requests", cursors[0]!)(),
    );
    put("list_p50_ms", ms(pct(orm.latencies, 50)));
    put("list_p99_ms", ms(pct(orm.latencies, 99)));
    put("list_first_page_p99_ms", ms(pct(first.latencies, 99)));
    put("list_raw_p50_ms", ms(pct(rawSeq.latencies, 50)));
    put("list_raw_p99_ms", ms(pct(rawSeq.latencies, 99)));
    put("list_statements_per_req", orm.statements);
    put("list_xacts_per_req", orm.xact);
    put("list_tables_per_req", orm.tables);
    put("list_raw_statements_per_req", rawSeq.statements);
    put("list_raw_tables_per_req", rawSeq.tables);

    // Throughput at CLIENTS connections, ORM and raw alternating.
    const ormLoads: LoadResult[] = [];
    const rawLoads: LoadResult[] = [];
    const half = Math.max(1, SECONDS / 2);
    for (let round = 1; round <= ROUNDS; round++) {
      ormLoads.push(
        await profiled(round === 1 ? "list" : `list_r${round}`, () =>
          closedLoop(CLIENTS, half, (w, i) =>
            fetchList("/api/invoice-requests", deep[(w * 7 + i) % deep.length]!)(),
          ),
        ),
      );
      rawLoads.push(
        await profiled(round === 1 ? "list_raw" : `list_raw_r${round}`, () =>
          closedLoop(CLIENTS, half, (w, i) =>
            fetchList("/bench/raw-records", deep[(w * 7 + i) % deep.length]!)(),
          ),
        ),
      );
    }
    const o = mergeLoads(ormLoads);
    const r = mergeLoads(rawLoads);
    report(`list_c${CLIENTS}`, o);
    report(`list_raw_c${CLIENTS}`, r);
    put("list_orm_vs_raw", Number((o.count / o.seconds / (r.count / r.seconds)).toFixed(3)));

    // Amounts: the large tenant has a balance at every provider.
    const providers = Number(
      (
        await sql.query<{ n: string }>(`SELECT count(*)::text AS n FROM "Balance" WHERE "tenantId" = $1`, [
          tenant.id,
        ])
      ).rows[0]!.n,
    );
    put("amounts_providers", providers);
    const amounts = (base: string) => async () => {
      const res = await client.request("GET", base, { cookie });
      return res.status === 200 ? null : `${res.status} ${res.body.slice(0, 200)}`;
    };
    const aOrm = JSON.parse(
      (await client.request("GET", "/api/invoiceable-amounts", { cookie })).body,
    ) as unknown;
    const aRaw = JSON.parse((await client.request("GET", "/bench/raw-amounts", { cookie })).body) as unknown;
    put("amounts_raw_json_identical", canonical(aOrm) === canonical(aRaw) ? "yes" : "no");
    if (canonical(aOrm) !== canonical(aRaw))
      note(
        `  ! amounts differ:\n  API ${JSON.stringify(aOrm).slice(0, 500)}\n  raw ${JSON.stringify(aRaw).slice(0, 500)}`,
      );
    await closedLoop(CLIENTS, 1, amounts("/api/invoiceable-amounts"));
    const amountsSeq = await counted(url, N, amounts("/api/invoiceable-amounts"));
    const amountsRawSeq = await sequentialLatencies(N, amounts("/bench/raw-amounts"));
    put("amounts_p50_ms", ms(pct(amountsSeq.latencies, 50)));
    put("amounts_p99_ms", ms(pct(amountsSeq.latencies, 99)));
    put("amounts_raw_p99_ms", ms(pct(amountsRawSeq.latencies, 99)));
    put("amounts_statements_per_req", amountsSeq.statements);
    const ao = await closedLoop(CLIENTS, half, amounts("/api/invoiceable-amounts"));
    const ar = await closedLoop(CLIENTS, half, amounts("/bench/raw-amounts"));
    report(`amounts_c${CLIENTS}`, ao);
    report(`amounts_raw_c${CLIENTS}`, ar);
    put("amounts_orm_vs_raw", Number((ao.count / ao.seconds / (ar.count / ar.seconds)).toFixed(3)));

    // What limits the list: the plans of the statements the list route sends (captured from the
    // driver, run again under EXPLAIN with their own parameters) at the shallowest and the deepest
    // sampled cursor, and of the hand-written row comparison for the same page.
    if (args.get("explain") !== false) {
      const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
      const counting = proto.query;
      for (const c of [deep[0]!, deep[deep.length - 1]!]) {
        const sent: { text: string; values: unknown[] }[] = [];
        proto.query = function (this: unknown, ...a: unknown[]) {
          const q = a[0] as string | { text?: string; values?: unknown[] } | undefined;
          const text = typeof q === "string" ? q : q?.text;
          const values = typeof q === "string" ? (a[1] as unknown[] | undefined) : q?.values;
          if (text) sent.push({ text, values: values ?? [] });
          return counting.apply(this, a);
        };
        await fetchList("/api/invoice-requests", c)();
        proto.query = counting;
        for (const q of sent)
          note(
            `# SQL sent for one list page (depth ${c.depth}): ${q.text.replace(/\s+/g, " ").slice(0, 400)}`,
          );
        const [at, id] = JSON.parse(Buffer.from(c.cursor!, "base64url").toString("utf8")) as [string, string];
        const explained = [
          ...sent
            .filter((q) => /^\s*SELECT/i.test(q.text) && q.text.includes('"InvoiceRequest"'))
            .map((q) => ({ label: "orm", ...q })),
          { label: "raw", text: LIST_SQL(true), values: [tenant.id, 21, at, id] as unknown[] },
        ];
        const where = c === deep[0] ? "shallow" : "deep";
        for (const e of explained) {
          const plan = await sql.query<{ "QUERY PLAN": string }>(
            `EXPLAIN (ANALYZE, BUFFERS) ${e.text}`,
            e.values,
          );
          note(
            `# EXPLAIN (ANALYZE, BUFFERS), depth ${c.depth} of ${rowsOfTenant}, ${e.label === "raw" ? "row comparison (raw route)" : "the list route's statement"}:`,
          );
          for (const row of plan.rows) note(`#   ${row["QUERY PLAN"]}`);
          const time = /Execution Time: ([\d.]+) ms/.exec(
            plan.rows.map((r) => r["QUERY PLAN"]).join("\n"),
          )?.[1];
          if (time) put(`explain_${e.label}_${where}_ms`, Number(time));
        }
      }
    }
    await sql.query(`DELETE FROM "Session" WHERE "userId" IN (SELECT id FROM "User" WHERE email = $1)`, [
      shape.bigAdmin,
    ]);
  } finally {
    client.close();
    await app.close();
    await prisma.$disconnect();
    await raw.end();
    await sql.end();
    await dropCreated(server);
  }
});

// ---------------------------------------------------------------------------------------------
// 4. Cold start and restart on the embedded database

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      const port = typeof a === "object" && a ? a.port : 0;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

function healthStatus(port: number): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(
      { host: "127.0.0.1", port, path: "/api/health", agent: false, timeout: 2000 },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on("error", () => resolve(0));
    req.on("timeout", () => {
      req.destroy();
      resolve(0);
    });
  });
}

async function startUntilHealthy(command: string, apiDir: string, dataDir: string): Promise<number> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    PATH: `${join(apiDir, "node_modules/.bin")}:${process.env.PATH ?? ""}`,
  };
  delete env.DATABASE_URL;
  const t0 = performance.now();
  const child = spawn("sh", ["-c", command], {
    cwd: apiDir,
    env,
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
  });
  coldChild = child;
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  try {
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`the API exited with ${child.exitCode}: ${stderr.slice(-1500)}`);
      if (performance.now() - t0 > 120_000)
        throw new Error(`no 200 from /api/health within 120 s: ${stderr.slice(-1500)}`);
      if ((await healthStatus(port)) === 200) return (performance.now() - t0) / 1000;
      await sleep(50);
    }
  } finally {
    // SIGTERM to the group (sh, the runner, node): the server drains and closes its database.
    const exited = new Promise<void>((resolve) => {
      if (child.exitCode !== null) resolve();
      else child.once("exit", () => resolve());
    });
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // gone
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // gone
      }
    }, 30_000);
    await exited;
    // The PGlite lock file goes with its process; wait for the whole group to be gone.
    for (let i = 0; i < 100; i++) {
      try {
        process.kill(-child.pid!, 0);
        await sleep(100);
      } catch {
        break;
      }
    }
    clearTimeout(timer);
    coldChild = undefined;
  }
}

if (args.get("cold-start") !== false) {
  await phase("cold_start", async () => {
    const apiDir = join(root, "apps/api");
    const pkg = JSON.parse(readFileSync(join(apiDir, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    const command = pkg.scripts.start;
    if (!command) throw new Error("apps/api has no start script");
    put("cold_start_command", JSON.stringify(command));
    // A start from built JavaScript needs the build first (not timed: it happens once per release).
    if (/\bdist\//.test(command) && pkg.scripts.build) {
      const [r, s] = await timed(() => run("pnpm", ["--filter", "@mic/api", "build"]));
      if (r.code !== 0) throw new Error(`API build failed: ${r.stderr.slice(-1500)}`);
      put("api_build_s", s);
    }
    const dataDir = mkdtempSync(join(tmpdir(), "mic-cold-"));
    try {
      put("cold_start_s", await startUntilHealthy(command, apiDir, dataDir));
      put("restart_s", await startUntilHealthy(command, apiDir, dataDir));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
}

// ---------------------------------------------------------------------------------------------

put("load_avg_end", loadAverage());
await cleanup();
const GOALS: [string, (v: number) => boolean][] = [
  ["apply_vs_pgbench", (v) => v >= 0.5],
  ["violations", (v) => v === 0],
  ["apply_p99_ms", (v) => v <= 200],
  ["list_orm_vs_raw", (v) => v >= 0.6],
  ["list_p99_ms", (v) => v <= 20],
  ["amounts_p99_ms", (v) => v <= 20],
  ["initial_js_gzip_kb", (v) => v <= 170],
  ["largest_route_chunk_gzip_kb", (v) => v <= 50],
  ["cold_start_s", (v) => v <= 10],
];
const missed = GOALS.filter(([k, ok]) => !results.has(k) || !ok(Number(results.get(k)))).map(([k]) => k);
const SUMMARY = [
  "apply_tps",
  "pgbench_tps",
  "apply_vs_pgbench",
  "apply_p99_ms",
  "violations",
  "list_p99_ms",
  "list_orm_vs_raw",
  "amounts_p99_ms",
  "initial_js_gzip_kb",
  "largest_route_chunk_gzip_kb",
  "cold_start_s",
  "restart_s",
];
console.log(
  `summary ${SUMMARY.map((k) => `${k}=${results.has(k) ? results.get(k) : "n/a"}`).join(" ")} ` +
    `goals_missed=${missed.length ? missed.join(",") : "none"}`,
);
process.exit(failed || Number(results.get("violations") ?? 0) > 0 ? 1 : 0);
