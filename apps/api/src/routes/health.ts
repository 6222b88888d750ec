import { z } from "zod";
import type { App, Ctx } from "../app";

export function healthRoutes(app: App, { prisma }: Ctx) {
  // Liveness: the process runs and serves HTTP; a supervisor restarts it only when this fails.
  app.get(
    "/api/health/live",
    {
      schema: {
        tags: ["health"],
        summary: "Liveness: 200 while the process runs, whatever the database does",
        security: [],
        response: { 200: z.object({ status: z.literal("ok") }) },
      },
    },
    async () => ({ status: "ok" as const }),
  );

  app.get(
    "/api/health",
    {
      schema: {
        tags: ["health"],
        summary: "Readiness: 200 only while the database answers",
        security: [],
        response: {
          200: z.object({ status: z.literal("ok"), database: z.literal("ok") }),
          503: z.object({ status: z.literal("error"), database: z.literal("error") }),
        },
      },
    },
    async (_request, reply) => {
      try {
        await prisma.$queryRaw`SELECT 1`;
        return { status: "ok" as const, database: "ok" as const };
      } catch {
        return reply.status(503).send({ status: "error", database: "error" });
      }
    },
  );
}
