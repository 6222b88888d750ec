import { errorBody, invoiceRequest, listOf, providerQueueQuery } from "@mic/contracts";
import type { App, Ctx } from "../app";
import { providerOf } from "../lib/guards";
import { authorize, userOf } from "../lib/session";
import { providerQueue } from "../services/provider-queue";

const errors = { 400: errorBody, 401: errorBody, 403: errorBody };

export function providerQueueRoutes(app: App, { prisma, sessions }: Ctx) {
  app.get(
    "/api/provider-queue",
    {
      onRequest: authorize(sessions, ["PROVIDER_STAFF"]),
      schema: {
        tags: ["invoice-requests"],
        summary:
          "The provider workbench queue: earliest due date first, so overdue requests lead; PENDING and PROCESSING unless a status is given",
        querystring: providerQueueQuery,
        response: { 200: listOf(invoiceRequest), ...errors },
      },
    },
    async (request) => providerQueue(prisma, providerOf(userOf(request)), request.query),
  );
}
