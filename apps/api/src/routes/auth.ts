import { errorBody, loginInput, me, okBody, sessionState } from "@mic/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { SIGNED_IN, userOf } from "../plugins/authorization";
import { sessionUserOf, signIn } from "../services/sign-in";

const tags = ["auth"];

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/api/auth/login",
    {
      config: { public: true },
      // 401 is a wrong password here, not a missing session, so it is declared by hand.
      schema: { tags, summary: "Sign in", body: loginInput, response: { 200: me, 401: errorBody } },
    },
    async (request, reply) => {
      const user = await signIn(app.prisma, { ...request.body, ip: request.ip });
      await app.sessions.create(reply, request, user.id);
      return sessionUserOf(app.prisma, user.id);
    },
  );

  app.post(
    "/api/auth/logout",
    { config: { public: true }, schema: { tags, summary: "Sign out", response: { 200: okBody } } },
    async (request, reply) => {
      await app.sessions.destroy(request, reply);
      return { ok: true as const };
    },
  );

  app.get(
    "/api/auth/me",
    {
      config: { roles: SIGNED_IN },
      schema: { tags, summary: "The signed-in user", response: { 200: me } },
    },
    async (request) => userOf(request),
  );

  app.get(
    "/api/auth/session",
    {
      config: { public: true },
      schema: {
        // The console's own probe, not part of the SPEC's contract (it has no 4xx answer to list).
        hide: true,
        tags,
        summary: "The signed-in user, or null when signed out",
        response: { 200: sessionState },
      },
    },
    async (request) => ({ user: (await app.sessions.load(request)) ?? null }),
  );
};
