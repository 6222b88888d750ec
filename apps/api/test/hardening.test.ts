import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, type App, type AppOptions } from "../src/app";
import { readEnv } from "../src/env";
import { as } from "./client";
import { DEMO, useHarness } from "./harness";

const h = useHarness();

/** One sign-in as it arrives from `remoteAddress` (the socket's peer), with extra headers. */
function login(
  app: App,
  email: string,
  password: string,
  remoteAddress: string,
  headers: Record<string, string> = {},
) {
  return app.inject({
    method: "POST",
    url: "/api/auth/login",
    remoteAddress,
    headers,
    payload: { email, password },
  });
}

/** How many responses had each status: `{ 401: 10, 429: 20 }`. */
function tally(responses: { statusCode: number }[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const r of responses) counts[r.statusCode] = (counts[r.statusCode] ?? 0) + 1;
  return counts;
}

const parallel = <T>(n: number, fn: (i: number) => Promise<T>) =>
  Promise.all(Array.from({ length: n }, (_, i) => fn(i)));

/** Another app on the harness database, e.g. with `trustProxy` set. */
async function otherApp(options: Partial<AppOptions>): Promise<App> {
  const app = await buildApp({
    prisma: h.prisma,
    sessionSecret: "test-secret",
    logLevel: "silent",
    ...options,
  });
  await app.ready();
  return app;
}

describe("sign-in limits under parallel attempts", () => {
  it("verifies at most 10 of 30 parallel wrong passwords for one account; the rest and a right password get 429", async () => {
    const res = await parallel(30, (i) => login(h.app, DEMO.datawise, `wrong-${i}`, "10.1.0.1"));
    expect(tally(res)).toEqual({ 401: 10, 429: 20 });
    for (const r of res.filter((x) => x.statusCode === 429)) {
      expect(r.json().error.code).toBe("RATE_LIMITED");
    }
    const right = await login(h.app, DEMO.datawise, "demo-password", "10.1.0.2");
    expect(right.statusCode).toBe(429);
    expect(right.cookies).toHaveLength(0);
  });

  it("does not let a right password among 30 parallel wrong ones past the limit", async () => {
    // Nine failures already: one attempt may still be verified, however many arrive at once.
    for (let i = 0; i < 9; i++) {
      expect((await login(h.app, DEMO.cloudsoft, `wrong-${i}`, "10.1.0.3")).statusCode).toBe(401);
    }
    const res = await parallel(30, (i) =>
      login(h.app, DEMO.cloudsoft, i === 29 ? "demo-password" : `wrong-${i}`, "10.1.0.3"),
    );
    const counts = tally(res);
    expect(counts[401] ?? 0).toBeLessThanOrEqual(1);
    expect(counts[429]).toBeGreaterThanOrEqual(28);
    const failures = await h.prisma.loginAttempt.count({
      where: { email: DEMO.cloudsoft, succeeded: false },
    });
    expect(failures).toBeLessThanOrEqual(10);
    if (counts[200] === undefined) {
      // A wrong one took the last attempt: now the right password is refused as well.
      expect((await login(h.app, DEMO.cloudsoft, "demo-password", "10.1.0.4")).statusCode).toBe(429);
    }
  });

  it("verifies at most 50 parallel failures from one address, across different accounts", async () => {
    const res = await parallel(60, (i) => login(h.app, `nobody-${i}@address.test`, "wrong", "10.2.0.1"));
    expect(tally(res)).toEqual({ 401: 50, 429: 10 });
    // A right password from that address is refused too; from another address it signs in.
    expect((await login(h.app, DEMO.support, "demo-password", "10.2.0.1")).statusCode).toBe(429);
    expect((await login(h.app, DEMO.support, "demo-password", "10.2.0.2")).statusCode).toBe(200);
  });

  it("counts an IPv6 client by its /64, so rotating addresses within it does not escape the limit", async () => {
    const res = await parallel(60, (i) =>
      login(h.app, `nobody-${i}@v6.test`, "wrong", `2001:db8:7:7::${(i + 1).toString(16)}`),
    );
    expect(tally(res)).toEqual({ 401: 50, 429: 10 });
  });
});

