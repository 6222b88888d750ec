import { z } from "zod";
import type { App, Ctx } from "../app";

export function healthRoutes(app: App, { prisma }: Ctx) {
  app.get(
    "/api/health",
    {
      schema: {
        tags: ["health"],
        summary: "Liveness and database check",
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
