import { checkTransition, kindOf } from "@mic/domain";
import type { Actor } from "../lib/audit";
import { notFound } from "../lib/errors";
import { isUuid } from "../lib/pagination";
import { returnSummaryJson } from "../lib/serialize";
import type { Tx } from "../lib/tx";
import { grantOpenReturn } from "./return-requests";
import { lockRequest, refusal, transitionInvoice } from "./transition-invoice";

interface RejectOptions {
  actor: Actor;
  requestId: string;
  providerId: string;
  reason: string;
  now?: Date;
}

/**
 * 驳回 (SPEC §13): PENDING or PROCESSING → REJECTED with the reason the tenant reads; the amount
 * returns. A return request the tenant opened on it is granted with the rejection (nothing will be
 * issued), so none is left open on a closed request.
 */
export async function rejectInvoice(tx: Tx, o: RejectOptions) {
  if (!isUuid(o.requestId)) throw notFound();
  await lockRequest(tx, o.requestId);
  const current = await tx.invoiceRequest.findFirst({ where: { id: o.requestId, providerId: o.providerId } });
  if (!current) throw notFound();
  const check = checkTransition(current.status, "REJECT", o.actor.role, kindOf(current.invoiceType));
  if (!check.ok) throw refusal(check.reason, current.status, "REJECT");
  const now = o.now ?? new Date();
  const rejected = await transitionInvoice(tx, {
    actor: o.actor,
    requestId: current.id,
    action: "REJECT",
    scope: { providerId: o.providerId },
    data: { rejectReason: o.reason },
    reason: o.reason,
    now,
  });
  const granted = await grantOpenReturn(tx, {
    actor: o.actor,
    requestId: current.id,
    tenantId: current.tenantId,
    reason: o.reason,
    now,
  });
  return granted ? { ...rejected, returnRequest: returnSummaryJson(granted) } : rejected;
}
