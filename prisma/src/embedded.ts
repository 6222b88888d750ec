import { mkdirSync } from "node:fs";
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

/**
 * Embedded PostgreSQL (PGlite) served over the wire protocol on a loopback port, so the app keeps
 * one code path (node-postgres) for both it and a real server. `dataDir` undefined = in memory.
 */
export async function startEmbeddedPostgres(dataDir?: string): Promise<EmbeddedDatabase> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 64 });
  await server.start();
  const port = server.getServerConn().split(":").pop();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    poolSize: 1,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
