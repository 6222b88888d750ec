import { errorBody, invoiceableAmount, invoiceableQuery, listOf, provider, tenant } from "@mic/contracts";
import type { App, Ctx } from "../app";
import { AppError } from "../lib/errors";
import { authorize, userOf } from "../lib/session";
import { invoiceableAmounts } from "../services/balances";

const errors = { 400: errorBody, 401: errorBody, 403: errorBody };

/** Read-only lists: providers, tenants (support) and the invoiceable amounts of SPEC §3. */
export function catalogRoutes(app: App, { prisma, sessions }: Ctx) {
  const anyone = authorize(sessions, ["ENTERPRISE_ADMIN", "PROVIDER_STAFF", "SUPPORT"]);

  app.get(
    "/api/providers",
    { onRequest: anyone, schema: { tags: ["catalog"], response: { 200: listOf(provider), ...errors } } },
    async () => {
      const rows = await prisma.provider.findMany({ orderBy: { name: "asc" }, take: 500 });
      return {
        items: rows.map((p) => ({
          id: p.id,
          name: p.name,
          contactPhone: p.contactPhone,
          contactEmail: p.contactEmail,
          invoiceTypes: p.invoiceTypes,
        })),
        nextCursor: null,
      };
    },
  );

  app.get(
    "/api/tenants",
    {
      onRequest: authorize(sessions, ["SUPPORT"]),
      schema: { tags: ["catalog"], response: { 200: listOf(tenant), ...errors } },
    },
    async () => {
      const rows = await prisma.tenant.findMany({ orderBy: { name: "asc" }, take: 500 });
      return { items: rows.map((t) => ({ id: t.id, name: t.name })), nextCursor: null };
    },
  );

  app.get(
    "/api/invoiceable-amounts",
    {
      onRequest: authorize(sessions, ["ENTERPRISE_ADMIN", "SUPPORT"]),
      schema: {
        tags: ["catalog"],
        summary: "Per provider: consumed, refunded, pending, processing, mailing, invoiceable, over-invoiced",
        querystring: invoiceableQuery,
        response: { 200: listOf(invoiceableAmount), ...errors },
      },
    },
    async (request) => {
      const user = userOf(request);
      const tenantId = user.role === "ENTERPRISE_ADMIN" ? user.tenantId : request.query.tenantId;
      if (!tenantId) throw new AppError("VALIDATION", "validation", { fields: { tenantId: "required" } });
      return { items: await invoiceableAmounts(prisma, tenantId), nextCursor: null };
    },
  );
}
