import fastifyCookie from "@fastify/cookie";
import fastifyHelmet from "@fastify/helmet";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import type { Db } from "@mic/db";
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifySchema,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { frameworkErrors, registerErrorHandler } from "./lib/error-handler";
import { registerMutationLimit } from "./lib/rate-limit";
import { AppError } from "./lib/errors";
import { Sessions } from "./lib/session";
import { registerWebConsole } from "./lib/web-console";
import { registerRoutes } from "./routes";

export interface AppOptions {
  prisma: Db;
  sessionSecret: string;
  /** The built SPA to serve (apps/web/dist); omitted in API tests. */
  webDist?: string;
  logLevel?: string;
  /** Mutations per client address per minute in this process (default 3000; 0 turns it off). */
  mutationsPerMinute?: number;
  /** Whose X-Forwarded-For/-Proto to believe (TRUST_PROXY, SPEC §15): a hop count or proxy addresses; default nobody's. */
  trustProxy?: false | number | string[];
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** One registered route, as the app's own table lists it (tests enumerate it: nothing is forgotten). */
export interface RouteEntry {
  method: string;
  url: string;
  /** Left out of the OpenAPI document (the document itself, the docs UI). */
  hidden: boolean;
  /** The route's zod schemas (body, querystring, params, headers), for tests that feed every route. */
  schema: FastifySchema | undefined;
}

declare module "fastify" {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

export interface Ctx {
  prisma: Db;
  sessions: Sessions;
}

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

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

/**
 * TRUST_PROXY for Fastify. A list goes as it is. A hop count believes the nearest `hops` peers,
 * whatever their address (Fastify itself refuses bare numbers), so it is for an API that only the
 * proxies can reach.
 */
function trustProxyOf(setting: AppOptions["trustProxy"]) {
  if (typeof setting !== "number") return setting ?? false;
  return setting > 0 ? (_address: string, hop: number) => hop < setting : false;
}

export async function buildApp(options: AppOptions): Promise<App> {
  const app = Fastify({
    logger: options.logLevel === "silent" ? false : { level: options.logLevel ?? "info" },
    bodyLimit: 1024 * 1024,
    // The router's own errors (a malformed or over-long path) in the API's error shape.
    frameworkErrors,
    trustProxy: trustProxyOf(options.trustProxy),
  }).withTypeProvider<ZodTypeProvider>();
  const routeTable: RouteEntry[] = [];
  app.decorate("routeTable", routeTable);
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === "HEAD") continue;
      routeTable.push({ method, url: route.url, hidden: route.schema?.hide === true, schema: route.schema });
    }
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
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
  await registerMutationLimit(app, options.mutationsPerMinute ?? 3000);
  // CSRF defence for cookie-authenticated mutations (SPEC §8).
  app.addHook("onRequest", async (request) => {
    if (!MUTATING.has(request.method)) return;
    if (request.headers["sec-fetch-site"] === "cross-site") throw new AppError("FORBIDDEN", "forbidden.csrf");
    const origin = request.headers.origin;
    if (origin && origin !== "null") {
      let host: string;
      try {
        host = new URL(origin).host;
      } catch {
        throw new AppError("FORBIDDEN", "forbidden.csrf");
      }
      if (host !== request.headers.host) throw new AppError("FORBIDDEN", "forbidden.csrf");
    } else if (origin === "null") {
      throw new AppError("FORBIDDEN", "forbidden.csrf");
    }
  });

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.0.3",
      info: {
        title: "Marketplace Invoicing Console API",
        description:
          "云市场开票控制台 REST API. Amounts are decimal strings with two places; lists use keyset pagination.",
        version: "1.0.0",
      },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "mic_session" } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  const ctx: Ctx = { prisma: options.prisma, sessions: new Sessions(options.prisma, options.sessionSecret) };
  await app.register(async (api) => registerRoutes(api as unknown as App, ctx));

  // The built console (compressed, cached) with its deep links; the API's JSON 404 otherwise.
  await registerWebConsole(app, options.webDist);
  return app;
}
