import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer, connect, type Server, type Socket } from "node:net";
import { createPrisma, type Db } from "@mic/db";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, type App } from "../src/app";
import { DEMO, useHarness } from "./harness";

/**
 * Losing the database (SPEC §15). The API talks to the database through a TCP proxy that the
 * test cuts at will — a network cut, which is what `pg_terminate_backend` and a restart of
 * PostgreSQL look like from the API's side (the chaos harness, `pnpm chaos`, does those for real).
 */
const h = useHarness();

class CuttableProxy {
  private readonly sockets = new Set<Socket>();
  private server!: Server;
  port = 0;

  constructor(private readonly target: URL) {}

  async start() {
    this.server = createServer((client) => {
      const upstream = connect(Number(this.target.port || 5432), this.target.hostname);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on("error", () => {});
        s.on("close", () => {
          this.sockets.delete(s);
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    this.server.listen(0, "127.0.0.1");
    await once(this.server, "listening");
    this.port = (this.server.address() as { port: number }).port;
  }

  /** Every connection through the proxy drops at once. */
  cut() {
    for (const s of this.sockets) s.destroy();
  }

  url() {
    const u = new URL(this.target);
    u.hostname = "127.0.0.1";
    u.port = String(this.port);
    return u.toString();
  }

  async stop() {
    this.cut();
    await new Promise((r) => this.server.close(r));
  }
}

let proxy: CuttableProxy;
let cut: { app: App; prisma: Db };
beforeAll(async () => {
  proxy = new CuttableProxy(new URL(h.url));
  await proxy.start();
  const prisma = createPrisma(proxy.url(), { max: h.poolSize });
  cut = { prisma, app: await buildApp({ prisma, sessionSecret: "test-secret", logLevel: "silent" }) };
});
afterAll(async () => {
  await cut.app.close();
  await cut.prisma.$disconnect();
  await proxy.stop();
});

async function applyBody(tenantId: string, providerId: string) {
  const [title, address] = await Promise.all([
    h.prisma.invoiceTitle.findFirstOrThrow({ where: { tenantId, isDefault: true } }),
    h.prisma.mailingAddress.findFirstOrThrow({ where: { tenantId, isDefault: true } }),
  ]);
  return {
    providerId,
    amount: "0.01",
    invoiceType: "PAPER_VAT_GENERAL",
    titleId: title.id,
    addressId: address.id,
  };
}

describe("losing database connections", () => {
  it("never answers 500 while connections drop, and retries with the same key complete exactly once", async () => {
    const ids = await h.ids();
    const cookie = await h.login(DEMO.acme);
    const body = await applyBody(ids.acme, ids.cloudsoft);
    const before = await h.prisma.invoiceRequest.count({ where: { tenantId: ids.acme } });
    const statuses: number[] = [];
    const post = (key: string) =>
      cut.app.inject({
        method: "POST",
        url: "/api/invoice-requests",
        headers: { cookie, "idempotency-key": key },
        payload: body,
      });

    let cutting = true;
    const cutter = (async () => {
      while (cutting) {
        await new Promise((r) => setTimeout(r, 150));
        proxy.cut();
      }
    })();
    const clients = Math.min(8, h.poolSize * 4);
    const keys = Array.from({ length: clients }, (_, c) =>
      Array.from({ length: 8 }, (_, i) => `cut-${c}-${i}`),
    );
    const unanswered: string[] = [];
    await Promise.all(
      keys.map(async (mine) => {
        for (const key of mine) {
          const res = await post(key);
          statuses.push(res.statusCode);
          if (res.statusCode === 503) {
            expect(res.headers["retry-after"]).toBeDefined();
            expect(res.json().error.code).toBe("UNAVAILABLE");
            unanswered.push(key);
          } else expect(res.statusCode, res.body).toBe(201);
          const list = await cut.app.inject({
            method: "GET",
            url: "/api/invoice-requests?limit=5",
            headers: { cookie },
          });
          statuses.push(list.statusCode);
          expect([200, 503]).toContain(list.statusCode);
        }
      }),
    );
    cutting = false;
    await cutter;
    expect(statuses).not.toContain(500);

    // The network is back: every key that saw 503 is retried and completes.
    for (const key of unanswered) expect((await post(key)).statusCode).toBe(201);
    const created = await h.prisma.invoiceRequest.count({ where: { tenantId: ids.acme } });
    expect(created - before).toBe(keys.flat().length);
    // …exactly once each, and the balance still equals the pending requests.
    const balance = await h.prisma.balance.findFirstOrThrow({
      where: { tenantId: ids.acme, providerId: ids.cloudsoft },
    });
    const pending = await h.prisma.invoiceRequest.aggregate({
      where: { tenantId: ids.acme, providerId: ids.cloudsoft, status: "PENDING" },
      _sum: { amountFen: true },
    });
    expect(balance.pendingFen).toBe(pending._sum.amountFen ?? 0n);
  });

  it("answers 503 with Retry-After while the database is unreachable; liveness stays 200", async () => {
    const unreachable = new URL(h.url);
    unreachable.hostname = "127.0.0.1";
    unreachable.port = "1";
    const prisma = createPrisma(unreachable.toString(), { max: 2 });
    const app = await buildApp({ prisma, sessionSecret: "test-secret", logLevel: "silent" });
    try {
      const cookie = await h.login(DEMO.acme);
      const live = await app.inject({ method: "GET", url: "/api/health/live" });
      expect(live.statusCode).toBe(200);
      expect((await app.inject({ method: "GET", url: "/api/health" })).statusCode).toBe(503);
      for (const [method, url] of [
        ["GET", "/api/invoice-requests"],
        ["POST", "/api/auth/login"],
      ] as const) {
        const res = await app.inject({
          method,
          url,
          headers: { cookie },
          ...(method === "POST" ? { payload: { email: DEMO.acme, password: "demo-password" } } : {}),
        });
        expect(res.statusCode, `${method} ${url}`).toBe(503);
        expect(res.headers["retry-after"]).toBe("1");
        expect(res.json().error.code).toBe("UNAVAILABLE");
      }
    } finally {
      await app.close();
      await prisma.$disconnect();
    }
  });
});

describe("SIGTERM", () => {
  it(
    "finishes the request in flight, refuses new connections, then exits 0",
    { timeout: 60_000 },
    async (ctx) => {
      if (h.poolSize < 2) ctx.skip(); // the embedded test database serves one connection: nothing can hold a lock beside it
      const ids = await h.ids();
      const body = await applyBody(ids.globex, ids.cloudsoft);
      const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
        cwd: new URL("..", import.meta.url).pathname,
        env: {
          ...process.env,
          DATABASE_URL: h.url,
          PORT: "0",
          SESSION_SECRET: "test-secret",
          LOG_LEVEL: "warn",
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout.on("data", (d: Buffer) => (output += d.toString()));
      child.stderr.on("data", (d: Buffer) => (output += d.toString()));
      const exited = once(child, "exit");
      const deadline = Date.now() + 30_000;
      while (!/localhost:(\d+)/.test(output) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      const port = /localhost:(\d+)/.exec(output)?.[1];
      expect(port, output).toBeDefined();
      const base = `http://127.0.0.1:${port}`;

      const login = await fetch(`${base}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: DEMO.globex, password: "demo-password" }),
      });
      const cookie = /mic_session=[^;]+/.exec(login.headers.get("set-cookie") ?? "")![0];

      // Hold the balance row so the application waits inside its transaction.
      const holder = new pg.Client({ connectionString: h.url });
      await holder.connect();
      await holder.query("BEGIN");
      await holder.query(`SELECT 1 FROM "Balance" WHERE "tenantId" = $1 AND "providerId" = $2 FOR UPDATE`, [
        ids.globex,
        ids.cloudsoft,
      ]);
      const inFlight = fetch(`${base}/api/invoice-requests`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie, "idempotency-key": "sigterm-1" },
        body: JSON.stringify(body),
      });
      await new Promise((r) => setTimeout(r, 500));
      child.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 500));
      await expect(fetch(`${base}/api/health/live`)).rejects.toThrow();
      await holder.query("COMMIT");
      await holder.end();

      const res = await inFlight;
      expect(res.status).toBe(201);
      const [code] = await exited;
      expect(code, output).toBe(0);
      expect(await h.prisma.idempotencyKey.count({ where: { key: "sigterm-1" } })).toBe(1);
    },
  );
});
