import type { ApplyInvoiceInput, InvoiceQuote } from "@mic/contracts";
import {
  computeInvoiceable,
  dueDateFor,
  formatAmount,
  missingTitleFields,
  parseAmount,
  shippingPayerFor,
  titleTypeAllowed,
} from "@mic/domain";
import { audit, type Actor } from "../lib/audit";
import { loadCalendar } from "../lib/calendar";
import { AppError } from "../lib/errors";
import { isUuid } from "../lib/pagination";
import { addressSnapshotOf, titleSnapshotOf, type Db, type Tenant } from "@mic/db";
import { requestJson } from "../lib/serialize";
import type { Tx } from "../lib/tx";
import { reservePending } from "./balances";

const missing = (field: string) => new AppError("NOT_FOUND", "notFound", { fields: { [field]: "notFound" } });

/** Everything an application is checked against, short of the amount; shared by quote and apply. */
async function prepare(db: Db | Tx, tenantId: string, input: ApplyInvoiceInput, now: Date) {
  // Sequential on purpose: inside a transaction they share one connection.
  const provider = isUuid(input.providerId)
    ? await db.provider.findUnique({ where: { id: input.providerId } })
    : null;
  const title = await db.invoiceTitle.findFirst({ where: { id: input.titleId, tenantId } });
  const address = await db.mailingAddress.findFirst({ where: { id: input.addressId, tenantId } });
  const balance = await db.balance.findUnique({
    where: { tenantId_providerId: { tenantId, providerId: input.providerId } },
  });
  if (!provider || !balance) throw missing("providerId");
  if (!title) throw missing("titleId");
  if (!address) throw missing("addressId");
  if (!provider.invoiceTypes.includes(input.invoiceType)) {
    throw new AppError("VALIDATION", "validation", { fields: { invoiceType: "invoiceType.unsupported" } });
  }
  if (!titleTypeAllowed(title.type, input.invoiceType)) {
    throw new AppError("VALIDATION", "validation", { fields: { titleId: "specialInvoice.individual" } });
  }
  const lacking = missingTitleFields(title, input.invoiceType);
  if (lacking.length > 0) {
    const names = lacking.map((f) => `field.${f}`);
    throw new AppError("VALIDATION", "validation", {
      fields: { titleId: `specialInvoice.missing:${names.join(",")}` },
    });
  }
  const amountFen = parseAmount(input.amount)!;
  const dueDate = dueDateFor(now, await loadCalendar(db, now));
  return {
    provider,
    title,
    address,
    balance,
    amountFen,
    dueDate,
    shippingPayer: shippingPayerFor(amountFen),
  };
}

function amountConflict(balance: Parameters<typeof computeInvoiceable>[0]) {
  const f = computeInvoiceable(balance);
  if (f.overInvoicedFen > 0n)
    return new AppError("CONFLICT", "amount.overInvoiced", { args: [formatAmount(f.overInvoicedFen)] });
  return new AppError("CONFLICT", "amount.overInvoiceable", { args: [formatAmount(f.invoiceableFen)] });
}

/** The confirm page (确认开票信息): the checks of applying, and what would be stored, without storing it. */
export async function quoteInvoice(
  db: Db,
  tenantId: string,
  input: ApplyInvoiceInput,
): Promise<InvoiceQuote> {
  const p = await prepare(db, tenantId, input, new Date());
  if (p.amountFen > computeInvoiceable(p.balance).invoiceableFen) throw amountConflict(p.balance);
  return {
    providerId: p.provider.id,
    providerName: p.provider.name,
    amount: formatAmount(p.amountFen),
    invoiceType: input.invoiceType,
    title: titleSnapshotOf(p.title),
    address: addressSnapshotOf(p.address),
    shippingPayer: p.shippingPayer,
    dueDate: p.dueDate,
  };
}

/** Creates a PENDING request, reserving its amount in the same transaction (SPEC §3). */
export async function applyForInvoice(
  tx: Tx,
  actor: Actor & { tenantName: string | null },
  tenantId: string,
  input: ApplyInvoiceInput,
) {
  const now = new Date();
  const p = await prepare(tx, tenantId, input, now);
  const request = await tx.invoiceRequest.create({
    data: {
      tenantId,
      providerId: p.provider.id,
      amountFen: p.amountFen,
      invoiceType: input.invoiceType,
      status: "PENDING",
      titleSnapshot: titleSnapshotOf(p.title),
      addressSnapshot: addressSnapshotOf(p.address),
      shippingPayer: p.shippingPayer,
      dueDate: new Date(`${p.dueDate}T00:00:00Z`),
      createdById: actor.id,
      createdAt: now,
    },
  });
  await audit(tx, {
    actor,
    tenantId,
    action: "APPLY",
    entityType: "InvoiceRequest",
    entityId: request.id,
    toStatus: "PENDING",
    after: {
      amount: formatAmount(p.amountFen),
      invoiceType: input.invoiceType,
      titleId: p.title.id,
      addressId: p.address.id,
    },
  });
  // Reserve last: the balance row's lock is then held only until commit, so applications at one
  // provider queue on it as briefly as possible. A refusal rolls back the request and its audit.
  if (!(await reservePending(tx, tenantId, p.provider.id, p.amountFen))) {
    const fresh = await tx.balance.findUniqueOrThrow({
      where: { tenantId_providerId: { tenantId, providerId: p.provider.id } },
    });
    throw amountConflict(fresh);
  }
  // The provider was read above and the tenant's name came with the session: no reads to shape the reply.
  return requestJson(
    { ...request, provider: p.provider, tenant: { id: tenantId, name: actor.tenantName ?? "" } as Tenant },
    now,
  );
}
