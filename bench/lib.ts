// Helpers shared by `pnpm bench:data` (data.ts) and `pnpm bench` (bench.ts): arguments, timings,
// key=value output, an HTTP client over a keep-alive agent, closed-loop load, percentiles, and the
// databases the bench creates (and only those are ever dropped).
import { execFileSync } from "node:child_process";
import http from "node:http";
import { cpus, totalmem } from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";

export const DEFAULT_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";

/** `--name value`, `--name=value` and bare `--flag` (true); `--no-flag` is false. */
export function parseArgs(argv: string[]): Map<string, string | boolean> {
  const out = new Map<string, string | boolean>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--")) continue;
    const [name, inline] = arg.slice(2).split("=", 2) as [string, string | undefined];
    if (inline !== undefined) out.set(name, inline);
    else if (name.startsWith("no-")) out.set(name.slice(3), false);
    else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith("--")) out.set(name, argv[++i]!);
    else out.set(name, true);
  }
  return out;
}

export function numberArg(args: Map<string, string | boolean>, name: string, fallback: number): number {
  const v = args.get(name);
  if (v === undefined || typeof v === "boolean") return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number, got ${v}`);
  return n;
}

export function stringArg(args: Map<string, string | boolean>, name: string, fallback: string): string {
  const v = args.get(name);
  return typeof v === "string" ? v : fallback;
}

/** The figures go to stdout as key=value; everything else (progress, diagnostics) to stderr. */
export function kv(key: string, value: string | number): void {
  console.log(`${key}=${typeof value === "number" ? round(value) : value}`);
}
export const note = (message: string) => console.error(message);

export function round(n: number): number {
  if (!Number.isFinite(n)) return n;
  const digits = Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 10 ? 1 : Math.abs(n) >= 1 ? 2 : 3;
  return Number(n.toFixed(digits));
}

export async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const value = await fn();
  return [value, (performance.now() - t) / 1000];
}

export function pct(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
export const sortNumbers = (xs: number[]) => Float64Array.from(xs).sort();

/** The server URL with another database name. */
export function databaseUrl(server: string, database: string): string {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * A client that reports, instead of crashing on, a connection the server ends (the machine is
 * shared: someone's harness may terminate backends); the query in flight still fails.
 */
export function pgClient(url: string): pg.Client {
  const client = new pg.Client({ connectionString: url });
  client.on("error", (e) => note(`  (connection lost: ${e.message})`));
  return client;
}
export function pgPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on("error", (e) => note(`  (pooled connection lost: ${e.message})`));
  pool.on("connect", (c) => c.on("error", () => {}));
  return pool;
}

export async function withAdmin<T>(server: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = pgClient(server);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;
export function checkIdent(name: string): string {
  if (!IDENT.test(name)) throw new Error(`database name must match ${IDENT}: ${name}`);
  return name;
}

export async function databaseExists(server: string, name: string): Promise<boolean> {
  return withAdmin(server, async (c) => {
    const r = await c.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
    return r.rowCount === 1;
  });
}

/** Databases this process created; dropped again by dropCreated() (and only those). */
const created = new Set<string>();
export async function createFresh(server: string, name: string): Promise<string> {
  checkIdent(name);
  await withAdmin(server, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name}`);
  });
  created.add(name);
  return databaseUrl(server, name);
}
export async function dropCreated(server: string, keep: string[] = []): Promise<void> {
  if (created.size === 0) return;
  await withAdmin(server, async (c) => {
    for (const name of created) {
      if (keep.includes(name)) continue;
      await c
        .query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
        .catch((e: Error) => note(`drop ${name}: ${e.message}`));
      created.delete(name);
    }
  });
}

export interface Machine {
  nproc: number;
  memGb: number;
  cpu: string;
  load: string;
  pgVersion: string;
}
export async function machine(server: string): Promise<Machine> {
  const pgVersion = await withAdmin(
    server,
    async (c) => (await c.query<{ v: string }>(`SELECT version() AS v`)).rows[0]!.v,
  );
  const load = loadAverage();
  return {
    nproc: cpus().length,
    memGb: Math.round(totalmem() / 2 ** 30),
    cpu: cpus()[0]?.model ?? "?",
    load,
    pgVersion: pgVersion.split(" on ")[0] ?? pgVersion,
  };
}

