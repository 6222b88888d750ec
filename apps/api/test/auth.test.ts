import { describe, expect, it } from "vitest";
import { DEMO, useHarness } from "./harness";

const h = useHarness();

describe("health and errors", () => {
  it("reports the database", async () => {
    const res = await h.app.inject({ method: "GET", url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok", database: "ok" });
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("answers unknown API routes with 404 in the error shape", async () => {
    const res = await h.app.inject({ method: "GET", url: "/api/does-not-exist" });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: "NOT_FOUND", message: "资源不存在" } });
  });

  it("serves the OpenAPI document with full /api paths", async () => {
    const res = await h.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/auth/login", "/api/auth/me", "/api/invoice-requests"]),
    );
    // The probes are for the supervisor, not clients: left out (routes/health.ts).
    expect(Object.keys(doc.paths)).not.toContain("/api/health");
  });
});

describe("sign-in", () => {
  it("signs in each demo account and returns its role", async () => {
    const expected = {
      [DEMO.acme]: ["ENTERPRISE_ADMIN", "Acme 科技有限公司", null],
      [DEMO.globex]: ["ENTERPRISE_ADMIN", "Globex 贸易有限公司", null],
      [DEMO.cloudsoft]: ["PROVIDER_STAFF", null, "CloudSoft 云软件"],
      [DEMO.datawise]: ["PROVIDER_STAFF", null, "DataWise 数据服务"],
      [DEMO.support]: ["SUPPORT", null, null],
    };
    for (const [email, [role, tenantName, providerName]] of Object.entries(expected)) {
      const cookie = await h.login(email);
      const me = await h.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } });
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({ email, role, tenantName, providerName });
    }
  });

  it("sets an HttpOnly SameSite cookie and keeps the session in the database", async () => {
    const res = await h.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: DEMO.acme, password: "demo-password" },
    });
    const cookie = res.cookies.find((c) => c.name === "mic_session")!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Lax");
    const sessions = await h.prisma.session.count();
    expect(sessions).toBeGreaterThan(0);
    // The stored id is not the token itself.
    expect(await h.prisma.session.findUnique({ where: { id: cookie.value } })).toBeNull();
  });

  it("refuses a wrong password with 401 and the error shape, and in English when asked", async () => {
    const res = await h.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: DEMO.globex, password: "wrong" },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: "UNAUTHENTICATED", message: "邮箱或密码错误" } });
    const en = await h.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "accept-language": "en" },
      payload: { email: DEMO.globex, password: "wrong" },
    });
    expect(en.json()).toEqual({ error: { code: "UNAUTHENTICATED", message: "Wrong email or password" } });
  });

  it("gives field-level 400s for malformed bodies", async () => {
    const res = await h.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "not-an-email" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ email: expect.any(String), password: expect.any(String) });
    const broken = await h.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/json" },
      payload: "{not json",
    });
    expect(broken.statusCode).toBe(400);
    const text = await h.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "text/plain" },
      payload: "email=a",
    });
    expect(text.statusCode).toBe(415);
  });

  it("answers 413 for bodies over 1 MiB", async () => {
    const res = await h.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "a@b.test", password: "x".repeat(1024 * 1024 + 10) },
    });
    expect(res.statusCode).toBe(413);
  });

  it("limits failed sign-ins per account to 10 in 15 minutes", async () => {
    const email = DEMO.datawise;
    for (let i = 0; i < 10; i++) {
      const r = await h.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { email, password: `bad${i}` },
      });
      expect(r.statusCode).toBe(401);
    }
    const limited = await h.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email, password: "demo-password" },
    });
    expect(limited.statusCode).toBe(429);
  });

  it("signs out: the session no longer works", async () => {
    const cookie = await h.login(DEMO.support);
    const out = await h.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie } });
    expect(out.statusCode).toBe(200);
    const me = await h.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } });
    expect(me.statusCode).toBe(401);
  });

  it("answers the console's session probe with 200 whether signed in or not", async () => {
    const anon = await h.app.inject({ method: "GET", url: "/api/auth/session" });
    expect(anon.statusCode).toBe(200);
    expect(anon.json()).toEqual({ user: null });
    const cookie = await h.login(DEMO.cloudsoft);
    const signedIn = await h.app.inject({ method: "GET", url: "/api/auth/session", headers: { cookie } });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().user).toMatchObject({ email: DEMO.cloudsoft, role: "PROVIDER_STAFF" });
    await h.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie } });
    const after = await h.app.inject({ method: "GET", url: "/api/auth/session", headers: { cookie } });
    expect(after.json()).toEqual({ user: null });
  });

  it("refuses cross-site mutations", async () => {
    const res = await h.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { origin: "https://evil.example", host: "localhost:3000" },
      payload: { email: DEMO.acme, password: "demo-password" },
    });
    expect(res.statusCode).toBe(403);
    const fetchSite = await h.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { "sec-fetch-site": "cross-site" },
    });
    expect(fetchSite.statusCode).toBe(403);
  });
});

