import { createHash } from "node:crypto";
import { courierOf, type ApplyInvoiceInput } from "@mic/contracts";
import { chinaDate, type InvoiceType } from "@mic/domain";
import { seedDemoData, type Db } from "@mic/db";
import type { Actor } from "../lib/audit";
import { inTransaction } from "../lib/tx";
import { applyForInvoice } from "../services/apply-for-invoice";
import { attachFile } from "../services/invoice-files";
import { issueInvoice } from "../services/issue-invoice";
import { rejectInvoice } from "../services/reject-invoice";
import { decideReturnRequest, openReturnRequest } from "../services/return-requests";
import { transitionInvoice } from "../services/transition-invoice";
import { demoInvoicePdf } from "./demo-pdf";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Person = Actor & { tenantId: string | null; providerId: string | null; tenantName: string | null };

/** What one demo request goes through, each step at its own time before the seeding moment. */
interface Story {
  tenant: "acme" | "globex";
  provider: "CloudSoft" | "DataWise" | "NetGuard";
  amount: string;
  type?: InvoiceType;
  appliedDaysAgo: number;
  steps: Step[];
}
type Step =
  | { do: "start" | "cancel"; hoursLater: number }
  | { do: "ship"; hoursLater: number; invoiceNumber: string; courier: string; trackingNumber: string }
  | { do: "issue"; hoursLater: number; invoiceNumber: string }
  | { do: "reject"; hoursLater: number; reason: string }
  | { do: "returnRequest"; hoursLater: number; reason: string }
  | { do: "approve"; hoursLater: number; redLetterNumber?: string };

/**
 * The demo requests of SPEC §10 and issue 9, one of each state the console shows: PENDING,
 * PROCESSING (an overdue paper one; an electronic one to issue), MAILING, CANCELLED, ISSUED with
 * its PDF and XML, REJECTED, and return requests OPEN, APPROVED (on a MAILING request) and
 * AWAITING_BUYER (a red-letter reversal). Acme keeps 12,800.00 invoiceable at CloudSoft and 36.80
 * at DataWise; Globex keeps 2,000.00 at CloudSoft (the base seed's consumption covers the rest).
 */
const STORIES: Story[] = [
  {
    tenant: "acme",
    provider: "NetGuard",
    amount: "1200.00",
    appliedDaysAgo: 20,
    steps: [{ do: "start", hoursLater: 26 }],
  },
  {
    tenant: "acme",
    provider: "NetGuard",
    amount: "800.00",
    appliedDaysAgo: 12,
    steps: [
      { do: "start", hoursLater: 1 },
      {
        do: "ship",
        hoursLater: 24,
        invoiceNumber: "04403210",
        courier: "SF",
        trackingNumber: "SF1234567890123",
      },
    ],
  },
  {
    tenant: "acme",
    provider: "NetGuard",
    amount: "100.00",
    appliedDaysAgo: 9,
    steps: [{ do: "cancel", hoursLater: 2 }],
  },
  { tenant: "globex", provider: "DataWise", amount: "120.00", appliedDaysAgo: 3, steps: [] },
  {
    tenant: "globex",
    provider: "CloudSoft",
    amount: "1000.00",
    type: "ELECTRONIC_VAT_GENERAL",
    appliedDaysAgo: 15,
    steps: [
      { do: "start", hoursLater: 20 },
      { do: "issue", hoursLater: 44, invoiceNumber: "26352000000000012345" },
    ],
  },
  {
    tenant: "globex",
    provider: "CloudSoft",
    amount: "300.00",
    appliedDaysAgo: 10,
    steps: [{ do: "reject", hoursLater: 22, reason: "抬头名称与税务登记不一致，请核对发票抬头后重新申请" }],
  },
  {
    tenant: "globex",
    provider: "CloudSoft",
    amount: "600.00",
    type: "ELECTRONIC_VAT_GENERAL",
    appliedDaysAgo: 8,
    steps: [
      { do: "start", hoursLater: 1 },
      { do: "issue", hoursLater: 26, invoiceNumber: "26352000000000012388" },
      { do: "returnRequest", hoursLater: 6 * 24, reason: "发票抬头的纳税人识别号填错，需红冲后重开" },
      { do: "approve", hoursLater: 7 * 24 - 2, redLetterNumber: "44031126120000001234" },
    ],
  },
  {
    tenant: "globex",
    provider: "CloudSoft",
    amount: "450.00",
    type: "ELECTRONIC_VAT_GENERAL",
    appliedDaysAgo: 6,
    steps: [
      { do: "start", hoursLater: 2 },
      { do: "issue", hoursLater: 24, invoiceNumber: "26352000000000012401" },
      { do: "returnRequest", hoursLater: 6 * 24 - 4, reason: "该笔服务已整体退订，申请退票" },
    ],
  },
  {
    tenant: "globex",
    provider: "CloudSoft",
    amount: "400.00",
    appliedDaysAgo: 6,
    steps: [
      { do: "start", hoursLater: 3 },
      {
        do: "ship",
        hoursLater: 26,
        invoiceNumber: "04403377",
        courier: "顺丰速运",
        trackingNumber: "SF2026112900017",
      },
      { do: "returnRequest", hoursLater: 3 * 24, reason: "收件信息有误，发票需退回重开" },
      { do: "approve", hoursLater: 4 * 24 },
    ],
  },
  {
    tenant: "globex",
    provider: "CloudSoft",
    amount: "700.00",
    type: "ELECTRONIC_VAT_GENERAL",
    appliedDaysAgo: 2,
    steps: [{ do: "start", hoursLater: 20 }],
  },
];