describe("TRUST_PROXY", () => {
  it("reads unset as trust nothing, a number as hops, and a list as proxy addresses", () => {
    expect(readEnv({}).trustProxy).toBe(false);
    expect(readEnv({ TRUST_PROXY: "" }).trustProxy).toBe(false);
    expect(readEnv({ TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(readEnv({ TRUST_PROXY: "10.0.0.1, 192.168.0.0/16,::1" }).trustProxy).toEqual([
      "10.0.0.1",
      "192.168.0.0/16",
      "::1",
    ]);
    expect(readEnv({ TRUST_PROXY: "loopback" }).trustProxy).toEqual(["loopback"]);
    expect(() => readEnv({ TRUST_PROXY: "true" })).toThrow(/TRUST_PROXY/);
    expect(() => readEnv({ TRUST_PROXY: "10.0.0.1,not-an-address" })).toThrow(/TRUST_PROXY/);
    expect(() => readEnv({ TRUST_PROXY: "10.0.0.0/33" })).toThrow(/TRUST_PROXY/);
  });

  it("by default, a rotating X-Forwarded-For does not escape the per-address limit", async () => {
    const res = await parallel(60, (i) =>
      login(h.app, `nobody-${i}@xff.test`, "wrong", "10.3.0.1", { "x-forwarded-for": `198.51.100.${i + 1}` }),
    );
    expect(tally(res)).toEqual({ 401: 50, 429: 10 });
  });

  it("by default, X-Forwarded-Proto: https neither switches to the __Host- Secure cookie nor sends HSTS", async () => {
    const res = await login(h.app, DEMO.acme, "demo-password", "10.3.0.2", { "x-forwarded-proto": "https" });
    expect(res.statusCode).toBe(200);
    expect(res.cookies.map((c) => c.name)).toEqual(["mic_session"]);
    expect(res.cookies[0]!.secure).toBeFalsy();
    expect(res.headers["strict-transport-security"]).toBeUndefined();
  });

  describe("with a trusted proxy", () => {
    let proxied: App;
    beforeAll(async () => {
      // app.inject comes from 127.0.0.1: that is the proxy here.
      proxied = await otherApp({ trustProxy: ["127.0.0.1"] });
    });
    afterAll(async () => {
      await proxied?.close();
    });

    it("counts failures against the client address X-Forwarded-For names", async () => {
      const from = (client: string, i: number) =>
        login(proxied, `nobody-${i}@proxied.test`, "wrong", "127.0.0.1", { "x-forwarded-for": client });
      expect(tally(await parallel(55, (i) => from("203.0.113.7", i)))).toEqual({ 401: 50, 429: 5 });
      // Another client behind the same proxy is not affected.
      expect((await from("203.0.113.8", 99)).statusCode).toBe(401);
      const rows = await h.prisma.loginAttempt.groupBy({
        by: ["ip"],
        where: { email: { endsWith: "@proxied.test" } },
        _count: true,
      });
      expect(rows.map((r) => [r.ip, r._count]).sort()).toEqual([
        ["203.0.113.7", 50],
        ["203.0.113.8", 1],
      ]);
    });

    it("honours X-Forwarded-Proto: https with the __Host- Secure cookie and HSTS", async () => {
      const res = await login(proxied, DEMO.acme, "demo-password", "127.0.0.1", {
        "x-forwarded-proto": "https",
        "x-forwarded-for": "203.0.113.9",
      });
      expect(res.statusCode).toBe(200);
      const cookie = res.cookies.find((c) => c.name === "__Host-mic_session");
      expect(cookie?.secure).toBe(true);
      expect(cookie?.path).toBe("/");
      expect(res.headers["strict-transport-security"]).toMatch(/max-age=\d{7,}/);
    });

    it("still ignores X-Forwarded-* from an address that is not the proxy", async () => {
      const res = await login(proxied, DEMO.acme, "demo-password", "10.3.0.3", {
        "x-forwarded-proto": "https",
      });
      expect(res.cookies.map((c) => c.name)).toEqual(["mic_session"]);
    });
  });
});

describe("TRUST_PROXY as a hop count", () => {
  it("believes the nearest proxy's X-Forwarded-For (its last entry) and X-Forwarded-Proto", async () => {
    const oneHop = await otherApp({ trustProxy: 1 });
    try {
      const res = await login(oneHop, "nobody@hops.test", "wrong", "10.5.0.1", {
        "x-forwarded-for": "192.0.2.1, 203.0.113.50",
        "x-forwarded-proto": "https",
      });
      expect(res.statusCode).toBe(401);
      const row = await h.prisma.loginAttempt.findFirstOrThrow({ where: { email: "nobody@hops.test" } });
      expect(row.ip).toBe("203.0.113.50");
      const signedIn = await login(oneHop, DEMO.acme, "demo-password", "10.5.0.1", {
        "x-forwarded-proto": "https",
      });
      expect(signedIn.cookies.map((c) => c.name)).toEqual(["__Host-mic_session"]);
    } finally {
      await oneHop.close();
    }
  });
});

describe("security headers", () => {
  let webDist: string;
  let withSpa: App;
  beforeAll(async () => {
    webDist = mkdtempSync(join(tmpdir(), "mic-web-"));
    writeFileSync(join(webDist, "index.html"), "<!doctype html><title>t</title>");
    mkdirSync(join(webDist, "assets"));
    writeFileSync(join(webDist, "assets", "index-abc123.js"), "console.log(1)");
    withSpa = await otherApp({ webDist });
  });
  afterAll(async () => {
    await withSpa?.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  const directives = (csp: unknown) =>
    Object.fromEntries(
      String(csp)
        .split(";")
        .map((d) => d.trim())
        .filter(Boolean)
        .map((d) => {
          const [name, ...values] = d.split(/\s+/);
          return [name!, values.join(" ")];
        }),
    );

  it("sends a Content-Security-Policy with frame-ancestors 'none', nosniff and no HSTS over HTTP", async () => {
    for (const url of ["/api/health", "/api/does-not-exist", "/", "/invoices/records", "/api/docs/"]) {
      const res = await withSpa.inject({ method: "GET", url });
      const csp = directives(res.headers["content-security-policy"]);
      expect(csp["frame-ancestors"], url).toBe("'none'");
      expect(csp["default-src"], url).toBe("'self'");
      expect(csp["script-src"], url).toBe("'self'");
      expect(csp["object-src"], url).toBe("'none'");
      expect(csp["base-uri"], url).toBe("'none'");
      expect(res.headers["x-content-type-options"], url).toBe("nosniff");
      expect(res.headers["x-frame-options"], url).toBe("DENY");
      expect(res.headers["strict-transport-security"], url).toBeUndefined();
    }
  });

  it("sends the headers on refused requests too (CSRF 403, validation 400)", async () => {
    const csrf = await h.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { "sec-fetch-site": "cross-site" },
    });
    expect(csrf.statusCode).toBe(403);
    expect(csrf.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(csrf.headers["cache-control"]).toBe("no-store");
    const bad = await h.app.inject({ method: "POST", url: "/api/auth/login", payload: { email: 1 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    // The router's own errors run no hooks: a malformed and an over-long path still get them.
    for (const url of ["/api/%ZZ", `/api/invoice-requests/${"a".repeat(600)}`]) {
      const routerError = await h.app.inject({ method: "GET", url });
      expect(routerError.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(routerError.headers["content-security-policy"], url).toContain("frame-ancestors 'none'");
      expect(routerError.headers["cache-control"], url).toBe("no-store");
      expect(routerError.headers["x-frame-options"], url).toBe("DENY");
    }
  });

  it("marks signed-in JSON and the CSV export no-store; hashed static assets keep their caching", async () => {
    const cookie = await h.login(DEMO.acme);
    const acme = as(h, cookie);
    for (const url of ["/api/auth/me", "/api/invoice-titles", "/api/invoice-requests"]) {
      const res = await acme.get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["cache-control"], url).toBe("no-store");
    }
    const csv = await acme.get("/api/invoice-requests/export.csv");
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    expect(csv.headers["cache-control"]).toBe("no-store");

    const asset = await withSpa.inject({ method: "GET", url: "/assets/index-abc123.js" });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers["cache-control"]).not.toContain("no-store");
  });
});

describe("mutation rate limit", () => {
  it("never refuses 30 parallel mutations of one person at the default limit", async () => {
    const acme = as(h, await h.login(DEMO.acme));
    const res = await parallel(30, () => acme.post("/api/auth/logout", {}));
    expect(tally(res)).toEqual({ 200: 30 });
  });

  it("answers 429 in the error shape past the limit, per session, only for mutations", async () => {
    const limited = await otherApp({ mutationsPerMinute: 3 });
    try {
      const signedIn = async (email: string) => {
        const res = await login(limited, email, "demo-password", "10.4.0.1");
        expect(res.statusCode).toBe(200);
        return `mic_session=${res.cookies[0]!.value}`;
      };
      // The two sign-ins above were mutations of the signed-out address 10.4.0.1: one more is allowed.
      const [first, second] = [await signedIn(DEMO.acme), await signedIn(DEMO.globex)];
      const post = (cookie: string) =>
        limited.inject({
          method: "POST",
          url: "/api/invoice-titles/00000000-0000-4000-8000-000000000000",
          remoteAddress: "10.4.0.1",
          headers: { cookie, "accept-language": "en" },
          payload: {},
        });
      const all = await parallel(5, () => post(first));
      const codes = tally(all);
      expect(codes[429]).toBe(2);
      const refused = await post(first);
      expect(refused.statusCode).toBe(429);
      expect(refused.json()).toEqual({ error: { code: "RATE_LIMITED", message: expect.any(String) } });
      expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
      // Another session from the same address has its own budget; reads are never limited.
      expect((await post(second)).statusCode).not.toBe(429);
      const read = await limited.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: first } });
      expect(read.statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it("is off with mutationsPerMinute 0", async () => {
    const unlimited = await otherApp({ mutationsPerMinute: 0 });
    try {
      const res = await parallel(20, () =>
        unlimited.inject({ method: "POST", url: "/api/auth/logout", remoteAddress: "10.4.0.2", payload: {} }),
      );
      expect(tally(res)).toEqual({ 200: 20 });
      expect(res[0]!.headers["x-ratelimit-limit"]).toBeUndefined();
    } finally {
      await unlimited.close();
    }
  });
});

describe("unique-index races", () => {
  const enterprise = (i: number) => ({
    type: "ENTERPRISE",
    name: `并发科技有限公司 ${i}`,
    taxpayerId: "91110000600037341L",
    registeredAddress: "北京市海淀区中关村大街 1 号",
    registeredPhone: "010-12345678",
    bankName: "中国银行北京分行",
    bankAccount: "6222020200112233",
  });
  const address = (i: number) => ({
    recipient: `收件人${i}`,
    phone: "13800001111",
    province: "广东省",
    city: "深圳市",
    district: "南山区",
    street: `科技园路 ${i} 号`,
    postalCode: "518000",
  });

  it("20 parallel creates with isDefault: true all succeed, leaving exactly one default", async () => {
    const acme = as(h, await h.login(DEMO.acme));
    const { acme: tenantId } = await h.ids();
    const titles = await parallel(20, (i) =>
      acme.post("/api/invoice-titles", { ...enterprise(i), isDefault: true }),
    );
    expect(tally(titles)).toEqual({ 201: 20 });
    expect(await h.prisma.invoiceTitle.count({ where: { tenantId, isDefault: true } })).toBe(1);
    const addresses = await parallel(20, (i) =>
      acme.post("/api/mailing-addresses", { ...address(i), isDefault: true }),
    );
    expect(tally(addresses)).toEqual({ 201: 20 });
    expect(await h.prisma.mailingAddress.count({ where: { tenantId, isDefault: true } })).toBe(1);
  });

  it("20 parallel PATCHes to isDefault: true all succeed, leaving exactly one default", async () => {
    const globex = as(h, await h.login(DEMO.globex));
    const { globex: tenantId } = await h.ids();
    const created = await parallel(20, (i) => globex.post("/api/invoice-titles", enterprise(100 + i)));
    const ids = created.map((r) => r.json<{ id: string }>().id);
    const titles = await parallel(20, (i) =>
      globex.patch(`/api/invoice-titles/${ids[i]}`, { isDefault: true }),
    );
    expect(tally(titles)).toEqual({ 200: 20 });
    expect(await h.prisma.invoiceTitle.count({ where: { tenantId, isDefault: true } })).toBe(1);

    const made = await parallel(20, (i) => globex.post("/api/mailing-addresses", address(100 + i)));
    const addressIds = made.map((r) => r.json<{ id: string }>().id);
    const addresses = await parallel(20, (i) =>
      globex.patch(`/api/mailing-addresses/${addressIds[i]}`, { isDefault: true }),
    );
    expect(tally(addresses)).toEqual({ 200: 20 });
    expect(await h.prisma.mailingAddress.count({ where: { tenantId, isDefault: true } })).toBe(1);
  });

  it("10 parallel deletes of one title: one succeeds, the rest are 404; the default moves once", async () => {
    const acme = as(h, await h.login(DEMO.acme));
    const { acme: tenantId } = await h.ids();
    for (const [path, body] of [
      ["/api/invoice-titles", enterprise(999)],
      ["/api/mailing-addresses", address(999)],
    ] as const) {
      const created = await acme.post(path, { ...body, isDefault: true });
      expect(created.statusCode).toBe(201);
      const id = created.json<{ id: string }>().id;
      const res = await parallel(10, () => acme.del(`${path}/${id}`));
      expect(tally(res), path).toEqual({ 200: 1, 404: 9 });
      for (const r of res.filter((x) => x.statusCode === 404)) expect(r.json().error.code).toBe("NOT_FOUND");
      const model = path === "/api/invoice-titles" ? h.prisma.invoiceTitle : h.prisma.mailingAddress;
      expect(
        await (model as typeof h.prisma.invoiceTitle).count({ where: { tenantId, isDefault: true } }),
      ).toBe(1);
      const audits = await h.prisma.auditEvent.count({ where: { entityId: id, action: "DELETE" } });
      expect(audits).toBe(1);
    }
  });

  it("parallel deletes and edits of the same records answer 200 or 404, never 500", async () => {
    const globex = as(h, await h.login(DEMO.globex));
    const created = await parallel(5, (i) => globex.post("/api/invoice-titles", enterprise(500 + i)));
    const ids = created.map((r) => r.json<{ id: string }>().id);
    const res = await parallel(30, (i) => {
      const id = ids[i % 5]!;
      return i % 3 === 0
        ? globex.del(`/api/invoice-titles/${id}`)
        : globex.patch(`/api/invoice-titles/${id}`, { isDefault: i % 2 === 0, name: `改名 ${i}` });
    });
    for (const r of res) expect([200, 404], r.body).toContain(r.statusCode);
  });
});
