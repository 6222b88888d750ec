// The harness's own tenants, providers, users, titles, addresses and consumption, added by SQL
// next to the demo data so there is plenty to invoice. Users get the demo accounts' password hash
// (password `demo-password`), so the harness needs no hashing library of its own.
import pg from "pg";
import { HARNESS_APP_NAME } from "./postgres";

export const PASSWORD = "demo-password";

/** Consumption per (tenant, provider): the first provider is "tight" (applications and refunds run into the limits), the others roomy. */
export const TIGHT_CONSUMED_FEN = 300_000; // 3,000.00
export const ROOMY_CONSUMED_FEN = 500_000_000; // 5,000,000.00

export interface Fixtures {
  tenants: { id: string; name: string; titleId: string; addressId: string; admins: string[] }[];
  providers: { id: string; name: string; tight: boolean; staff: string[] }[];
  support: string[];
}

export async function addFixtures(
  url: string,
  counts: {
    tenants: number;
    providers: number;
    adminsPerTenant: number;
    staffPerProvider: number;
    support: number;
  },
): Promise<Fixtures> {
  const db = new pg.Client({ connectionString: url, application_name: HARNESS_APP_NAME });
  db.on("error", () => {});
  await db.connect();
  try {
    await db.query("BEGIN");
    const [hash] = (
      await db.query<{ passwordHash: string }>(
        `SELECT "passwordHash" FROM "User" WHERE email = 'admin@acme.test'`,
      )
    ).rows;
    if (!hash) throw new Error("the demo data has no admin@acme.test to borrow a password hash from");
    const [demoTitle] = (
      await db.query<Record<string, string>>(
        `SELECT t.* FROM "InvoiceTitle" t JOIN "User" u ON u."tenantId" = t."tenantId"
          WHERE u.email = 'admin@acme.test' AND t."isDefault"`,
      )
    ).rows;
    if (!demoTitle) throw new Error("the demo data has no default title for Acme");

    const fixtures: Fixtures = { tenants: [], providers: [], support: [] };
    for (let p = 1; p <= counts.providers; p++) {
      const name = `Chaos 服务商 ${p}`;
      const [row] = (
        await db.query<{ id: string }>(
          `INSERT INTO "Provider" (id, name, "contactPhone", "contactEmail", "invoiceTypes", "updatedAt")
           VALUES (gen_random_uuid(), $1, '400-000-000${p % 10}', $2,
                   '{PAPER_VAT_GENERAL,ELECTRONIC_VAT_GENERAL}', now()) RETURNING id`,
          [name, `provider-${p}@chaos.test`],
        )
      ).rows;
      const staff: string[] = [];
      for (let s = 1; s <= counts.staffPerProvider; s++) {
        const email = `staff-${p}-${s}@chaos.test`;
        await db.query(
          `INSERT INTO "User" (id, email, name, "passwordHash", role, "providerId", "updatedAt")
           VALUES (gen_random_uuid(), $1, $2, $3, 'PROVIDER_STAFF', $4, now())`,
          [email, `Chaos staff ${p}-${s}`, hash.passwordHash, row!.id],
        );
        staff.push(email);
      }
      fixtures.providers.push({ id: row!.id, name, tight: p === 1, staff });
    }
    for (let t = 1; t <= counts.tenants; t++) {
      const name = `Chaos 租户 ${String(t).padStart(2, "0")}`;
      const [tenant] = (
        await db.query<{ id: string }>(
          `INSERT INTO "Tenant" (id, name, "updatedAt") VALUES (gen_random_uuid(), $1, now()) RETURNING id`,
          [name],
        )
      ).rows;
      const tenantId = tenant!.id;
      const admins: string[] = [];
      for (let a = 1; a <= counts.adminsPerTenant; a++) {
        const email = `admin-${t}-${a}@chaos.test`;
        await db.query(
          `INSERT INTO "User" (id, email, name, "passwordHash", role, "tenantId", "updatedAt")
           VALUES (gen_random_uuid(), $1, $2, $3, 'ENTERPRISE_ADMIN', $4, now())`,
          [email, `Chaos admin ${t}-${a}`, hash.passwordHash, tenantId],
        );
        admins.push(email);
      }
      const [title] = (
        await db.query<{ id: string }>(
          `INSERT INTO "InvoiceTitle" (id, "tenantId", type, name, "taxpayerId", "registeredAddress",
             "registeredPhone", "bankName", "bankAccount", "isDefault", "updatedAt")
           VALUES (gen_random_uuid(), $1, 'ENTERPRISE', $2, $3, $4, $5, $6, $7, true, now()) RETURNING id`,
          [
            tenantId,
            name,
            demoTitle.taxpayerId,
            demoTitle.registeredAddress,
            demoTitle.registeredPhone,
            demoTitle.bankName,
            demoTitle.bankAccount,
          ],
        )
      ).rows;
      const [address] = (
        await db.query<{ id: string }>(
          `INSERT INTO "MailingAddress" (id, "tenantId", recipient, phone, province, city, district, street,
             "postalCode", "isDefault", "updatedAt")
           VALUES (gen_random_uuid(), $1, '混沌测试', '13800138000', '福建省', '福州市', '鼓楼区', $2, '350001', true, now())
           RETURNING id`,
          [tenantId, `五四路 ${t} 号`],
        )
      ).rows;
      for (const provider of fixtures.providers) {
        const fen = provider.tight ? TIGHT_CONSUMED_FEN : ROOMY_CONSUMED_FEN;
        await db.query(
          `INSERT INTO "LedgerEntry" (id, "tenantId", "providerId", kind, "amountFen", reference)
           VALUES (gen_random_uuid(), $1, $2, 'CONSUMPTION', $3, $4)`,
          [tenantId, provider.id, fen, `CHAOS-${t}-${provider.name}`],
        );
        await db.query(
          `INSERT INTO "Balance" ("tenantId", "providerId", "consumedFen", "updatedAt") VALUES ($1, $2, $3, now())`,
          [tenantId, provider.id, fen],
        );
      }
      fixtures.tenants.push({ id: tenantId, name, titleId: title!.id, addressId: address!.id, admins });
    }
    for (let s = 1; s <= counts.support; s++) {
      const email = `support-${s}@chaos.test`;
      await db.query(
        `INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt")
         VALUES (gen_random_uuid(), $1, $2, $3, 'SUPPORT', now())`,
        [email, `Chaos support ${s}`, hash.passwordHash],
      );
      fixtures.support.push(email);
    }
    await db.query("COMMIT");
    return fixtures;
  } catch (error) {
    await db.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await db.end();
  }
}
