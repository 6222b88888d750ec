import { INVOICE_TYPES, type InvoiceType } from "./invoice-type";

export const INVOICE_STATUSES = [
  "PENDING",
  "PROCESSING",
  "MAILING",
  "ISSUED",
  "VOIDED",
  "CANCELLED",
  "REJECTED",
] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export const ROLES = ["ENTERPRISE_ADMIN", "PROVIDER_STAFF", "SUPPORT"] as const;
export type Role = (typeof ROLES)[number];

/** Paper invoices are mailed (SPEC §4); electronic ones (数电票, §12) are issued as files. */
export const INVOICE_KINDS = ["PAPER", "ELECTRONIC"] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];

const KIND_OF: Readonly<Record<InvoiceType, InvoiceKind>> = {
  PAPER_VAT_GENERAL: "PAPER",
  PAPER_VAT_SPECIAL: "PAPER",
  ELECTRONIC_VAT_GENERAL: "ELECTRONIC",
  ELECTRONIC_VAT_SPECIAL: "ELECTRONIC",
};

export function kindOf(invoiceType: InvoiceType): InvoiceKind {
  return KIND_OF[invoiceType];
}

export function invoiceTypesOf(kind: InvoiceKind): InvoiceType[] {
  return INVOICE_TYPES.filter((type) => KIND_OF[type] === kind);
}

/**
 * What may happen to an invoice request. RETURN_CANCEL and RED_LETTER_VOID are the request's side of
 * a return request (§13): approving one on a PROCESSING request cancels it, and the buyer's
 * confirmation of a red-letter reversal voids an ISSUED e-invoice.
 */
export const INVOICE_ACTIONS = [
  "CANCEL",
  "START_PROCESSING",
  "SHIP",
  "ISSUE",
  "REJECT",
  "VOID",
  "RETURN_CANCEL",
  "RED_LETTER_VOID",
] as const;
export type InvoiceAction = (typeof INVOICE_ACTIONS)[number];

export interface TransitionRule {
  readonly from: InvoiceStatus;
  readonly action: InvoiceAction;
  readonly to: InvoiceStatus;
  readonly role: Role;
  readonly kinds: readonly InvoiceKind[];
}

const BOTH: readonly InvoiceKind[] = INVOICE_KINDS;
const rule = (
  from: InvoiceStatus,
  action: InvoiceAction,
  to: InvoiceStatus,
  role: Role,
  kinds: readonly InvoiceKind[] = BOTH,
): TransitionRule => Object.freeze({ from, action, to, role, kinds });

/**
 * SPEC §4 as one table: the API enforces it and the UI derives its buttons, progress bar and
 * timeline from it, so they can never disagree. Anything absent from this table is refused.
 */
export const TRANSITION_TABLE: readonly TransitionRule[] = Object.freeze([
  rule("PENDING", "CANCEL", "CANCELLED", "ENTERPRISE_ADMIN"),
  rule("PENDING", "START_PROCESSING", "PROCESSING", "PROVIDER_STAFF"),
  rule("PENDING", "REJECT", "REJECTED", "PROVIDER_STAFF"),
  rule("PROCESSING", "SHIP", "MAILING", "PROVIDER_STAFF", ["PAPER"]),
  rule("PROCESSING", "ISSUE", "ISSUED", "PROVIDER_STAFF", ["ELECTRONIC"]),
  rule("PROCESSING", "REJECT", "REJECTED", "PROVIDER_STAFF"),
  rule("PROCESSING", "RETURN_CANCEL", "CANCELLED", "PROVIDER_STAFF"),
  rule("MAILING", "VOID", "VOIDED", "SUPPORT", ["PAPER"]),
  rule("ISSUED", "RED_LETTER_VOID", "VOIDED", "ENTERPRISE_ADMIN", ["ELECTRONIC"]),
]);

export function ruleFor(
  from: InvoiceStatus,
  action: InvoiceAction,
  kind: InvoiceKind,
): TransitionRule | undefined {
  return TRANSITION_TABLE.find((r) => r.from === from && r.action === action && r.kinds.includes(kind));
}

