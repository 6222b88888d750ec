import type { Db } from "@mic/db";
import fp from "fastify-plugin";

declare module "fastify" {
  interface FastifyInstance {
    /** The one Prisma client of the process (the caller owns it: built in main.ts or a test harness). */
    prisma: Db;
  }
}

/** `app.prisma`, for routes and hooks; services take it (or a transaction) as an argument. */
export const databasePlugin = fp<{ prisma: Db }>(
  async (app, { prisma }) => {
    app.decorate("prisma", prisma);
  },
  { name: "database" },
);
