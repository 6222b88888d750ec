import fastifyCookie from "@fastify/cookie";
import fp from "fastify-plugin";
import { Sessions, type SessionUser } from "../lib/session";

declare module "fastify" {
  interface FastifyInstance {
    sessions: Sessions;
  }
  interface FastifyRequest {
    /** Set by the authorization hook on every route with `config.roles`. */
    user: SessionUser | undefined;
  }
}

/** Cookies, the database-backed session store as `app.sessions`, and `request.user`. */
export const sessionsPlugin = fp<{ sessionSecret: string }>(
  async (app, { sessionSecret }) => {
    await app.register(fastifyCookie);
    app.decorate("sessions", new Sessions(app.prisma, sessionSecret));
    app.decorateRequest("user", undefined);
  },
  { name: "sessions", dependencies: ["database"] },
);
