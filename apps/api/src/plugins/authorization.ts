import { ROLES, type Role } from "@mic/domain";
import type { FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { AppError } from "../lib/errors";
import type { SessionUser } from "../lib/session";

declare module "fastify" {
  interface FastifyContextConfig {
    /** The roles that may call the route; the signed-out get 401, other roles 403. */
    roles?: readonly Role[];
    /** Open to anyone, signed in or not (sign-in, health). */
    public?: true;
  }
}

/** Every signed-in role. */
export const SIGNED_IN: readonly Role[] = ROLES;

/**
 * The one place a route's callers are checked. Each route declares `config: { roles: [...] }` or
 * `config: { public: true }`; a route in this scope with neither (or both) stops the app at start,
 * so a new route cannot be left open by forgetting its guard.
 */
export const authorizationPlugin = fp(
  async (app) => {
    app.addHook("onRoute", (route) => {
      const roles = route.config?.roles;
      const open = route.config?.public === true;
      if (open === (roles !== undefined)) {
        throw new Error(
          `${String(route.method)} ${route.url}: declare exactly one of config.roles or config.public`,
        );
      }
      if (roles?.length === 0) throw new Error(`${String(route.method)} ${route.url}: config.roles is empty`);
    });
    app.addHook("onRequest", async (request) => {
      const { roles } = request.routeOptions.config;
      if (!roles) return;
      const user = await app.sessions.load(request);
      if (!user) throw new AppError("UNAUTHENTICATED", "auth.required");
      if (!roles.includes(user.role)) throw new AppError("FORBIDDEN", "forbidden.role");
      request.user = user;
    });
  },
  { name: "authorization", dependencies: ["sessions"] },
);

/** The signed-in user of a route with `config.roles` (set by the hook above). */
export function userOf(request: FastifyRequest): SessionUser {
  if (!request.user) throw new AppError("UNAUTHENTICATED", "auth.required");
  return request.user;
}
