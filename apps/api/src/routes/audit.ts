import { auditEvent, auditQuery, errorBody, listOf } from "@mic/contracts";
import type { App, Ctx } from "../app";
import { tenantOf } from "../lib/guards";
import { authorize, userOf } from "../lib/session";
import { listAuditEvents } from "../services/audit-queries";

const errors = { 400: errorBody, 401: errorBody, 403: errorBody };

export function auditRoutes(app: App, { prisma, sessions }: Ctx) {
  app.get(
    "/api/audit-events",
    {
      onRequest: authorize(sessions, ["ENTERPRISE_ADMIN", "SUPPORT"]),
      schema: {
        tags: ["audit"],
        summary: "The audit trail, newest first: support all (filterable), an admin its own tenant's",
        querystring: auditQuery,
        response: { 200: listOf(auditEvent), ...errors },
      },
    },
    async (request) => {
      const user = userOf(request);
      return listAuditEvents(prisma, user.role === "SUPPORT" ? null : tenantOf(user), request.query);
    },
  );
}
