// What the clients have seen: the requests and tickets they know of (with the latest state any
// answer showed), every success they were told of, and every Idempotency-Key they sent. The
// audits hold the database to it.
import type { OpKind } from "./stats";

export const REQUEST_STATUSES = [
  "PENDING",
  "PROCESSING",
  "MAILING",
  "ISSUED",
  "VOIDED",
  "CANCELLED",
  "REJECTED",
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export type TicketStatus = "OPEN" | "RESOLVED" | "REJECTED";
export type ReturnStatus = "OPEN" | "APPROVED" | "DECLINED" | "AWAITING_BUYER" | "CONFIRMED" | "EXPIRED";
export type Kind = "PAPER" | "ELECTRONIC";

/**
 * SPEC §4 and §13 as far as the harness drives them: cancel, reject (驳回), a return request's
 * approval on PROCESSING (→ CANCELLED) and the red-letter reversal of an ISSUED e-invoice (→ VOIDED).
 */
const NEXT: Record<RequestStatus, RequestStatus[]> = {
  PENDING: ["PROCESSING", "CANCELLED", "REJECTED"],
  PROCESSING: ["MAILING", "ISSUED", "CANCELLED", "REJECTED"],
  MAILING: ["VOIDED"],
  ISSUED: ["VOIDED"],
  VOIDED: [],
  CANCELLED: [],
  REJECTED: [],
};

/** True when `to` is `from` or comes after it. */
export function reachable(from: RequestStatus, to: RequestStatus): boolean {
  if (from === to) return true;
  return NEXT[from].some((n) => reachable(n, to));
}

const RETURN_NEXT: Record<ReturnStatus, ReturnStatus[]> = {
  OPEN: ["APPROVED", "DECLINED", "AWAITING_BUYER"],
  AWAITING_BUYER: ["CONFIRMED", "EXPIRED"],
  APPROVED: [],
  DECLINED: [],
  CONFIRMED: [],
  EXPIRED: [],
};

export function returnReachable(from: ReturnStatus, to: ReturnStatus): boolean {
  if (from === to) return true;
  return RETURN_NEXT[from].some((n) => returnReachable(n, to));
}

export const ticketReachable = (from: TicketStatus, to: TicketStatus) => from === to || from === "OPEN";

/** A set with O(1) add, delete and random pick. */
class Bag {
  private items: string[] = [];
  private index = new Map<string, number>();
  add(id: string) {
    if (this.index.has(id)) return;
    this.index.set(id, this.items.length);
    this.items.push(id);
  }
  delete(id: string) {
    const i = this.index.get(id);
    if (i === undefined) return;
    const last = this.items.pop()!;
    if (last !== id) {
      this.items[i] = last;
      this.index.set(last, i);
    }
    this.index.delete(id);
  }
  random(): string | undefined {
    return this.items[Math.floor(Math.random() * this.items.length)];
  }
  get size() {
    return this.items.length;
  }
}

export interface KnownRequest {
  id: string;
  tenantId: string;
  providerId: string;
  status: RequestStatus;
  kind: Kind;
}

export interface KnownReturn {
  id: string;
  requestId: string;
  tenantId: string;
  providerId: string;
  status: ReturnStatus;
}

export interface KnownTicket {
  id: string;
  requestId: string;
  status: TicketStatus;
}

/** A success a client was told of; `seq` orders it against audit snapshots. */
export type Success =
  | {
      kind: "request";
      id: string;
      status: RequestStatus;
      tenantId?: string;
      providerId?: string;
      amountFen?: number;
    }
  | { kind: "shipment"; id: string; invoiceNumber: string; trackingNumber: string }
  | { kind: "ticket"; id: string; requestId: string; status: TicketStatus }
  | { kind: "return"; id: string; requestId: string; status: ReturnStatus }
  | { kind: "refund"; id: string; tenantId: string; providerId: string; amountFen: number; reference: string }
  | { kind: "withdrawal"; id: string; tenantId: string; providerId: string; amountFen: number };

export class Registry {
  readonly requests = new Map<string, KnownRequest>();
  readonly tickets = new Map<string, KnownTicket>();
  readonly returns = new Map<string, KnownReturn>();
  /** Requests with a return request known to be OPEN or AWAITING_BUYER. */
  private readonly returnActiveFor = new Set<string>();
  private readonly bags = new Map<string, Bag>();
  /** Requests with a ticket known to be open. */
  private readonly ticketOpenFor = new Set<string>();
  readonly successes: Success[] = [];
  /** Every Idempotency-Key sent, with the operation it was sent for. */
  readonly keys = new Map<string, OpKind>();
  private keySeq = 0;

  constructor(
    private readonly runTag: string,
    private readonly tenantIds: Set<string>,
  ) {}

  newKey(op: OpKind): string {
    const key = `chaos-${this.runTag}-${op}-${++this.keySeq}`;
    this.keys.set(key, op);
    return key;
  }

  private bag(key: string): Bag {
    let b = this.bags.get(key);
    if (!b) {
      b = new Bag();
      this.bags.set(key, b);
    }
    return b;
  }

  private file(r: KnownRequest, add: boolean) {
    for (const key of [
      `${r.status}|t|${r.tenantId}`,
      `${r.status}|p|${r.providerId}`,
      `${r.status}|${r.kind}|p|${r.providerId}`,
    ]) {
      if (add) this.bag(key).add(r.id);
      else this.bag(key).delete(r.id);
    }
  }

  /**
   * Records a request as an answer showed it. States only move forward, so an older answer (a
   * replayed idempotent response) never takes a request back.
   */
  seeRequest(r: KnownRequest): void {
    if (!this.tenantIds.has(r.tenantId)) return;
    const known = this.requests.get(r.id);
    if (!known) {
      const fresh = { ...r };
      this.requests.set(r.id, fresh);
      this.file(fresh, true);
      return;
    }
    if (known.status === r.status || !reachable(known.status, r.status)) return;
    this.file(known, false);
    known.status = r.status;
    this.file(known, true);
  }

  pickRequest(
    status: RequestStatus,
    by: { tenantId: string } | { providerId: string; kind?: Kind },
  ): string | undefined {
    const key =
      "tenantId" in by
        ? `${status}|t|${by.tenantId}`
        : by.kind
          ? `${status}|${by.kind}|p|${by.providerId}`
          : `${status}|p|${by.providerId}`;
    return this.bag(key).random();
  }

  /** A request of the tenant in `status` without a return request known to be active. */
  pickReturnable(status: RequestStatus, tenantId: string): string | undefined {
    for (let i = 0; i < 4; i++) {
      const id = this.pickRequest(status, { tenantId });
      if (id && !this.returnActiveFor.has(id)) return id;
    }
    return undefined;
  }

  /** Records a return request as an answer showed it; states only move forward. */
  seeReturn(r: KnownReturn): void {
    if (!this.tenantIds.has(r.tenantId)) return;
    const known = this.returns.get(r.id);
    if (known && (known.status === r.status || !returnReachable(known.status, r.status))) return;
    if (known) this.fileReturn(known, false);
    const now = known ? Object.assign(known, { status: r.status }) : { ...r };
    if (!known) this.returns.set(r.id, now);
    this.fileReturn(now, true);
  }

  private fileReturn(r: KnownReturn, add: boolean) {
    const active = r.status === "OPEN" || r.status === "AWAITING_BUYER";
    if (active) {
      if (add) this.returnActiveFor.add(r.requestId);
      else this.returnActiveFor.delete(r.requestId);
    }
    for (const key of [`return|${r.status}|p|${r.providerId}`, `return|${r.status}|t|${r.tenantId}`]) {
      if (add) this.bag(key).add(r.id);
      else this.bag(key).delete(r.id);
    }
  }

  pickReturn(status: ReturnStatus, by: { tenantId: string } | { providerId: string }): string | undefined {
    const key =
      "tenantId" in by ? `return|${status}|t|${by.tenantId}` : `return|${status}|p|${by.providerId}`;
    return this.bag(key).random();
  }

  /** A MAILING request of the tenant without a ticket known to be open. */
  pickMailingWithoutTicket(tenantId: string): string | undefined {
    for (let i = 0; i < 4; i++) {
      const id = this.pickRequest("MAILING", { tenantId });
      if (id && !this.ticketOpenFor.has(id)) return id;
    }
    return undefined;
  }

  seeTicket(t: KnownTicket) {
    const known = this.tickets.get(t.id);
    if (!known) {
      this.tickets.set(t.id, { ...t });
      if (t.status === "OPEN") {
        this.bag("ticket|OPEN").add(t.id);
        this.ticketOpenFor.add(t.requestId);
      }
      return;
    }
    if (known.status === t.status || !ticketReachable(known.status, t.status)) return;
    known.status = t.status;
    this.bag("ticket|OPEN").delete(t.id);
    this.ticketOpenFor.delete(t.requestId);
  }

  pickOpenTicket(): string | undefined {
    return this.bag("ticket|OPEN").random();
  }

  success(s: Success) {
    this.successes.push(s);
  }
}
