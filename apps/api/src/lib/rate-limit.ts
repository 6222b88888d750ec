import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "./errors";

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * A generous per-process fixed-window limit on mutations per session (or client address when
 * signed out): it stops a runaway
 * script, never a person or a burst of 30 parallel requests. It holds only counters that a second
 * process does not need (each process limits its own share); sign-in has its own limit, kept in
 * the database (services/sign-in.ts).
 */
export function registerMutationLimit(app: FastifyInstance, perMinute: number) {
  let windowStart = Date.now();
  let counts = new Map<string, number>();
  app.addHook("onRequest", async (request: FastifyRequest) => {
    if (!MUTATING.has(request.method) || perMinute <= 0) return;
    const now = Date.now();
    if (now - windowStart >= 60_000) {
      windowStart = now;
      counts = new Map();
    }
    const cookie = request.headers.cookie ?? "";
    const key = /mic_session=([^;]+)/.exec(cookie)?.[1] ?? request.ip;
    const used = (counts.get(key) ?? 0) + 1;
    counts.set(key, used);
    if (used > perMinute) throw new AppError("RATE_LIMITED", "rateLimited");
  });
}
