// The one place that reads process.env (SPEC §9).
import { resolve } from "node:path";

export interface Env {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  sessionSecret: string | undefined;
  logLevel: string;
  webDist: string;
}

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const port = Number(source.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got ${source.PORT}`);
  return {
    port,
    host: source.HOST ?? "127.0.0.1",
    databaseUrl: source.DATABASE_URL || undefined,
    dataDir: resolve(source.DATA_DIR ?? ".data"),
    sessionSecret: source.SESSION_SECRET || undefined,
    logLevel: source.LOG_LEVEL ?? "info",
    webDist: resolve(source.WEB_DIST ?? new URL("../../web/dist", import.meta.url).pathname),
  };
}
