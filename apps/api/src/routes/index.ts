import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { authorizationPlugin } from "../plugins/authorization";
import { auditRoutes } from "./audit";
import { authRoutes } from "./auth";
import { calendarRoutes } from "./calendar";
import { catalogRoutes } from "./catalog";
import { healthRoutes } from "./health";
import { invoiceFileRoutes } from "./invoice-files";
import { invoiceRequestRoutes } from "./invoice-requests";
import { ledgerRoutes } from "./ledger";
import { notificationRoutes } from "./notifications";
import { providerQueueRoutes } from "./provider-queue";
import { returnRequestRoutes } from "./return-requests";
import { tenantRecordRoutes } from "./tenant-records";
import { ticketRoutes } from "./tickets";
import { webhookEndpointRoutes } from "./webhook-endpoints";
import { slaRoutes } from "./sla";

/** The API's routes, behind the one authorization hook (which also refuses unguarded routes at start). */
export const apiRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(authorizationPlugin);
  for (const routes of [
    healthRoutes,
    authRoutes,
    catalogRoutes,
    tenantRecordRoutes,
    invoiceRequestRoutes,
    invoiceFileRoutes,
    returnRequestRoutes,
    providerQueueRoutes,
    ticketRoutes,
    ledgerRoutes,
    auditRoutes,
    calendarRoutes,
    notificationRoutes,
    webhookEndpointRoutes,
    slaRoutes,
  ]) {
    await app.register(routes);
  }
};
