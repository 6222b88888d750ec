import fastifyRateLimit, { normalizeIP, type FastifyRateLimitStore } from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "./errors";

export const MUTATING: ReadonlySet<string> = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const SESSION_COOKIE = /(?:^|;\s*)(?:__Host-)?mic_session=([^;]*)/;
/** Above this many keys, expired windows are swept before a new key is added. */
const SWEEP_AT = 10_000;

/**
 * The client address a limit counts against: an IPv4 address as it is, an IPv6 address as its
 * /64 (one customer's network), so rotating through a prefix does not escape the limit.
 */
export function addressKey(ip: string): string {
  return normalizeIP(ip, 64);
}

/** Whose budget a mutation spends: the session's when it carries one, else the client address's. */
function mutationKey(request: FastifyRequest): string {
  const token = SESSION_COOKIE.exec(request.headers.cookie ?? "")?.[1];
  return token ? `session:${token}` : `address:${addressKey(request.ip)}`;
}

/**
 * The plugin's in-process store, fixed windows per key, but answering each request with its own
 * count. (The bundled LocalStore hands every caller the same mutable entry and the plugin reads it
 * after an await, so a parallel burst all read the burst's final count: 5 parallel requests
 * against a limit of 3 were all refused.)
 */
class WindowStore implements FastifyRateLimitStore {
  private readonly windows = new Map<string, { count: number; start: number }>();

  incr(
    key: string,
    callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
    timeWindow: number,
  ): void {
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= timeWindow) {
      if (!window && this.windows.size >= SWEEP_AT) this.sweep(now, timeWindow);
      window = { count: 0, start: now };
      this.windows.set(key, window);
    }
    window.count += 1;
    callback(null, { current: window.count, ttl: window.start + timeWindow - now });
  }

  child(): FastifyRateLimitStore {
    return new WindowStore();
  }

  private sweep(now: number, timeWindow: number) {
    for (const [key, window] of this.windows) {
      if (now - window.start >= timeWindow) this.windows.delete(key);
    }
  }
}

/**
 * A generous limit on mutations (POST, PUT, PATCH, DELETE) per session, or per client address
 * when signed out, from @fastify/rate-limit: it stops a runaway script, never a person or a burst
 * of 30 parallel requests. Its counters live in this process (docs/decisions/0004): each process
 * limits its own share, which is enough for a limit that only guards capacity; sign-in, the limit
 * that guards accounts, is counted in the database (services/sign-in.ts). `perMinute` 0 turns it off.
 */
export async function registerMutationLimit(app: FastifyInstance, perMinute: number) {
  if (perMinute <= 0) return;
  await app.register(fastifyRateLimit, {
    global: false,
    max: perMinute,
    timeWindow: 60_000,
    store: WindowStore,
    keyGenerator: mutationKey,
    // Thrown, so the error handler answers in the API's shape: { error: { code: "RATE_LIMITED", … } }.
    errorResponseBuilder: () => new AppError("RATE_LIMITED", "rateLimited"),
  });
  const limit = app.rateLimit();
  // An app-wide hook rather than per-route config: unknown paths are counted too, and it runs
  // before any route's session lookup.
  app.addHook("onRequest", async (request, reply) => {
    if (MUTATING.has(request.method)) await limit.call(app, request, reply);
  });
}
