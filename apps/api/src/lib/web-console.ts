import { existsSync } from "node:fs";
import { join, relative, sep } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply } from "fastify";
import { AppError } from "./errors";

/** Vite's content-hashed files: a new build gives them new names, so they never change. */
const IMMUTABLE = "public, max-age=31536000, immutable";
/** index.html names the current hashed files: always revalidated (ETag → 304 when unchanged). */
const REVALIDATE = "no-cache";

/**
 * The built console (apps/web/dist) and its deep links, and the API's JSON 404 for everything else.
 *
 * Compression: the web build writes brotli-11 and gzip-9 copies next to each file
 * (apps/web/vite.config.ts) and `preCompressed` serves the one Accept-Encoding allows — chosen over
 * @fastify/compress because it costs no CPU per request on a machine shared with PostgreSQL,
 * compresses better than on-the-fly levels can afford, and leaves the API's JSON paths untouched.
 *
 * Without a built console (`webDist` unset or without index.html, as in API tests) every unknown
 * route is the API's 404.
 */
export async function registerWebConsole(app: FastifyInstance, webDist: string | undefined): Promise<void> {
  const spa = webDist !== undefined && existsSync(join(webDist, "index.html"));
  if (spa) {
    await app.register(fastifyStatic, {
      root: webDist,
      // One route per file found at start (no wildcard route that would shadow the SPA fallback).
      wildcard: false,
      index: ["index.html"],
      preCompressed: true,
      // The .br/.gz copies are chosen by preCompressed, not routes of their own.
      globIgnore: ["**/*.br", "**/*.gz"],
      // Cache-Control is set per file below instead of send's `public, max-age=0`.
      cacheControl: false,
      setHeaders: (reply, path) => cacheHeaders(reply, relative(webDist, path)),
    });
  }
  app.setNotFoundHandler((request, reply) => {
    // Deep links (/invoices/records) belong to the SPA: index.html. Unknown /api routes and missing
    // hashed files (a tab still running an older build) stay 404s rather than an HTML page.
    const path = request.url;
    const method = request.method;
    if (
      spa &&
      (method === "GET" || method === "HEAD") &&
      !path.startsWith("/api") &&
      !path.startsWith("/assets/")
    ) {
      // Its Cache-Control (no-cache) and encoding come from the plugin's setHeaders/preCompressed.
      return reply.type("text/html").sendFile("index.html");
    }
    throw new AppError("NOT_FOUND", "notFound");
  });
}

function cacheHeaders(reply: FastifyReply, file: string): void {
  const hashed = file.startsWith(`assets${sep}`);
  void reply.header("Cache-Control", hashed ? IMMUTABLE : REVALIDATE);
}
