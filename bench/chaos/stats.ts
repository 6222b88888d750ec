// What the run counts and what it found wrong; printed as key=value lines at the end.

export type OpKind =
  | "login"
  | "apply"
  | "cancel"
  | "start_processing"
  | "ship"
  | "ticket_open"
  | "ticket_void"
  | "ticket_reject"
  | "refund"
  | "withdraw"
  | "read_records"
  | "read_request"
  | "read_amounts"
  | "read_queue"
  | "read_tickets"
  | "reject"
  | "upload"
  | "issue"
  | "return_open"
  | "return_approve"
  | "return_decline"
  | "return_confirm"
  | "read_returns";

export interface OpCounts {
  total: number;
  ok: number;
  conflict: number;
  other: number;
  gaveUp: number;
  retries: number;
}

export interface ServerError {
  op: OpKind;
  route: string;
  status: number;
  port: number;
  at: number;
  message: string;
}

export class Stats {
  readonly started = Date.now();
  operations = 0;
  retries = 0;
  readonly retriesBy = { network: 0, status_503: 0, status_429: 0 };
  /** Every 5xx answer except 503 (which the client retries): each one fails the run. */
  readonly serverErrors: ServerError[] = [];
  readonly ops = new Map<OpKind, OpCounts>();
  readonly faults = new Map<string, number>();
  readonly faultFailures = new Map<string, number>();
  readonly restartModes = { fast: 0, immediate: 0 };
  terminatedBackends = 0;
  /** Problems, keyed by a description so one found again by a later audit counts once. */
  readonly violations = new Map<string, { category: string; detail: string }>();
  auditsRun = 0;
  auditsSkipped = 0;

  op(kind: OpKind): OpCounts {
    let c = this.ops.get(kind);
    if (!c) {
      c = { total: 0, ok: 0, conflict: 0, other: 0, gaveUp: 0, retries: 0 };
      this.ops.set(kind, c);
    }
    return c;
  }

  fault(kind: string) {
    this.faults.set(kind, (this.faults.get(kind) ?? 0) + 1);
  }

  get faultCount() {
    let n = 0;
    for (const v of this.faults.values()) n += v;
    return n;
  }

  violation(category: string, detail: string, key = `${category}: ${detail}`) {
    if (!this.violations.has(key)) this.violations.set(key, { category, detail });
  }

  violationsBy(): Map<string, number> {
    const by = new Map<string, number>();
    for (const v of this.violations.values()) by.set(v.category, (by.get(v.category) ?? 0) + 1);
    return by;
  }
}