export function loadAverage(): string {
  try {
    return execFileSync("uptime", { encoding: "utf8" })
      .trim()
      .replace(/^.*load average:\s*/, "")
      .replaceAll(" ", "");
  } catch {
    return "?";
  }
}

// --- HTTP over loopback with a keep-alive agent ---------------------------------------------------

export interface Response {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

export class HttpClient {
  readonly agent: http.Agent;
  private readonly host: string;
  private readonly port: number;
  constructor(base: string, connections: number) {
    const url = new URL(base);
    this.host = url.hostname;
    this.port = Number(url.port);
    this.agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  }

  request(
    method: string,
    path: string,
    headers: Record<string, string> = {},
    body?: string,
  ): Promise<Response> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: this.host,
          port: this.port,
          method,
          path,
          agent: this.agent,
          headers: body === undefined ? headers : { ...headers, "content-length": Buffer.byteLength(body) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString("utf8"),
              headers: res.headers,
            }),
          );
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      if (body !== undefined) req.write(body);
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

export async function login(client: HttpClient, email: string, password: string): Promise<string> {
  const res = await client.request(
    "POST",
    "/api/auth/login",
    { "content-type": "application/json" },
    JSON.stringify({ email, password }),
  );
  if (res.status !== 200) throw new Error(`sign-in as ${email}: ${res.status} ${res.body.slice(0, 200)}`);
  const setCookie = res.headers["set-cookie"]?.[0] ?? "";
  return setCookie.split(";")[0] ?? "";
}

export interface LoadResult {
  count: number;
  failures: number;
  seconds: number;
  latencies: Float64Array;
  firstFailure?: string;
}

/** `clients` closed loops calling `fn` until `seconds` have passed; `fn` resolves to an error text or null. */
export async function closedLoop(
  clients: number,
  seconds: number,
  fn: (worker: number, i: number) => Promise<string | null>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  let firstFailure: string | undefined;
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, worker) => {
      for (let i = 0; performance.now() < end; i++) {
        const t = performance.now();
        let error: string | null;
        try {
          error = await fn(worker, i);
        } catch (e) {
          error = (e as Error).message;
        }
        latencies.push(performance.now() - t);
        if (error !== null) {
          failures++;
          firstFailure ??= error;
        }
      }
    }),
  );
  return {
    count: latencies.length,
    failures,
    seconds: (performance.now() - start) / 1000,
    latencies: sortNumbers(latencies),
    ...(firstFailure ? { firstFailure } : {}),
  };
}

/** Runs `fn` n times one after the other and returns the sorted latencies (ms). */
export async function sequentialLatencies(
  n: number,
  fn: (i: number) => Promise<string | null>,
): Promise<{ latencies: Float64Array; failures: number; firstFailure?: string }> {
  const out: number[] = [];
  let failures = 0;
  let firstFailure: string | undefined;
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const error = await fn(i).catch((e: Error) => e.message);
    out.push(performance.now() - t);
    if (error !== null) {
      failures++;
      firstFailure ??= error;
    }
  }
  return { latencies: sortNumbers(out), failures, ...(firstFailure ? { firstFailure } : {}) };
}

/** Fen as the API writes amounts: a decimal string with two places. */
export function formatFen(fen: string | bigint): string {
  const v = BigInt(fen);
  const neg = v < 0n;
  const abs = neg ? -v : v;
  const s = `${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
  return neg ? `-${s}` : s;
}

/** Counts the statements node-postgres sends from this process (Prisma's adapter included). */
export function countQueries(): { read(): number } {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  let n = 0;
  proto.query = function (this: unknown, ...args: unknown[]) {
    n++;
    return original.apply(this, args);
  };
  return { read: () => n };
}
