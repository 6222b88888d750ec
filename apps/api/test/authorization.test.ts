import type { Db } from "@mic/db";
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { authorizationPlugin } from "../src/plugins/authorization";
import { databasePlugin } from "../src/plugins/database";
import { sessionsPlugin } from "../src/plugins/sessions";

/** An app with the authorization hook and one route registered with `config`. */
async function appWith(config: object | undefined) {
  const app = Fastify();
  // Never queried: these tests only build the app.
  await app.register(databasePlugin, { prisma: {} as Db });
  await app.register(sessionsPlugin, { sessionSecret: "x" });
  await app.register(async (api) => {
    await api.register(authorizationPlugin);
    api.get("/api/x", config ? { config } : {}, async () => ({ ok: true }));
  });
  return app;
}

describe("authorization (plugins/authorization.ts)", () => {
  it("refuses to start with a route that declares neither roles nor public", async () => {
    await expect(appWith(undefined)).rejects.toThrow(/GET \/api\/x: declare exactly one/);
  });

  it("refuses a route that declares both, or no roles at all", async () => {
    await expect(appWith({ public: true, roles: ["SUPPORT"] })).rejects.toThrow(/exactly one/);
    await expect(appWith({ roles: [] })).rejects.toThrow(/config.roles is empty/);
  });

  it("starts with a guarded or an open route", async () => {
    for (const config of [{ roles: ["SUPPORT"] }, { public: true }]) {
      const app = await appWith(config);
      await expect(app.ready()).resolves.toBeDefined();
      await app.close();
    }
  });

  it("answers 401 on a guarded route without a session, and lets an open one through", async () => {
    const guarded = await appWith({ roles: ["SUPPORT"] });
    guarded.setErrorHandler((error: { status?: number }, _request, reply) =>
      reply.status(error.status ?? 500).send(),
    );
    expect((await guarded.inject({ method: "GET", url: "/api/x" })).statusCode).toBe(401);
    await guarded.close();
    const open = await appWith({ public: true });
    expect((await open.inject({ method: "GET", url: "/api/x" })).statusCode).toBe(200);
    await open.close();
  });
});
