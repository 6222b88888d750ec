// The PostgreSQL the run uses: the harness's own Debian cluster "chaos" (created once, restartable
// without disturbing anyone), or a given server, where the restart fault is skipped.
import { execFile, execFileSync } from "node:child_process";
import { closeSync, existsSync, openSync, readdirSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const CLUSTER = "chaos";
const CLUSTER_PORT = 5499;
/** The harness's own connections carry this name, so the termination fault can leave them alone. */
export const HARNESS_APP_NAME = "mic-chaos-harness";

export interface Target {
  /** Admin URL (database `postgres`). */
  adminUrl: string;
  /** Where it came from, for the report. */
  description: string;
  /** Restarts the server; undefined when the harness may not (then `skipped` says why). */
  restart: ((mode: "fast" | "immediate") => Promise<void>) | undefined;
  skipped: string | undefined;
  release(): void;
}

function onPath(cmd: string): boolean {
  return (process.env.PATH ?? "/usr/bin:/bin").split(":").some((dir) => dir && existsSync(join(dir, cmd)));
}

interface ClusterRow {
  version: string;
  name: string;
  port: number;
  status: string;
}

function listClusters(): ClusterRow[] {
  const out = execFileSync("pg_lsclusters", ["-h"], { encoding: "utf8" });
  return out
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f.length >= 4)
    .map(([version = "", name = "", port = "0", status = ""]) => ({
      version,
      name,
      port: Number(port),
      status,
    }));
}

/** The newest installed server version: from existing clusters, /etc/postgresql or /usr/lib/postgresql. */
function serverVersion(clusters: ClusterRow[]): string | undefined {
  const candidates = new Set(clusters.map((c) => c.version));
  for (const dir of ["/etc/postgresql", "/usr/lib/postgresql"]) {
    if (existsSync(dir)) for (const v of readdirSync(dir)) if (/^\d+(\.\d+)?$/.test(v)) candidates.add(v);
  }
  const installed = [...candidates].filter((v) => existsSync(`/usr/lib/postgresql/${v}/bin/postgres`));
  return installed.sort((a, b) => Number(b) - Number(a))[0];
}

/**
 * One run at a time restarts the cluster: a lock file holding the owner's pid (a dead owner's lock
 * is taken over). Waits for another run to finish.
 */
async function lock(path: string): Promise<() => void> {
  let said = false;
  for (;;) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(path, "utf8") === String(process.pid)) unlinkSync(path);
        } catch {
          // already gone
        }
      };
    } catch {
      let owner: number;
      try {
        owner = Number(readFileSync(path, "utf8"));
      } catch {
        continue;
      }
      let alive: boolean;
      try {
        process.kill(owner, 0);
        alive = owner > 0;
      } catch {
        alive = false;
      }
      if (!alive) {
        try {
          unlinkSync(path);
        } catch {
          // someone else took it over
        }
        continue;
      }
      if (!said)
        console.error(`chaos: waiting for another chaos run (pid ${owner}) to finish with the cluster`);
      said = true;
      await sleep(2000);
    }
  }
}

export async function waitForServer(url: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ connectionString: url, application_name: HARNESS_APP_NAME });
    client.on("error", () => {});
    try {
      await client.connect();
      await client.query("SELECT 1");
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => {});
      if (Date.now() > deadline) throw error;
      await sleep(250);
    }
  }
}

export async function openTarget(databaseUrl: string | undefined): Promise<Target> {
  const given = (reason: string, url: string): Target => ({
    adminUrl: url,
    description: url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@"),
    restart: undefined,
    skipped: reason,
    release: () => {},
  });
  if (databaseUrl) return given("database_url_given", databaseUrl);
  const fallback = process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
  if (process.getuid?.() !== 0) return given("not_root", fallback);
  if (
    !onPath("pg_createcluster") ||
    !onPath("pg_ctlcluster") ||
    !onPath("pg_lsclusters") ||
    !onPath("pg_conftool")
  )
    return given("no_pg_createcluster", fallback);

  let clusters = listClusters();
  const version = clusters.find((c) => c.name === CLUSTER)?.version ?? serverVersion(clusters);
  if (!version) return given("no_postgresql_server_installed", fallback);

  const release = await lock(join(tmpdir(), `mic-chaos-${version}-${CLUSTER}.lock`));
  try {
    clusters = listClusters();
    let mine = clusters.find((c) => c.name === CLUSTER && c.version === version);
    if (!mine) {
      const taken = new Set(clusters.map((c) => c.port));
      let port = CLUSTER_PORT;
      while (taken.has(port)) port++;
      console.error(`chaos: creating PostgreSQL ${version} cluster "${CLUSTER}" on port ${port} (once)`);
      // Trust on loopback only (a throw-away test cluster); fsync off: a restart, even an immediate
      // one, loses nothing the kernel has, and the shared disk is spared.
      await run("pg_createcluster", [
        version,
        CLUSTER,
        "--port",
        String(port),
        "--start-conf",
        "manual",
        "-o",
        "fsync=off",
        "-o",
        "max_connections=200",
        "--",
        "--auth=trust",
      ]);
      mine = listClusters().find((c) => c.name === CLUSTER && c.version === version);
      if (!mine) throw new Error(`pg_createcluster ${version} ${CLUSTER} made no cluster`);
    }
    if (mine.status !== "online") {
      // Loopback only, as a word: postgresql-common writes an address like 127.0.0.1 unquoted
      // (through `-o` or pg_conftool alike, or quoted twice when given quoted, by version), which
      // PostgreSQL cannot parse, and the cluster never starts. This also mends a cluster made so.
      await run("pg_conftool", [version, CLUSTER, "set", "listen_addresses", "localhost"]);
      await run("pg_ctlcluster", ["--skip-systemctl-redirect", version, CLUSTER, "start"]).catch(
        (error: { code?: number }) => {
          if (error.code !== 2) throw error; // 2: already running
        },
      );
    }
    const adminUrl = `postgresql://postgres@127.0.0.1:${mine.port}/postgres`;
    await waitForServer(adminUrl);
    return {
      adminUrl,
      description: `cluster ${version}/${CLUSTER} on 127.0.0.1:${mine.port}`,
      restart: async (mode) => {
        await run("pg_ctlcluster", ["--skip-systemctl-redirect", "-m", mode, version, CLUSTER, "restart"]);
      },
      skipped: undefined,
      release,
    };
  } catch (error) {
    release();
    throw error;
  }
}

export function databaseUrlOf(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function adminQuery<T extends pg.QueryResultRow>(
  adminUrl: string,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: adminUrl, application_name: HARNESS_APP_NAME });
  client.on("error", () => {});
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end().catch(() => {});
  }
}
