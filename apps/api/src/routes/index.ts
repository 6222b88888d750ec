import type { App, Ctx } from "../app";
import { authRoutes } from "./auth";
import { healthRoutes } from "./health";

export async function registerRoutes(app: App, ctx: Ctx) {
  healthRoutes(app, ctx);
  authRoutes(app, ctx);
}