describe("mutation limit", () => {
  it("answers 429 past the per-minute limit and lets reads through", async () => {
    const { buildApp } = await import("../src/app");
    const limited = await buildApp({
      prisma: h.prisma,
      sessionSecret: "t",
      logLevel: "silent",
      mutationsPerMinute: 3,
    });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await limited.inject({ method: "POST", url: "/api/auth/logout", payload: {} });
      codes.push(r.statusCode);
    }
    expect(codes).toEqual([200, 200, 200, 429, 429]);
    const limitedBody = await limited.inject({ method: "POST", url: "/api/auth/logout", payload: {} });
    expect(limitedBody.json().error.code).toBe("RATE_LIMITED");
    expect((await limited.inject({ method: "GET", url: "/api/health" })).statusCode).toBe(200);
    await limited.close();
  });
});

describe("purging expired rows", () => {
  it("deletes expired sessions, old sign-in attempts and idempotency keys, and keeps the rest", async () => {
    const { purgeExpired, IDEMPOTENCY_RETENTION_MS } = await import("../src/services/purge-expired");
    const cookie = await h.login(DEMO.globex);
    const user = await h.prisma.user.findUniqueOrThrow({ where: { email: DEMO.globex } });
    await h.prisma.session.create({
      data: { id: "expired-session", userId: user.id, expiresAt: new Date(Date.now() - 1000) },
    });
    await h.prisma.loginAttempt.create({
      data: {
        email: "old@x.test",
        ip: "1.2.3.4",
        succeeded: false,
        createdAt: new Date(Date.now() - 2 * 86_400_000),
      },
    });
    const old = new Date(Date.now() - IDEMPOTENCY_RETENTION_MS - 1000);
    await h.prisma.idempotencyKey.create({
      data: {
        userId: user.id,
        key: "old-key",
        method: "POST",
        path: "/api/x",
        requestHash: "h",
        statusCode: 201,
        responseBody: {},
        createdAt: old,
      },
    });
    await h.prisma.idempotencyKey.create({
      data: {
        userId: user.id,
        key: "fresh-key",
        method: "POST",
        path: "/api/x",
        requestHash: "h",
        statusCode: 201,
        responseBody: {},
      },
    });

    const purged = await purgeExpired(h.prisma);
    expect(purged.sessions).toBeGreaterThanOrEqual(1);
    expect(purged.loginAttempts).toBeGreaterThanOrEqual(1);
    expect(purged.idempotencyKeys).toBe(1);
    expect(await h.prisma.session.findUnique({ where: { id: "expired-session" } })).toBeNull();
    expect(
      await h.prisma.idempotencyKey.findUnique({
        where: { userId_key: { userId: user.id, key: "fresh-key" } },
      }),
    ).not.toBeNull();
    // The live session still works.
    expect((await h.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } })).statusCode).toBe(
      200,
    );
  });
});
