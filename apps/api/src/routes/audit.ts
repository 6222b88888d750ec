import { auditEvent, auditQuery, listOf } from "@mic/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { tenantOf } from "../lib/guards";
import { userOf } from "../plugins/authorization";
import { listAuditEvents } from "../services/audit-queries";

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/audit-events",
    {
      config: { roles: ["ENTERPRISE_ADMIN", "SUPPORT"] },
      schema: {
        tags: ["audit"],
        summary: "The audit trail, newest first: support all (filterable), an admin its own tenant's",
        querystring: auditQuery,
        response: { 200: listOf(auditEvent) },
      },
    },
    async (request) => {
      const user = userOf(request);
      return listAuditEvents(app.prisma, user.role === "SUPPORT" ? null : tenantOf(user), request.query);
    },
  );
};
