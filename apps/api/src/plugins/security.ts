import fastifyHelmet from "@fastify/helmet";
import fp from "fastify-plugin";
import { AppError } from "../lib/errors";
import { MUTATING, registerMutationLimit } from "../lib/rate-limit";

/**
 * @fastify/helmet's headers for every response. The one CSP serves the console (Vite-built
 * scripts and styles from 'self') and /api/docs (Swagger UI, scripts from its own files): no
 * inline or eval'd script anywhere, no framing. HSTS is sent by the onSend hook, only over HTTPS.
 */
const SECURITY_HEADERS = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      "default-src": ["'self'"],
      "base-uri": ["'none'"],
      "script-src": ["'self'"],
      "script-src-attr": ["'none'"],
      // TDesign and Swagger UI add <style> elements and style attributes at run time.
      "style-src": ["'self'", "'unsafe-inline'"],
      "img-src": ["'self'", "data:"],
      "font-src": ["'self'", "data:"],
      "connect-src": ["'self'"],
      "object-src": ["'none'"],
      "form-action": ["'self'"],
      "frame-ancestors": ["'none'"],
    },
  },
  strictTransportSecurity: false,
  frameguard: { action: "deny" as const },
  referrerPolicy: { policy: "same-origin" as const },
};
const HSTS = "max-age=31536000; includeSubDomains";

/** CSRF defence for cookie-authenticated mutations (SPEC §8): same-origin requests only. */
function refuseCrossSite(headers: { origin?: string; host?: string; "sec-fetch-site"?: string | string[] }) {
  if (headers["sec-fetch-site"] === "cross-site") throw new AppError("FORBIDDEN", "forbidden.csrf");
  const origin = headers.origin;
  if (origin === undefined || origin === "") return;
  let host: string;
  try {
    host = origin === "null" ? "" : new URL(origin).host;
  } catch {
    throw new AppError("FORBIDDEN", "forbidden.csrf");
  }
  if (host !== headers.host) throw new AppError("FORBIDDEN", "forbidden.csrf");
}

/**
 * Everything every request passes before its route: security headers, the mutation rate limit
 * (lib/rate-limit.ts), the CSRF check, JSON-only bodies, and `Connection: close` while draining.
 */
export const securityPlugin = fp<{ mutationsPerMinute: number }>(
  async (app, { mutationsPerMinute }) => {
    // Only JSON bodies: a cross-site form cannot post text/plain or url-encoded bodies here.
    app.removeContentTypeParser(["text/plain"]);
    // First, so that requests refused by the hooks below get the headers too.
    await app.register(fastifyHelmet, SECURITY_HEADERS);
    app.addHook("onSend", async (request, reply) => {
      void reply.header("X-Content-Type-Options", "nosniff");
      if (request.protocol === "https") void reply.header("Strict-Transport-Security", HSTS);
      // API answers carry signed-in data: no cache keeps them (the docs UI's static files may be cached).
      if (request.url.startsWith("/api") && !request.url.startsWith("/api/docs")) {
        void reply.header("Cache-Control", "no-store");
      }
    });
    // Draining (SIGTERM → app.close()): answers still in flight close their connection, so a
    // kept-alive client cannot hold the process open after its last request.
    let closing = false;
    app.addHook("preClose", async () => {
      closing = true;
    });
    app.addHook("onSend", async (_request, reply) => {
      if (closing) void reply.header("Connection", "close");
    });
    await registerMutationLimit(app, mutationsPerMinute);
    app.addHook("onRequest", async (request) => {
      if (MUTATING.has(request.method)) refuseCrossSite(request.headers);
    });
  },
  { name: "security" },
);