async function people(db: Db): Promise<Record<string, Person>> {
  const users = await db.user.findMany({ include: { tenant: true } });
  return Object.fromEntries(
    users.map((u) => [
      u.email,
      {
        id: u.id,
        role: u.role,
        tenantId: u.tenantId,
        providerId: u.providerId,
        tenantName: u.tenant?.name ?? null,
      },
    ]),
  );
}

const sha256 = (content: Buffer) => createHash("sha256").update(content).digest("hex");

/**
 * Plays STORIES through the services, each step at its time in the past, so every demo request
 * has the balance, files, return requests, audit timeline (and notifications) that the console
 * would have produced.
 */
export async function playDemoStories(db: Db, seededAt = new Date()): Promise<void> {
  const who = await people(db);
  const providers = await db.provider.findMany();
  const providerId = (name: string) => providers.find((p) => p.name.startsWith(name))!.id;
  const staffOf: Record<Story["provider"], string> = {
    CloudSoft: "staff@cloudsoft.test",
    DataWise: "staff@datawise.test",
    NetGuard: "staff@netguard.test",
  };
  for (const story of STORIES) {
    const admin = who[`admin@${story.tenant}.test`]!;
    const tenantId = admin.tenantId!;
    const provider = providerId(story.provider);
    const staff = who[staffOf[story.provider]]!;
    const [title, address] = await Promise.all([
      db.invoiceTitle.findFirstOrThrow({ where: { tenantId, isDefault: true } }),
      db.mailingAddress.findFirstOrThrow({ where: { tenantId, isDefault: true } }),
    ]);
    const type = story.type ?? "PAPER_VAT_GENERAL";
    let at = new Date(seededAt.getTime() - story.appliedDaysAgo * DAY);
    const applied = await applyForInvoice(
      db,
      { id: admin.id, role: admin.role, tenantName: admin.tenantName },
      tenantId,
      {
        providerId: provider,
        amount: story.amount,
        invoiceType: type,
        titleId: title.id,
        ...(type.startsWith("PAPER")
          ? { addressId: address.id, email: undefined }
          : { addressId: undefined, email: `finance@${story.tenant}.test` }),
      } satisfies ApplyInvoiceInput,
      undefined,
      at,
    );
    const requestId = (applied.body as { id: string; number: string }).id;
    const number = (applied.body as { number: string }).number;
    let returnRequestId = "";
    for (const step of story.steps) {
      at = new Date(at.getTime() + step.hoursLater * HOUR);
      const now = at;
      await inTransaction(db, async (tx) => {
        switch (step.do) {
          case "start":
          case "cancel":
            await transitionInvoice(tx, {
              actor: step.do === "start" ? staff : admin,
              requestId,
              action: step.do === "start" ? "START_PROCESSING" : "CANCEL",
              scope: {},
              now,
            });
            return;
          case "ship":
            await transitionInvoice(tx, {
              actor: staff,
              requestId,
              action: "SHIP",
              scope: {},
              data: {
                invoiceNumber: step.invoiceNumber,
                courier: courierOf(step.courier).name,
                trackingNumber: step.trackingNumber,
              },
              now,
            });
            return;
          case "issue": {
            const pdf = demoInvoicePdf([
              "Fully digital VAT invoice (demo)",
              `Invoice number: ${step.invoiceNumber}`,
              `Request: ${number}`,
              `Amount (CNY): ${story.amount}`,
              `Issued on: ${chinaDate(now)}`,
            ]);
            const xml = Buffer.from(
              `<?xml version="1.0" encoding="UTF-8"?>\n<EInvoice><InvoiceNumber>${step.invoiceNumber}</InvoiceNumber>` +
                `<RequestNumber>${number}</RequestNumber><TotalAmount>${story.amount}</TotalAmount>` +
                `<IssueDate>${chinaDate(now)}</IssueDate></EInvoice>\n`,
            );
            const files = [];
            for (const [content, name, contentType] of [
              [pdf, `数电发票_${step.invoiceNumber}.pdf`, "application/pdf"],
              [xml, `数电发票_${step.invoiceNumber}.xml`, "application/xml"],
            ] as const) {
              const file = { name, contentType, content, sha256: sha256(content) };
              files.push(await attachFile(tx, { actor: staff, requestId, providerId: provider, file, now }));
            }
            await issueInvoice(tx, {
              actor: staff,
              requestId,
              providerId: provider,
              input: {
                invoiceNumber: step.invoiceNumber,
                issuedOn: chinaDate(now),
                fileIds: files.map((f) => f.id),
              },
              now,
            });
            return;
          }
          case "reject":
            await rejectInvoice(tx, {
              actor: staff,
              requestId,
              providerId: provider,
              reason: step.reason,
              now,
            });
            return;
          case "returnRequest":
            returnRequestId = (
              await openReturnRequest(tx, { actor: admin, tenantId, requestId, reason: step.reason, now })
            ).id;
            return;
          case "approve":
            await decideReturnRequest(tx, {
              actor: staff,
              returnRequestId,
              action: "APPROVE",
              scope: { providerId: provider },
              redLetterNumber: step.redLetterNumber,
              now,
            });
            return;
        }
      });
    }
  }
}

/**
 * The demo data on a first start (SPEC §10): the base seed of @mic/db once (an advisory lock lets
 * one process of several do it), then, in that process only, the demo requests. Returns whether
 * this call seeded. A crash between the two leaves the accounts without demo requests; the
 * console works on, only emptier.
 */
export async function seedDemo(db: Db): Promise<boolean> {
  if (!(await seedDemoData(db))) return false;
  await playDemoStories(db);
  return true;
}
