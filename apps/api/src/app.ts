import type { Db } from "@mic/db";
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifySchema,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import "./jobs/index";
import { registeredJobs, schedulerPlugin } from "./jobs/scheduler";
import { useDeliverySettings, type DeliverySettings } from "./lib/delivery-settings";
import { frameworkErrors } from "./lib/error-handler";
import { registerWebConsole } from "./lib/web-console";
import { databasePlugin } from "./plugins/database";
import { errorsPlugin } from "./plugins/errors";
import { openapiPlugin } from "./plugins/openapi";
import { securityPlugin } from "./plugins/security";
import { sessionsPlugin } from "./plugins/sessions";
import { apiRoutes } from "./routes";

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
  /**
   * Run the scheduled jobs (jobs/index.ts) in this process: main.ts all of them; tests none unless
   * they ask, naming the jobs they want.
   */
  jobs?: boolean | readonly string[];
  /** How webhooks and mail go out (SMTP_URL, WEBHOOK_ALLOW_PRIVATE_TARGETS, DATA_DIR/mail). */
  delivery?: DeliverySettings;
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
  await app.register(errorsPlugin);
  await app.register(securityPlugin, { mutationsPerMinute: options.mutationsPerMinute ?? 3000 });
  await app.register(databasePlugin, { prisma: options.prisma });
  await app.register(sessionsPlugin, { sessionSecret: options.sessionSecret });
  if (options.delivery) useDeliverySettings(options.delivery);
  const wanted = options.jobs;
  await app.register(schedulerPlugin, {
    start: Boolean(wanted),
    ...(Array.isArray(wanted) ? { jobs: registeredJobs().filter((j) => wanted.includes(j.name)) } : {}),
  });
  await app.register(openapiPlugin);
  // The API: every route in it declares config.roles or config.public (plugins/authorization.ts).
  await app.register(apiRoutes);

  // The built console (compressed, cached) with its deep links; the API's JSON 404 otherwise.
  await registerWebConsole(app, options.webDist);
  return app;
}
