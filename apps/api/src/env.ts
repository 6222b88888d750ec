// The one place that reads process.env (SPEC §9).
import { isIP } from "node:net";
import { resolve } from "node:path";

interface Env {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  sessionSecret: string | undefined;
  logLevel: string;
  webDist: string;
  /** Fastify's `trustProxy`: whose X-Forwarded-For/-Proto to believe (SPEC §15). */
  trustProxy: false | number | string[];
  /** SMTP_URL (SPEC §14): unset, mail is written as .eml files under DATA_DIR/mail. */
  smtpUrl: string | undefined;
  /** WEBHOOK_ALLOW_PRIVATE_TARGETS=true lets webhooks reach loopback and private addresses. */
  webhookAllowPrivateTargets: boolean;
}

// proxy-addr's names for address ranges, allowed in TRUST_PROXY's list.
const PROXY_RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);

/**
 * TRUST_PROXY: unset or empty trusts nobody's X-Forwarded-* headers; a number trusts that many
 * proxy hops; a comma-separated list of addresses, CIDR ranges (or loopback, linklocal,
 * uniquelocal) trusts the proxies at those addresses.
 */
function parseTrustProxy(value: string | undefined): false | number | string[] {
  const text = value?.trim() ?? "";
  if (text === "") return false;
  if (/^\d+$/.test(text)) return Number(text);
  const entries = text.split(",").map((e) => e.trim());
  for (const entry of entries) {
    const [address = "", bits, ...rest] = entry.split("/");
    const version = isIP(address);
    const validBits =
      bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (version === 6 ? 128 : 32));
    if (!(PROXY_RANGES.has(entry) || (version !== 0 && validBits && rest.length === 0))) {
      throw new Error(
        `TRUST_PROXY must be a hop count or a comma-separated list of proxy addresses or CIDR ranges, got ${value}`,
      );
    }
  }
  return entries;
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
    trustProxy: parseTrustProxy(source.TRUST_PROXY),
    smtpUrl: source.SMTP_URL || undefined,
    webhookAllowPrivateTargets: source.WEBHOOK_ALLOW_PRIVATE_TARGETS === "true",
  };
}
