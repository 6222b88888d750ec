import { invoiceRequest, listOf, providerQueueQuery } from "@mic/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { providerOf } from "../lib/guards";
import { userOf } from "../plugins/authorization";
import { providerQueue } from "../services/provider-queue";

export const providerQueueRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/provider-queue",
    {
      config: { roles: ["PROVIDER_STAFF"] },
      schema: {
        tags: ["invoice-requests"],
        summary:
          "The provider workbench queue: earliest due date first, so overdue requests lead; PENDING and PROCESSING unless a status is given",
        querystring: providerQueueQuery,
        response: { 200: listOf(invoiceRequest) },
      },
    },
    async (request) => providerQueue(app.prisma, providerOf(userOf(request)), request.query),
  );
};
