import type { App, Ctx } from "../app";
import { authRoutes } from "./auth";
import { catalogRoutes } from "./catalog";
import { healthRoutes } from "./health";
import { invoiceRequestRoutes } from "./invoice-requests";
import { tenantRecordRoutes } from "./tenant-records";

export async function registerRoutes(app: App, ctx: Ctx) {
  healthRoutes(app, ctx);
  authRoutes(app, ctx);
  catalogRoutes(app, ctx);
  tenantRecordRoutes(app, ctx);
  invoiceRequestRoutes(app, ctx);
}
