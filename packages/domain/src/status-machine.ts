export const INVOICE_STATUSES = ["PENDING", "PROCESSING", "MAILING", "VOIDED", "CANCELLED"] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export const ROLES = ["ENTERPRISE_ADMIN", "PROVIDER_STAFF", "SUPPORT"] as const;
export type Role = (typeof ROLES)[number];

export const INVOICE_ACTIONS = ["CANCEL", "START_PROCESSING", "SHIP", "VOID"] as const;
export type InvoiceAction = (typeof INVOICE_ACTIONS)[number];

export interface TransitionRule {
  readonly to: InvoiceStatus;
  readonly role: Role;
}

/**
 * The single source of truth for SPEC §4: the API enforces it and the UI derives its buttons from it,
 * so the two can never disagree. Anything absent from this table is refused.
 */
export const TRANSITIONS: Readonly<Record<InvoiceStatus, Partial<Record<InvoiceAction, TransitionRule>>>> =
  Object.freeze({
    PENDING: Object.freeze({
      CANCEL: Object.freeze({ to: "CANCELLED", role: "ENTERPRISE_ADMIN" }),
      START_PROCESSING: Object.freeze({ to: "PROCESSING", role: "PROVIDER_STAFF" }),
    }),
    PROCESSING: Object.freeze({
      SHIP: Object.freeze({ to: "MAILING", role: "PROVIDER_STAFF" }),
    }),
    MAILING: Object.freeze({
      VOID: Object.freeze({ to: "VOIDED", role: "SUPPORT" }),
    }),
    VOIDED: Object.freeze({}),
    CANCELLED: Object.freeze({}),
  });

export type TransitionCheck = { ok: true; to: InvoiceStatus } | { ok: false; reason: "STATE" | "ROLE" };

/** STATE maps to HTTP 409 and ROLE to 403 (SPEC §4); STATE wins so a wrong role never learns more. */
export function checkTransition(from: InvoiceStatus, action: InvoiceAction, role: Role): TransitionCheck {
  const rule = TRANSITIONS[from][action];
  if (rule === undefined) return { ok: false, reason: "STATE" };
  if (rule.role !== role) return { ok: false, reason: "ROLE" };
  return { ok: true, to: rule.to };
}

export class TransitionError extends Error {
  readonly reason: "STATE" | "ROLE";
  readonly from: InvoiceStatus;
  readonly action: InvoiceAction;
  readonly role: Role;

  constructor(reason: "STATE" | "ROLE", from: InvoiceStatus, action: InvoiceAction, role: Role) {
    // SPEC §4 asks for a message naming the current state.
    super(
      reason === "STATE"
        ? `Cannot ${action} an invoice request in state ${from}`
        : `Role ${role} may not ${action} an invoice request in state ${from}`,
    );
    this.name = "TransitionError";
    this.reason = reason;
    this.from = from;
    this.action = action;
    this.role = role;
  }
}

export function assertTransition(from: InvoiceStatus, action: InvoiceAction, role: Role): InvoiceStatus {
  const check = checkTransition(from, action, role);
  if (!check.ok) throw new TransitionError(check.reason, from, action, role);
  return check.to;
}

export function availableActions(status: InvoiceStatus, role: Role): InvoiceAction[] {
  return INVOICE_ACTIONS.filter((action) => checkTransition(status, action, role).ok);
}

export function isTerminal(status: InvoiceStatus): boolean {
  return status === "VOIDED" || status === "CANCELLED";
}

export function isInvoiceStatus(value: unknown): value is InvoiceStatus {
  return typeof value === "string" && (INVOICE_STATUSES as readonly string[]).includes(value);
}

export type BalanceBucket = "pendingFen" | "processingFen" | "mailingFen";

/** CANCELLED and VOIDED hold no bucket: that is how they give their amount back (SPEC §3). */
export function bucketOf(status: InvoiceStatus): BalanceBucket | null {
  switch (status) {
    case "PENDING":
      return "pendingFen";
    case "PROCESSING":
      return "processingFen";
    case "MAILING":
      return "mailingFen";
    case "VOIDED":
    case "CANCELLED":
      return null;
  }
}
