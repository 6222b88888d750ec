import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface EmbeddedDatabase {
  url: string;
  /**
   * PGlite is one backend session: the socket server interleaves the wire messages of concurrent
   * connections (Parse/Bind/Execute of one query can meet another's), so clients must use a
   * single connection. Transactions then queue in the pool instead of in PGlite.
   */
  poolSize: 1;
  stop(): Promise<void>;
}

export class DataDirInUseError extends Error {}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/**
 * PGlite runs inside this process: a second process opening the same files would corrupt them.
 * A lock file holding our pid keeps it out; one left by a process that died is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, "server.lock");
  for (;;) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx" });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = Number(readFileSync(file, "utf8").trim());
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
      throw new DataDirInUseError(
        `${dataDir} is in use by process ${holder}: stop it, or give this one another DATA_DIR or a DATABASE_URL.`,
      );
    }
    if (holder === process.pid) {
      throw new DataDirInUseError(`${dataDir} is already open in this process.`);
    }
    rmSync(file, { force: true });
  }
}

/**
 * Embedded PostgreSQL (PGlite) served over the wire protocol on a loopback port, so the app keeps
 * one code path (node-postgres) for both it and a real server. `dataDir` undefined = in memory;
 * otherwise the database lives in `<dataDir>/pgdata` and survives restarts.
 */
export async function startEmbeddedPostgres(dataDir?: string): Promise<EmbeddedDatabase> {
  let unlock = () => undefined as void;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    unlock = lockDataDir(dataDir);
  }
  try {
    const db = await PGlite.create(dataDir ? join(dataDir, "pgdata") : undefined);
    const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 64 });
    await server.start();
    const port = server.getServerConn().split(":").pop();
    return {
      url: `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
      poolSize: 1,
      async stop() {
        await server.stop();
        await db.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}
