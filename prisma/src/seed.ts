import { hash } from "@node-rs/argon2";
import {
  bucketOf,
  chinaDate,
  dueDateFor,
  requestNumber,
  shippingPayerFor,
  type InvoiceStatus,
  type WorkCalendar,
} from "@mic/domain";
import type { PrismaClient } from "../generated/client/client";
import { CALENDAR_2027 } from "./calendar-2027";
import { addressSnapshotOf, titleSnapshotOf } from "./snapshots";

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

/** Seeds SPEC §10 into an empty database, once: an advisory lock and the empty check make a second run a no-op. */
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
          invoiceTypes: ["PAPER_VAT_GENERAL", "PAPER_VAT_SPECIAL", "ELECTRONIC_VAT_GENERAL"],
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
          { email: "support@market.test", name: "云市场客服", role: "SUPPORT", passwordHash },
        ],
      });
      const acmeAdmin = await tx.user.findUniqueOrThrow({ where: { email: "admin@acme.test" } });
      const globexAdmin = await tx.user.findUniqueOrThrow({ where: { email: "admin@globex.test" } });

      await tx.calendarDay.createMany({
        data: CALENDAR.map((d) => ({ date: new Date(`${d.date}T00:00:00Z`), kind: d.kind, name: d.name })),
      });
      const calendar: WorkCalendar = {
        holidays: new Set(CALENDAR.filter((d) => d.kind === "HOLIDAY").map((d) => d.date)),
        workdays: new Set(CALENDAR.filter((d) => d.kind === "WORKDAY").map((d) => d.date)),
      };

      const consumption: [string, string, string, string][] = [
        [acme.id, cloudsoft.id, "8800.00", "CS-2026-0901"],
        [acme.id, cloudsoft.id, "3200.00", "CS-2026-1008"],
        [acme.id, cloudsoft.id, "800.00", "CS-2026-1102"],
        [acme.id, datawise.id, "36.80", "DW-2026-1015"],
        [acme.id, netguard.id, "5000.00", "NG-2026-0820"],
        [globex.id, cloudsoft.id, "2000.00", "CS-2026-0930"],
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
      const balances = new Map<
        string,
        Record<"consumedFen" | "pendingFen" | "processingFen" | "mailingFen" | "issuedFen", bigint>
      >();
      const balanceOf = (tenantId: string, providerId: string) => {
        const key = `${tenantId}|${providerId}`;
        const b = balances.get(key) ?? {
          consumedFen: 0n,
          pendingFen: 0n,
          processingFen: 0n,
          mailingFen: 0n,
          issuedFen: 0n,
        };
        balances.set(key, b);
        return b;
      };
      for (const [tenantId, providerId, amount] of consumption)
        balanceOf(tenantId, providerId).consumedFen += yuan(amount);

      const acmeTitle = await tx.invoiceTitle.create({
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
      const acmeAddress = await tx.mailingAddress.create({
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
      const globexTitle = await tx.invoiceTitle.create({
        data: {
          tenantId: globex.id,
          type: "ENTERPRISE",
          name: "Globex 贸易有限公司",
          taxpayerId: "91110000600037341L",
          isDefault: true,
        },
      });
      const globexAddress = await tx.mailingAddress.create({
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

      const requests: {
        tenantId: string;
        providerId: string;
        amount: string;
        status: InvoiceStatus;
        daysAgo: number;
        by: string;
        title: typeof acmeTitle;
        address: typeof acmeAddress;
      }[] = [
        {
          tenantId: acme.id,
          providerId: netguard.id,
          amount: "1200.00",
          status: "PROCESSING",
          daysAgo: 20,
          by: acmeAdmin.id,
          title: acmeTitle,
          address: acmeAddress,
        },
        {
          tenantId: acme.id,
          providerId: netguard.id,
          amount: "800.00",
          status: "MAILING",
          daysAgo: 12,
          by: acmeAdmin.id,
          title: acmeTitle,
          address: acmeAddress,
        },
        {
          tenantId: acme.id,
          providerId: netguard.id,
          amount: "100.00",
          status: "CANCELLED",
          daysAgo: 9,
          by: acmeAdmin.id,
          title: acmeTitle,
          address: acmeAddress,
        },
        {
          tenantId: globex.id,
          providerId: datawise.id,
          amount: "120.00",
          status: "PENDING",
          daysAgo: 3,
          by: globexAdmin.id,
          title: globexTitle,
          address: globexAddress,
        },
      ];
      for (const r of requests) {
        const createdAt = new Date(Date.now() - r.daysAgo * 86_400_000);
        const amountFen = yuan(r.amount);
        const at = (status: InvoiceStatus) =>
          r.status === status ? new Date(createdAt.getTime() + 86_400_000) : null;
        // The day's next request number, as mic_apply_invoice takes it (SPEC §11).
        const chinaDay = chinaDate(createdAt);
        const [counter] = await tx.$queryRaw<{ last: number }[]>`
          INSERT INTO "RequestNumberDay" ("day", "last") VALUES (${chinaDay}::date, 1)
          ON CONFLICT ("day") DO UPDATE SET "last" = "RequestNumberDay"."last" + 1
          RETURNING "last"`;
        const request = await tx.invoiceRequest.create({
          data: {
            number: requestNumber(chinaDay, counter!.last),
            tenantId: r.tenantId,
            providerId: r.providerId,
            amountFen,
            invoiceType: "PAPER_VAT_GENERAL",
            status: r.status,
            titleSnapshot: titleSnapshotOf(r.title),
            addressSnapshot: addressSnapshotOf(r.address),
            shippingPayer: shippingPayerFor(amountFen),
            dueDate: new Date(`${dueDateFor(createdAt, calendar)}T00:00:00Z`),
            createdById: r.by,
            createdAt,
            processingAt:
              r.status === "MAILING" ? new Date(createdAt.getTime() + 3_600_000) : at("PROCESSING"),
            mailingAt: at("MAILING"),
            cancelledAt: at("CANCELLED"),
            ...(r.status === "MAILING"
              ? { invoiceNumber: "04403210", courier: "SF", trackingNumber: "SF1234567890123" }
              : {}),
          },
        });
        const bucket = bucketOf(r.status);
        if (bucket) balanceOf(r.tenantId, r.providerId)[bucket] += amountFen;
        await tx.auditEvent.create({
          data: {
            actorId: r.by,
            actorRole: "ENTERPRISE_ADMIN",
            tenantId: r.tenantId,
            action: "APPLY",
            entityType: "InvoiceRequest",
            entityId: request.id,
            toStatus: "PENDING",
            reason: "demo data",
            createdAt,
          },
        });
      }
      for (const [key, b] of balances) {
        const [tenantId = "", providerId = ""] = key.split("|");
        await tx.balance.create({ data: { tenantId, providerId, ...b } });
      }
      return true;
    },
    { timeout: 60_000 },
  );
}
