import { errorBody, loginInput, me, okBody } from "@mic/contracts";
import type { App, Ctx } from "../app";
import { AppError } from "../lib/errors";
import { signIn } from "../services/sign-in";

const errors = { 400: errorBody, 401: errorBody, 429: errorBody };

export function authRoutes(app: App, { prisma, sessions }: Ctx) {
  app.post(
    "/api/auth/login",
    {
      schema: {
        tags: ["auth"],
        summary: "Sign in",
        security: [],
        body: loginInput,
        response: { 200: me, ...errors },
      },
    },
    async (request, reply) => {
      const user = await signIn(prisma, { ...request.body, ip: request.ip });
      await sessions.create(reply, request, user.id);
      const loaded = await prisma.user.findUniqueOrThrow({
        where: { id: user.id },
        include: { tenant: true, provider: true },
      });
      return {
        id: loaded.id,
        email: loaded.email,
        name: loaded.name,
        role: loaded.role,
        tenantId: loaded.tenantId,
        providerId: loaded.providerId,
        tenantName: loaded.tenant?.name ?? null,
        providerName: loaded.provider?.name ?? null,
      };
    },
  );

  app.post(
    "/api/auth/logout",
    { schema: { tags: ["auth"], summary: "Sign out", response: { 200: okBody } } },
    async (request, reply) => {
      await sessions.destroy(request, reply);
      return { ok: true as const };
    },
  );

  app.get(
    "/api/auth/me",
    { schema: { tags: ["auth"], summary: "The signed-in user", response: { 200: me, 401: errorBody } } },
    async (request) => {
      const user = await sessions.load(request);
      if (!user) throw new AppError("UNAUTHENTICATED", "auth.required");
      return user;
    },
  );
}
