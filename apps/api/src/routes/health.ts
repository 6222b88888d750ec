import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { databaseAnswers } from "../services/health";

/**
 * Probes for the supervisor and load balancer, left out of the OpenAPI document: they are not
 * part of the client API and have no error answers of their own to document.
 */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  // Liveness: the process runs and serves HTTP; a supervisor restarts it only when this fails.
  app.get(
    "/api/health/live",
    {
      config: { public: true },
      schema: {
        hide: true,
        summary: "Liveness: 200 while the process runs, whatever the database does",
        response: { 200: z.object({ status: z.literal("ok") }) },
      },
    },
    async () => ({ status: "ok" as const }),
  );

  app.get(
    "/api/health",
    {
      config: { public: true },
      schema: {
        hide: true,
        summary: "Readiness: 200 only while the database answers",
        response: {
          200: z.object({ status: z.literal("ok"), database: z.literal("ok") }),
          503: z.object({ status: z.literal("error"), database: z.literal("error") }),
        },
      },
    },
    async (_request, reply) => {
      if (await databaseAnswers(app.prisma)) return { status: "ok" as const, database: "ok" as const };
      return reply.status(503).send({ status: "error", database: "error" });
    },
  );
};
