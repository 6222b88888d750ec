import type { App, Ctx } from "../app";
import { auditRoutes } from "./audit";
import { authRoutes } from "./auth";
import { calendarRoutes } from "./calendar";
import { catalogRoutes } from "./catalog";
import { healthRoutes } from "./health";
import { invoiceRequestRoutes } from "./invoice-requests";
import { ledgerRoutes } from "./ledger";
import { providerQueueRoutes } from "./provider-queue";
import { tenantRecordRoutes } from "./tenant-records";
import { ticketRoutes } from "./tickets";

export async function registerRoutes(app: App, ctx: Ctx) {
  healthRoutes(app, ctx);
  authRoutes(app, ctx);
  catalogRoutes(app, ctx);
  tenantRecordRoutes(app, ctx);
  invoiceRequestRoutes(app, ctx);
  providerQueueRoutes(app, ctx);
  ticketRoutes(app, ctx);
  ledgerRoutes(app, ctx);
  auditRoutes(app, ctx);
  calendarRoutes(app, ctx);
}
