import { randomUUID } from "node:crypto";
import { createPrisma, type Db } from "@mic/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, type App } from "../src/app";
import { DEMO, useHarness } from "./harness";

const h = useHarness();

/** A second API "process" on the same database: its own Prisma pool and app, the same session secret. */
let other: { app: App; prisma: Db };
beforeAll(async () => {
  const prisma = createPrisma(h.url, { max: h.poolSize });
  other = { prisma, app: await buildApp({ prisma, sessionSecret: "test-secret", logLevel: "silent" }) };
});
afterAll(async () => {
  await other.app.close();
  await other.prisma.$disconnect();
});

describe("two API processes on one database", () => {
  it("serve the same session: sign in on one, work on the other, sign out on either", async () => {
    const cookie = await h.login(DEMO.globex);
    const me = await other.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().email).toBe(DEMO.globex);
    await other.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie } });
    expect((await h.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } })).statusCode).toBe(
      401,
    );
  });

  it("never invoice more than is invoiceable together, and share idempotency keys", async () => {
    const ids = await h.ids();
    const cookie = await h.login(DEMO.globex);
    const title = await h.prisma.invoiceTitle.findFirstOrThrow({
      where: { tenantId: ids.globex, isDefault: true },
    });
    const address = await h.prisma.mailingAddress.findFirstOrThrow({
      where: { tenantId: ids.globex, isDefault: true },
    });
    const body = {
      providerId: ids.cloudsoft,
      amount: "150.00",
      invoiceType: "PAPER_VAT_GENERAL",
      titleId: title.id,
      addressId: address.id,
    };
    // 2,000.00 invoiceable; 20 × 150.00 split over both processes: exactly 13 fit (1,950.00).
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? other.app : h.app).inject({
          method: "POST",
          url: "/api/invoice-requests",
          headers: { cookie },
          payload: body,
        }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(13);
    expect(codes.filter((c) => c === 409)).toHaveLength(7);
    const balance = await h.prisma.balance.findUniqueOrThrow({
      where: { tenantId_providerId: { tenantId: ids.globex, providerId: ids.cloudsoft } },
    });
    expect(balance.pendingFen).toBe(195000n);

    // A retry that lands on the other process returns the first response and creates nothing.
    await h.prisma
      .$executeRaw`UPDATE "Balance" SET "pendingFen" = 0 WHERE "tenantId" = ${ids.globex}::uuid AND "providerId" = ${ids.cloudsoft}::uuid`;
    await h.prisma.invoiceRequest.updateMany({
      where: { tenantId: ids.globex, providerId: ids.cloudsoft },
      data: { status: "CANCELLED" },
    });
    const key = randomUUID();
    const headers = { cookie, "idempotency-key": key };
    const [a, b] = await Promise.all([
      h.app.inject({
        method: "POST",
        url: "/api/invoice-requests",
        headers,
        payload: { ...body, amount: "10.00" },
      }),
      other.app.inject({
        method: "POST",
        url: "/api/invoice-requests",
        headers,
        payload: { ...body, amount: "10.00" },
      }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().id).toBe(b.json().id);
    expect(
      await h.prisma.invoiceRequest.count({
        where: { tenantId: ids.globex, providerId: ids.cloudsoft, status: "PENDING" },
      }),
    ).toBe(1);
  });
});
