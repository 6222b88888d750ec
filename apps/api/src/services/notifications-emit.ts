import type {
  InvoiceRequest as RequestJson,
  NotificationType,
  ReturnRequest as ReturnJson,
} from "@mic/contracts";
import type { InvoiceAction } from "@mic/domain";
import { toJson } from "../lib/idempotency";
import type { Tx } from "../lib/tx";

/** Who is told in-app (and by e-mail): a tenant's admins, a provider's staff, support. */
export type Audience = "TENANT" | "PROVIDER" | "SUPPORT";

export interface EmitEvent {
  /** The webhook event type; `invoice_request.due_soon` is in-app only (no outbox row). */
  type: NotificationType;
  tenantId: string;
  providerId: string;
  requestId: string;
  audience: Audience[];
  /** What the notification's wording names (notifications-text.ts). */
  params: Record<string, unknown>;
  /** The webhook payload's `data`: the object as the API returns it; absent: no outbox event. */
  data?: unknown;
  /** An issued e-invoice: its files go by e-mail to this address (the request's 收票邮箱). */
  mailFilesTo?: string | null;
  at?: Date;
}

/**
 * Writes an event in the caller's transaction (SPEC §14): the notification rows with their mail
 * jobs, and, for a webhook event, the outbox row with one pending delivery per subscribed endpoint.
 * One statement (mic_emit, the same function mic_apply_invoice calls), so a rolled-back change
 * leaves nothing and a committed one is always delivered.
 */
export async function emit(tx: Tx, event: EmitEvent): Promise<void> {
  const { at, ...rest } = event;
  const json = toJson({ ...rest, ...(at ? { at: at.toISOString() } : {}) });
  await tx.$executeRaw`SELECT mic_emit(${json}::jsonb)`;
}

/** Each transition's event and who is told in-app: the other side of the change (SPEC §14). */
const TRANSITION_EVENTS: Record<InvoiceAction, { type: NotificationType; audience: Audience[] }> = {
  CANCEL: { type: "invoice_request.cancelled", audience: ["PROVIDER"] },
  START_PROCESSING: { type: "invoice_request.processing", audience: ["TENANT"] },
  SHIP: { type: "invoice_request.mailed", audience: ["TENANT"] },
  ISSUE: { type: "invoice_request.issued", audience: ["TENANT"] },
  REJECT: { type: "invoice_request.rejected", audience: ["TENANT"] },
  VOID: { type: "invoice_request.voided", audience: ["TENANT"] },
  // The sides of a return request (§13): its own return_request.decided notice tells the people
  // concerned, so the request's event goes to webhooks only.
  RETURN_CANCEL: { type: "invoice_request.cancelled", audience: [] },
  RED_LETTER_VOID: { type: "invoice_request.voided", audience: [] },
};

/** The parameters every request notice names: number, amount, the two parties. */
export function requestParams(r: RequestJson & { number?: string }) {
  return {
    number: r.number ?? "",
    amount: r.amount,
    tenantName: r.tenantName,
    providerName: r.providerName,
    dueDate: r.dueDate,
  };
}

/** The event of one committed transition of an invoice request (transitionInvoice calls this). */
export async function emitTransition(
  tx: Tx,
  action: InvoiceAction,
  request: RequestJson & { number?: string; email?: string | null },
  reason: string | null | undefined,
): Promise<void> {
  const { type, audience } = TRANSITION_EVENTS[action];
  await emit(tx, {
    type,
    tenantId: request.tenantId,
    providerId: request.providerId,
    requestId: request.id,
    audience,
    params: {
      ...requestParams(request),
      ...(reason ? { reason } : {}),
      ...(action === "SHIP" ? { courier: request.courier, trackingNumber: request.trackingNumber } : {}),
      ...(action === "ISSUE" ? { invoiceNumber: request.invoiceNumber } : {}),
    },
    data: request,
    mailFilesTo: action === "ISSUE" ? (request.email ?? null) : null,
  });
}

/**
 * A return request's event (§13): `created` tells the provider's staff; `decided` (approved,
 * declined, awaiting the buyer, confirmed, expired) tells whoever waits for it.
 */
export async function emitReturnEvent(
  tx: Tx,
  type: "return_request.created" | "return_request.decided",
  r: ReturnJson,
  audience: Audience[],
): Promise<void> {
  await emit(tx, {
    type,
    tenantId: r.tenantId,
    providerId: r.providerId,
    requestId: r.requestId,
    audience,
    params: {
      number: r.requestNumber,
      amount: r.amount,
      tenantName: r.tenantName,
      providerName: r.providerName,
      decision: r.status,
      reason: type === "return_request.created" ? r.reason : r.decisionReason,
    },
    data: r,
  });
}