export type TransitionCheck = { ok: true; to: InvoiceStatus } | { ok: false; reason: "STATE" | "ROLE" };

/** STATE maps to HTTP 409 and ROLE to 403 (SPEC §4); STATE wins so a wrong role never learns more. */
export function checkTransition(
  from: InvoiceStatus,
  action: InvoiceAction,
  role: Role,
  kind: InvoiceKind,
): TransitionCheck {
  const found = ruleFor(from, action, kind);
  if (found === undefined) return { ok: false, reason: "STATE" };
  if (found.role !== role) return { ok: false, reason: "ROLE" };
  return { ok: true, to: found.to };
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

export function assertTransition(
  from: InvoiceStatus,
  action: InvoiceAction,
  role: Role,
  kind: InvoiceKind,
): InvoiceStatus {
  const check = checkTransition(from, action, role, kind);
  if (!check.ok) throw new TransitionError(check.reason, from, action, role);
  return check.to;
}

/**
 * The buttons a role sees on a request. RETURN_CANCEL and RED_LETTER_VOID are not buttons of their
 * own: they happen through a return request's decision (§13).
 */
export function availableActions(status: InvoiceStatus, role: Role, kind: InvoiceKind): InvoiceAction[] {
  return INVOICE_ACTIONS.filter(
    (action) =>
      action !== "RETURN_CANCEL" &&
      action !== "RED_LETTER_VOID" &&
      checkTransition(status, action, role, kind).ok,
  );
}

/** CANCELLED, REJECTED and VOIDED are final and give the amount back (SPEC §3, §4). */
export function isTerminal(status: InvoiceStatus): boolean {
  return status === "VOIDED" || status === "CANCELLED" || status === "REJECTED";
}

export function isInvoiceStatus(value: unknown): value is InvoiceStatus {
  return typeof value === "string" && (INVOICE_STATUSES as readonly string[]).includes(value);
}

/**
 * The happy path of one kind, for the progress bar: paper is mailed, electronic is issued.
 * Derived from the table by following the first forward transition of each kind.
 */
export function progressPath(kind: InvoiceKind): InvoiceStatus[] {
  const path: InvoiceStatus[] = ["PENDING"];
  for (const action of ["START_PROCESSING", "SHIP", "ISSUE"] as const) {
    const next = ruleFor(path[path.length - 1]!, action, kind);
    if (next) path.push(next.to);
  }
  return path;
}

export type ProgressStep = "done" | "current" | "waiting";

/**
 * Each step of `progressPath(kind)` for a request in `status`: done, current or still waiting. A
 * request that left the path (cancelled, rejected, voided) keeps the steps it reached as done.
 * `reached` is the furthest status on the path it got to (its timeline tells; default: PENDING).
 */
export function progressOf(
  status: InvoiceStatus,
  kind: InvoiceKind,
  reached: InvoiceStatus = "PENDING",
): ProgressStep[] {
  const path = progressPath(kind);
  const at = path.indexOf(status);
  if (at >= 0) return path.map((_, i) => (i < at ? "done" : i === at ? "current" : "waiting"));
  const last = Math.max(0, path.indexOf(reached));
  return path.map((_, i) => (i <= last ? "done" : "waiting"));
}

export type BalanceBucket = "pendingFen" | "processingFen" | "mailingFen" | "issuedFen";

/** CANCELLED, REJECTED and VOIDED hold no bucket: that is how they give their amount back (SPEC §3). */
export function bucketOf(status: InvoiceStatus): BalanceBucket | null {
  switch (status) {
    case "PENDING":
      return "pendingFen";
    case "PROCESSING":
      return "processingFen";
    case "MAILING":
      return "mailingFen";
    case "ISSUED":
      return "issuedFen";
    case "VOIDED":
    case "CANCELLED":
    case "REJECTED":
      return null;
  }
}

// ── Return requests (退票申请, SPEC §13) ────────────────────────────────────────────────────────

export const RETURN_REQUEST_STATUSES = [
  "OPEN",
  "APPROVED",
  "DECLINED",
  "AWAITING_BUYER",
  "CONFIRMED",
  "EXPIRED",
] as const;
export type ReturnRequestStatus = (typeof RETURN_REQUEST_STATUSES)[number];

export const RETURN_ACTIONS = ["APPROVE", "DECLINE", "CONFIRM", "EXPIRE"] as const;
export type ReturnAction = (typeof RETURN_ACTIONS)[number];

/** Who opens a return request, and on which request states (§13). */
export const RETURNABLE_STATUSES: readonly InvoiceStatus[] = Object.freeze([
  "PROCESSING",
  "MAILING",
  "ISSUED",
]);
export const RETURN_OPENER: Role = "ENTERPRISE_ADMIN";

export interface ReturnRule {
  readonly from: ReturnRequestStatus;
  readonly action: ReturnAction;
  /** The request's state the rule applies to. */
  readonly requestStatus: InvoiceStatus;
  readonly to: ReturnRequestStatus;
  /** null: the system (the expiry job), never a person. */
  readonly role: Role | null;
  /** What the decision does to the invoice request, if anything. */
  readonly requestAction: InvoiceAction | null;
}

const returnRule = (
  from: ReturnRequestStatus,
  action: ReturnAction,
  requestStatus: InvoiceStatus,
  to: ReturnRequestStatus,
  role: Role | null,
  requestAction: InvoiceAction | null = null,
): ReturnRule => Object.freeze({ from, action, requestStatus, to, role, requestAction });

/**
 * SPEC §13 as one table. Approving on PROCESSING cancels the request at once; on MAILING it lets
 * the void ticket go on; on ISSUED it starts the red-letter reversal, which the buyer confirms
 * (ISSUED → VOIDED) or which expires after 72 hours (the request stays ISSUED).
 */
export const RETURN_TABLE: readonly ReturnRule[] = Object.freeze([
  ...RETURNABLE_STATUSES.map((s) => returnRule("OPEN", "DECLINE", s, "DECLINED", "PROVIDER_STAFF")),
  returnRule("OPEN", "APPROVE", "PROCESSING", "APPROVED", "PROVIDER_STAFF", "RETURN_CANCEL"),
  returnRule("OPEN", "APPROVE", "MAILING", "APPROVED", "PROVIDER_STAFF"),
  returnRule("OPEN", "APPROVE", "ISSUED", "AWAITING_BUYER", "PROVIDER_STAFF"),
  returnRule("AWAITING_BUYER", "CONFIRM", "ISSUED", "CONFIRMED", "ENTERPRISE_ADMIN", "RED_LETTER_VOID"),
  returnRule("AWAITING_BUYER", "EXPIRE", "ISSUED", "EXPIRED", null),
]);

/** How long the buyer has to confirm a red-letter reversal (§13). */
export const RED_LETTER_CONFIRM_HOURS = 72;

/** A return request still waiting for someone: at most one per invoice request. */
export function isReturnActive(status: ReturnRequestStatus): boolean {
  return status === "OPEN" || status === "AWAITING_BUYER";
}

export type ReturnCheck = { ok: true; rule: ReturnRule } | { ok: false; reason: "STATE" | "ROLE" };

/** `role` null is the system. STATE (409) wins over ROLE (403), as for requests. */
export function checkReturnAction(
  from: ReturnRequestStatus,
  action: ReturnAction,
  requestStatus: InvoiceStatus,
  role: Role | null,
): ReturnCheck {
  const found = RETURN_TABLE.find(
    (r) => r.from === from && r.action === action && r.requestStatus === requestStatus,
  );
  if (found === undefined) return { ok: false, reason: "STATE" };
  if (found.role !== role) return { ok: false, reason: "ROLE" };
  return { ok: true, rule: found };
}

export function canOpenReturn(requestStatus: InvoiceStatus, role: Role): boolean {
  return role === RETURN_OPENER && RETURNABLE_STATUSES.includes(requestStatus);
}

export function availableReturnActions(
  status: ReturnRequestStatus,
  requestStatus: InvoiceStatus,
  role: Role,
): ReturnAction[] {
  return RETURN_ACTIONS.filter((action) => checkReturnAction(status, action, requestStatus, role).ok);
}
