import { hash } from "@node-rs/argon2";
import type { PrismaClient } from "../generated/client/client";
import { CALENDAR_2027 } from "./calendar-2027";

export const DEMO_PASSWORD = "demo-password";
const SEED_LOCK = 72707370;

const yuan = (v: string) => BigInt(v.replace(".", ""));

/** A demo holiday calendar (support maintains the real one in the console). */
const CALENDAR: { date: string; kind: "HOLIDAY" | "WORKDAY"; name: string }[] = [
  { date: "2026-09-20", kind: "WORKDAY", name: "国庆节调休上班" },
  ...["01", "02", "03", "04", "05", "06", "07"].map((d) => ({
    date: `2026-10-${d}`,
    kind: "HOLIDAY" as const,
    name: "国庆节",
  })),
  { date: "2026-10-10", kind: "WORKDAY", name: "国庆节调休上班" },
  ...CALENDAR_2027,
];

/**
 * Seeds SPEC §10's accounts, providers, consumption, titles, addresses and holiday calendar into an
 * empty database, once: an advisory lock and the empty check make a second run a no-op (false).
 * The demo requests are not written here: apps/api plays them through its services after this
 * returns true (src/seed/demo-stories.ts), so each has the timeline the console would have made.
 */
export async function seedDemoData(prisma: PrismaClient): Promise<boolean> {
  const passwordHash = await hash(DEMO_PASSWORD);
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK})`;
      if ((await tx.tenant.count()) > 0) return false;

      const acme = await tx.tenant.create({ data: { name: "Acme 科技有限公司" } });
      const globex = await tx.tenant.create({ data: { name: "Globex 贸易有限公司" } });
      const cloudsoft = await tx.provider.create({
        data: {
          name: "CloudSoft 云软件",
          contactPhone: "400-820-1234",
          contactEmail: "invoice@cloudsoft.test",
          // SPEC §10: CloudSoft issues every type, paper and electronic.
          invoiceTypes: [
            "PAPER_VAT_GENERAL",
            "PAPER_VAT_SPECIAL",
            "ELECTRONIC_VAT_GENERAL",
            "ELECTRONIC_VAT_SPECIAL",
          ],
        },
      });
      const datawise = await tx.provider.create({
        data: {
          name: "DataWise 数据服务",
          contactPhone: "010-6288-5566",
          contactEmail: "finance@datawise.test",
        },
      });
      const netguard = await tx.provider.create({
        data: {
          name: "NetGuard 网络安全",
          contactPhone: "0755-8666-9000",
          contactEmail: "billing@netguard.test",
          invoiceTypes: ["PAPER_VAT_GENERAL", "PAPER_VAT_SPECIAL"],
        },
      });

      await tx.user.createMany({
        data: [
          {
            email: "admin@acme.test",
            name: "王敏（Acme）",
            role: "ENTERPRISE_ADMIN",
            tenantId: acme.id,
            passwordHash,
          },
          {
            email: "admin@globex.test",
            name: "李强（Globex）",
            role: "ENTERPRISE_ADMIN",
            tenantId: globex.id,
            passwordHash,
          },
          {
            email: "staff@cloudsoft.test",
            name: "陈静（CloudSoft）",
            role: "PROVIDER_STAFF",
            providerId: cloudsoft.id,
            passwordHash,
          },
          {
            email: "staff@datawise.test",
            name: "赵磊（DataWise）",
            role: "PROVIDER_STAFF",
            providerId: datawise.id,
            passwordHash,
          },
          {
            email: "staff@netguard.test",
            name: "孙悦（NetGuard）",
            role: "PROVIDER_STAFF",
            providerId: netguard.id,
            passwordHash,
          },
          { email: "support@market.test", name: "云市场客服", role: "SUPPORT", passwordHash },
        ],
      });

      await tx.calendarDay.createMany({
        data: CALENDAR.map((d) => ({ date: new Date(`${d.date}T00:00:00Z`), kind: d.kind, name: d.name })),
      });

      const consumption: [string, string, string, string][] = [
        [acme.id, cloudsoft.id, "8800.00", "CS-2026-0901"],
        [acme.id, cloudsoft.id, "3200.00", "CS-2026-1008"],
        [acme.id, cloudsoft.id, "800.00", "CS-2026-1102"],
        [acme.id, datawise.id, "36.80", "DW-2026-1015"],
        [acme.id, netguard.id, "5000.00", "NG-2026-0820"],
        [globex.id, cloudsoft.id, "2000.00", "CS-2026-0930"],
        // What the demo requests of Globex at CloudSoft hold (apps/api's demo stories): 2,000.00
        // stays invoiceable there, as before they existed.
        [globex.id, cloudsoft.id, "3150.00", "CS-2026-1105"],
        [globex.id, datawise.id, "300.00", "DW-2026-0911"],
      ];
      await tx.ledgerEntry.createMany({
        data: consumption.map(([tenantId, providerId, amount, reference]) => ({
          tenantId,
          providerId,
          kind: "CONSUMPTION" as const,
          amountFen: yuan(amount),
          reference,
        })),
      });
      // Each (tenant, provider) pair's balance holds its consumption; requests move their amounts
      // into the buckets as they are applied for (apps/api plays the demo requests, demo-stories.ts).
      const consumed = new Map<string, bigint>();
      for (const [tenantId, providerId, amount] of consumption) {
        const key = `${tenantId}|${providerId}`;
        consumed.set(key, (consumed.get(key) ?? 0n) + yuan(amount));
      }

      await tx.invoiceTitle.create({
        data: {
          tenantId: acme.id,
          type: "ENTERPRISE",
          name: "Acme 科技有限公司",
          taxpayerId: "91350100M000100Y43",
          registeredAddress: "福建省福州市鼓楼区五四路 88 号",
          registeredPhone: "0591-87654321",
          bankName: "招商银行福州分行",
          bankAccount: "591902345610201",
          isDefault: true,
        },
      });
      await tx.mailingAddress.create({
        data: {
          tenantId: acme.id,
          recipient: "王敏",
          phone: "13800138000",
          province: "福建省",
          city: "福州市",
          district: "鼓楼区",
          street: "五四路 88 号 Acme 大厦 12 层",
          postalCode: "350001",
          isDefault: true,
        },
      });
      await tx.invoiceTitle.create({
        data: {
          tenantId: globex.id,
          type: "ENTERPRISE",
          name: "Globex 贸易有限公司",
          taxpayerId: "91110000600037341L",
          isDefault: true,
        },
      });
      await tx.mailingAddress.create({
        data: {
          tenantId: globex.id,
          recipient: "李强",
          phone: "13912345678",
          province: "北京市",
          city: "市辖区",
          district: "朝阳区",
          street: "建国路 1 号",
          postalCode: "100020",
          isDefault: true,
        },
      });

      for (const [key, consumedFen] of consumed) {
        const [tenantId = "", providerId = ""] = key.split("|");
        await tx.balance.create({ data: { tenantId, providerId, consumedFen } });
      }
      return true;
    },
    { timeout: 60_000 },
  );
}
