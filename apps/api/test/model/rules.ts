/**
 * A small in-memory model of SPEC §3–§5 and §8, written independently of packages/domain so the
 * two can disagree: per (tenant, provider) balances in integer fen, request states, tickets,
 * refunds, withdrawals and stored Idempotency-Keys. The model-based test (model.test.ts) predicts
 * every API answer from it and compares.
 */

export type Actor = "admin0" | "admin1" | "staff0" | "staff1" | "support";
export type Role = "ENTERPRISE_ADMIN" | "PROVIDER_STAFF" | "SUPPORT";
export type Status = "PENDING" | "PROCESSING" | "MAILING" | "VOIDED" | "CANCELLED" | "REJECTED";
export type TicketStatus = "OPEN" | "RESOLVED" | "REJECTED";

export const ACTORS: readonly Actor[] = ["admin0", "admin1", "staff0", "staff1", "support"];

export function roleOf(actor: Actor): Role {
  if (actor === "support") return "SUPPORT";
  return actor.startsWith("admin") ? "ENTERPRISE_ADMIN" : "PROVIDER_STAFF";
}

/** The tenant (admins) or provider (staff) index an actor belongs to. */
export const orgOf = (actor: Actor): number => (actor.endsWith("1") ? 1 : 0);

export interface Balance {
  consumed: bigint;
  refunded: bigint;
  pending: bigint;
  processing: bigint;
  mailing: bigint;
  withdrawn: bigint;
}

export interface Request {
  id: string;
  tenant: number;
  provider: number;
  amount: bigint;
  status: Status;
}

export interface Ticket {
  id: string;
  request: number;
  status: TicketStatus;
}

export interface StoredKey {
  hash: string;
  status: number;
  body: unknown;
}

export interface Model {
  /** Only (tenant, provider) pairs with consumption have a balance; key `${tenant}|${provider}`. */
  balances: Map<string, Balance>;
  requests: Request[];
  tickets: Ticket[];
  /** `${tenant}|${provider}|${reference}` of every recorded refund. */
  refundRefs: Set<string>;
  withdrawals: number;
  /** Audit events the successful calls must have written. */
  audits: number;
  /** Successful keyed calls, by `${actor}|${key}`: a failed call stores nothing (it rolls back). */
  keys: Map<string, StoredKey>;
  nextKey: number;
}

export const pairKey = (tenant: number, provider: number) => `${tenant}|${provider}`;

export function newModel(consumption: readonly (bigint | null)[]): Model {
  const balances = new Map<string, Balance>();
  consumption.forEach((fen, i) => {
    if (fen === null) return;
    const zero = { refunded: 0n, pending: 0n, processing: 0n, mailing: 0n, withdrawn: 0n };
    balances.set(pairKey(i >> 1, i & 1), { consumed: fen, ...zero });
  });
  return {
    balances,
    requests: [],
    tickets: [],
    refundRefs: new Set(),
    withdrawals: 0,
    audits: 0,
    keys: new Map(),
    nextKey: 0,
  };
}

export function cloneModel(m: Model): Model {
  return structuredClone(m);
}

// ---------------------------------------------------------------- the formula of SPEC §3

export const invoiced = (b: Balance) => b.pending + b.processing + b.mailing;
export const net = (b: Balance) => b.consumed - b.refunded;
export const invoiceable = (b: Balance) => (net(b) > invoiced(b) ? net(b) - invoiced(b) : 0n);
export const overInvoiced = (b: Balance) => (invoiced(b) > net(b) ? invoiced(b) - net(b) : 0n);
export const withdrawable = (b: Balance) => (overInvoiced(b) > 0n ? 0n : b.refunded - b.withdrawn);

export function fen(amount: string): bigint {
  const m = /^(\d+)\.(\d{2})$/.exec(amount);
  if (!m) throw new Error(`not an amount with two places: ${amount}`);
  return BigInt(m[1]!) * 100n + BigInt(m[2]!);
}

export function yuan(f: bigint): string {
  const abs = f < 0n ? -f : f;
  return `${f < 0n ? "-" : ""}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
}

/** What GET /api/invoiceable-amounts must show for one balance. */
export function amountsRow(b: Balance) {
  return {
    consumed: yuan(b.consumed),
    refunded: yuan(b.refunded),
    pending: yuan(b.pending),
    processing: yuan(b.processing),
    mailing: yuan(b.mailing),
    invoiced: yuan(invoiced(b)),
    invoiceable: yuan(invoiceable(b)),
    overInvoiced: yuan(overInvoiced(b)),
    withdrawn: yuan(b.withdrawn),
    withdrawable: yuan(withdrawable(b)),
  };
}

// ---------------------------------------------------------------- the state machine of SPEC §4

export type Action = "CANCEL" | "START_PROCESSING" | "SHIP" | "VOID" | "REJECT";

const MOVES: Record<Action, { from: Status[]; to: Status }> = {
  CANCEL: { from: ["PENDING"], to: "CANCELLED" },
  START_PROCESSING: { from: ["PENDING"], to: "PROCESSING" },
  SHIP: { from: ["PROCESSING"], to: "MAILING" },
  VOID: { from: ["MAILING"], to: "VOIDED" },
  // 驳回 (SPEC §13): the provider refuses a request it has not shipped; the amount returns.
  REJECT: { from: ["PENDING", "PROCESSING"], to: "REJECTED" },
};

type Bucket = "pending" | "processing" | "mailing";
const BUCKET: Record<Status, Bucket | null> = {
  PENDING: "pending",
  PROCESSING: "processing",
  MAILING: "mailing",
  VOIDED: null,
  CANCELLED: null,
  REJECTED: null,
};

/** Moves the request and its amount between buckets; null when the state forbids the action. */
export function transition(m: Model, index: number, action: Action): Status | null {
  const r = m.requests[index]!;
  const move = MOVES[action];
  if (!move.from.includes(r.status)) return null;
  const b = m.balances.get(pairKey(r.tenant, r.provider))!;
  const from = BUCKET[r.status];
  const to = BUCKET[move.to];
  if (from) b[from] -= r.amount;
  if (to) b[to] += r.amount;
  r.status = move.to;
  return move.to;
}

// ---------------------------------------------------------------- §5: postage

export const shippingPayer = (amount: bigint) => (amount >= 5000n ? "PROVIDER" : "RECIPIENT_COD");
