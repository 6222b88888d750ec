import { invoiceableAmount, invoiceableQuery, listOf, provider, tenant } from "@mic/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { fieldError } from "../lib/errors";
import { SIGNED_IN, userOf } from "../plugins/authorization";
import { invoiceableAmounts } from "../services/balances";
import { listProviders, listTenants } from "../services/catalog";

const tags = ["catalog"];

/** Read-only lists: providers, tenants (support) and the invoiceable amounts of SPEC §3. */
export const catalogRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/providers",
    {
      config: { roles: SIGNED_IN },
      schema: { tags, summary: "Every provider, by name", response: { 200: listOf(provider) } },
    },
    async () => listProviders(app.prisma),
  );

  app.get(
    "/api/tenants",
    {
      config: { roles: ["SUPPORT"] },
      schema: { tags, summary: "Every tenant, by name", response: { 200: listOf(tenant) } },
    },
    async () => listTenants(app.prisma),
  );

  app.get(
    "/api/invoiceable-amounts",
    {
      config: { roles: ["ENTERPRISE_ADMIN", "SUPPORT"] },
      schema: {
        tags,
        summary: "Per provider: consumed, refunded, pending, processing, mailing, invoiceable, over-invoiced",
        querystring: invoiceableQuery,
        response: { 200: listOf(invoiceableAmount) },
      },
    },
    async (request) => {
      const user = userOf(request);
      const tenantId = user.role === "ENTERPRISE_ADMIN" ? user.tenantId : request.query.tenantId;
      if (!tenantId) throw fieldError("tenantId", "required");
      return { items: await invoiceableAmounts(app.prisma, tenantId), nextCursor: null };
    },
  );
};
