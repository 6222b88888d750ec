// The clients: enterprise admins apply (paper and e-invoices), cancel, open tickets and return
// requests, confirm red-letter reversals and withdraw; provider staff start processing, ship, upload
// and issue e-invoices, reject, and decide return requests; support voids or rejects tickets and
// records refunds; everyone reads. Every mutation carries a fresh Idempotency-Key, kept through its
// retries.
import type { Fixtures } from "./fixtures";
import { PASSWORD } from "./fixtures";
import { Session, type Answer } from "./http";
import {
  reachable,
  type Kind,
  type Registry,
  type RequestStatus,
  type ReturnStatus,
  type TicketStatus,
} from "./registry";
import type { OpKind, Stats } from "./stats";

export type ClientSpec =
  | { role: "admin"; email: string; tenant: Fixtures["tenants"][number] }
  | { role: "staff"; email: string; provider: Fixtures["providers"][number] }
  | { role: "support"; email: string };

export interface WorkloadContext {
  ports: number[];
  stats: Stats;
  registry: Registry;
  fixtures: Fixtures;
  /** True once the clients should finish their current operation and stop. */
  stopping: () => boolean;
}

/** A request as the API returns it (the fields the harness reads). */
interface RequestBody {
  id: string;
  tenantId: string;
  providerId: string;
  amount: string;
  status: RequestStatus;
  invoiceType: string;
  returnRequest?: { id: string; status: ReturnStatus } | null;
}
interface ReturnBody {
  id: string;
  requestId: string;
  requestStatus: RequestStatus;
  tenantId: string;
  providerId: string;
  status: ReturnStatus;
}
interface TicketBody {
  id: string;
  requestId: string;
  status: TicketStatus;
  requestStatus: string;
}

const fenOf = (amount: string) => Math.round(Number(amount) * 100);
const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, "0")}`;
const between = (lo: number, hi: number) => lo + Math.floor(Math.random() * (hi - lo + 1));
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join("");
const kindOf = (invoiceType: string): Kind => (invoiceType.startsWith("ELECTRONIC") ? "ELECTRONIC" : "PAPER");
/** Today in China (SPEC §12: the issue date is not in the future). */
const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
/** A small PDF of its own (recognised by its %PDF- header), so every upload has its own digest. */
const pdf = () =>
  new Blob(
    [
      `%PDF-1.4\n% chaos ${digits(16)}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    ],
    {
      type: "application/pdf",
    },
  );

/** Splits `clients` into roles: 5/8 admins, 1/4 staff, the rest support. */
export function planClients(clients: number, fixtures: Fixtures): ClientSpec[] {
  const staff = Math.max(fixtures.providers.length, Math.floor(clients / 4));
  const support = Math.max(1, Math.floor(clients / 8));
  const admins = Math.max(fixtures.tenants.length, clients - staff - support);
  const specs: ClientSpec[] = [];
  for (let i = 0; i < admins; i++) {
    const tenant = fixtures.tenants[i % fixtures.tenants.length]!;
    specs.push({ role: "admin", tenant, email: tenant.admins[i % tenant.admins.length]! });
  }
  for (let i = 0; i < staff; i++) {
    const provider = fixtures.providers[i % fixtures.providers.length]!;
    specs.push({ role: "staff", provider, email: provider.staff[i % provider.staff.length]! });
  }
  for (let i = 0; i < support; i++)
    specs.push({ role: "support", email: fixtures.support[i % fixtures.support.length]! });
  return specs;
}

export class Client {
  private readonly session: Session;

  constructor(
    private readonly spec: ClientSpec,
    private readonly ctx: WorkloadContext,
  ) {
    this.session = new Session(ctx.ports, ctx.stats);
  }

  async signIn(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const a = await this.call("login", "POST", "/api/auth/login", {
        body: { email: this.spec.email, password: PASSWORD },
      });
      if (a.status === 200) return;
      if (attempt >= 5)
        throw new Error(`sign-in of ${this.spec.email} failed: ${a.status} ${JSON.stringify(a.body)}`);
    }
  }

  async run(): Promise<void> {
    while (!this.ctx.stopping()) {
      if (this.spec.role === "admin") await this.adminStep(this.spec.tenant);
      else if (this.spec.role === "staff") await this.staffStep(this.spec.provider);
      else await this.supportStep();
    }
  }

  /** One call, counted and classified; unexpected answers become violations. */
  private async call(
    op: OpKind,
    method: string,
    path: string,
    o: { body?: unknown; form?: FormData; key?: string; expect?: number[] } = {},
  ): Promise<Answer> {
    const a = await this.session.call(op, method, path, o);
    const { stats } = this.ctx;
    const counts = stats.op(op);
    stats.operations++;
    counts.total++;
    const message = (a.body as { error?: { message?: string } } | null)?.error?.message ?? "";
    if (a.status >= 200 && a.status < 300) counts.ok++;
    else if (a.status === 409) counts.conflict++;
    else if (a.status === 0) counts.gaveUp++;
    else counts.other++;
    if (a.status === 0) {
      stats.violation("no_answer", `${op} ${method} ${path}: no answer within the retry deadline`);
    } else if (a.status === 401 && op !== "login") {
      // A session that was valid stopped working: report it and sign in again.
      stats.violation("unexpected_status", `${op} ${method} ${path} → 401 ${message}`);
      await this.signIn();
    } else if (a.status === 409 && /Idempotency-Key/i.test(message)) {
      stats.violation("idempotency_mismatch", `${op} ${method} ${path} key=${o.key}: ${message}`);
    } else if (a.status < 500 && !(o.expect ?? [200, 201, 409]).includes(a.status)) {
      stats.violation("unexpected_status", `${op} ${method} ${path} → ${a.status} ${message}`);
    }
    return a;
  }

  private mutate(op: OpKind, path: string, body?: unknown) {
    const key = this.ctx.registry.newKey(op);
    return this.call(op, "POST", path, { body: body ?? {}, key }).then((a) => ({ ...a, key }));
  }

  private seeRequest(body: unknown) {
    const r = body as RequestBody;
    this.ctx.registry.seeRequest({
      id: r.id,
      tenantId: r.tenantId,
      providerId: r.providerId,
      status: r.status,
      kind: kindOf(r.invoiceType),
    });
    if (r.returnRequest)
      this.ctx.registry.seeReturn({
        id: r.returnRequest.id,
        requestId: r.id,
        tenantId: r.tenantId,
        providerId: r.providerId,
        status: r.returnRequest.status,
      });
    return r;
  }

  /** A return request as an answer showed it, and its invoice request's state with it. */
  private seeReturn(body: unknown) {
    const r = body as ReturnBody;
    const { registry } = this.ctx;
    registry.seeReturn(r);
    const known = registry.requests.get(r.requestId);
    if (known) registry.seeRequest({ ...known, status: r.requestStatus });
    return r;
  }

  /** Reads one request and holds the answer against what clients have already been told. */
  private async readRequest(id: string) {
    // What clients had been told before this read was sent: the read must show that or later.
    const before = this.ctx.registry.requests.get(id)?.status;
    const a = await this.call("read_request", "GET", `/api/invoice-requests/${id}`, { expect: [200] });
    if (a.status !== 200) return;
    const r = a.body as RequestBody;
    if (before && !reachable(before, r.status)) {
      this.ctx.stats.violation(
        "stale_read",
        `GET /api/invoice-requests/${id} on port ${a.port} showed ${r.status} after ${before} was answered`,
      );
    }
    this.seeRequest(r);
  }

  private transitionSucceeded(body: unknown, status: RequestStatus, sentAmountFen?: number) {
    const r = this.seeRequest(body);
    this.ctx.registry.success({
      kind: "request",
      id: r.id,
      status,
      tenantId: r.tenantId,
      providerId: r.providerId,
      amountFen: fenOf(r.amount),
    });
    if (sentAmountFen !== undefined && fenOf(r.amount) !== sentAmountFen) {
      this.ctx.stats.violation("wrong_answer", `apply sent ${yuan(sentAmountFen)}, the 201 says ${r.amount}`);
    }
  }

  // ── enterprise admin ──────────────────────────────────────────────────────────────────────
  private async adminStep(tenant: Fixtures["tenants"][number]) {
    const { registry } = this.ctx;
    const r = Math.random();
    if (r < 0.15) {
      const id = registry.pickRequest("PENDING", { tenantId: tenant.id });
      if (id) return this.cancel(id);
    } else if (r < 0.27) {
      const id = registry.pickMailingWithoutTicket(tenant.id);
      if (id) return this.openTicket(id);
    } else if (r < 0.33) {
      return this.withdraw();
    } else if (r < 0.37) {
      const status = (["PROCESSING", "MAILING", "ISSUED"] as const)[between(0, 2)]!;
      const id = registry.pickReturnable(status, tenant.id);
      if (id) return this.openReturn(id);
    } else if (r < 0.4) {
      const id = registry.pickReturn("AWAITING_BUYER", { tenantId: tenant.id });
      if (id) return this.decideReturn("return_confirm", id);
      return this.readReturns("AWAITING_BUYER");
    } else if (r < 0.48) {
      const id =
        registry.pickRequest(Math.random() < 0.5 ? "PENDING" : "MAILING", { tenantId: tenant.id }) ??
        registry.pickRequest("PROCESSING", { tenantId: tenant.id });
      if (id) return this.readRequest(id);
      return this.readRecords();
    } else if (r < 0.52) {
      return this.readRecords();
    }
    return this.apply(tenant);
  }

  private async apply(tenant: Fixtures["tenants"][number]) {
    const providers = this.ctx.fixtures.providers;
    const provider = providers[Math.floor(Math.random() * providers.length)]!;
    const amountFen = provider.tight
      ? between(100, 40_000)
      : Math.random() < 0.1
        ? between(1, 4_999)
        : between(5_000, 300_000);
    // One in five an e-invoice (数电票, SPEC §12): a 收票邮箱 instead of an address.
    const delivery =
      Math.random() < 0.2
        ? { invoiceType: "ELECTRONIC_VAT_GENERAL", email: `finance@${tenant.id.slice(0, 8)}.chaos.test` }
        : { invoiceType: "PAPER_VAT_GENERAL", addressId: tenant.addressId };
    const a = await this.mutate("apply", "/api/invoice-requests", {
      providerId: provider.id,
      amount: yuan(amountFen),
      titleId: tenant.titleId,
      ...delivery,
    });
    if (a.status === 201) this.transitionSucceeded(a.body, "PENDING", amountFen);
  }

  private async cancel(id: string) {
    const a = await this.mutate("cancel", `/api/invoice-requests/${id}/cancel`);
    if (a.status === 200) this.transitionSucceeded(a.body, "CANCELLED");
    else if (a.status === 409) await this.readRequest(id);
  }

  private async openTicket(requestId: string) {
    const a = await this.mutate("ticket_open", "/api/tickets", {
      requestId,
      returnTrackingNumber: `SF${digits(12)}`,
      message: "混沌测试：发票已寄回 (chaos harness)",
    });
    if (a.status === 201) {
      const t = a.body as TicketBody;
      this.ctx.registry.seeTicket({ id: t.id, requestId: t.requestId, status: t.status });
      this.ctx.registry.success({ kind: "ticket", id: t.id, requestId: t.requestId, status: "OPEN" });
      if (t.requestId !== requestId)
        this.ctx.stats.violation("wrong_answer", `ticket for ${requestId} answered for ${t.requestId}`);
    } else if (a.status === 409) await this.readRequest(requestId);
  }

  private async withdraw() {
    const a = await this.call("read_amounts", "GET", "/api/invoiceable-amounts", { expect: [200] });
    if (a.status !== 200) return;
    const harness = new Set(this.ctx.fixtures.providers.map((p) => p.id));
    const rows = (a.body as { items: { providerId: string; withdrawable: string }[] }).items.filter(
      (row) => harness.has(row.providerId) && fenOf(row.withdrawable) > 0,
    );
    const row = rows[Math.floor(Math.random() * rows.length)];
    if (!row) return;
    const amountFen = between(1, fenOf(row.withdrawable));
    const w = await this.mutate("withdraw", "/api/withdrawals", {
      providerId: row.providerId,
      amount: yuan(amountFen),
    });
    if (w.status === 201) {
      const body = w.body as { id: string; providerId: string; amount: string };
      this.ctx.registry.success({
        kind: "withdrawal",
        id: body.id,
        tenantId: (this.spec as { tenant: { id: string } }).tenant.id,
        providerId: body.providerId,
        amountFen: fenOf(body.amount),
      });
      if (fenOf(body.amount) !== amountFen)
        this.ctx.stats.violation(
          "wrong_answer",
          `withdrawal sent ${yuan(amountFen)}, the 201 says ${body.amount}`,
        );
    }
  }

  /** 退票申请 on a PROCESSING, MAILING or ISSUED request (SPEC §13). */
  private async openReturn(requestId: string) {
    const a = await this.mutate("return_open", `/api/invoice-requests/${requestId}/return-requests`, {
      reason: "混沌测试：申请退票 (chaos harness)",
    });
    if (a.status === 201) {
      const r = this.seeReturn(a.body);
      this.ctx.registry.success({ kind: "return", id: r.id, requestId: r.requestId, status: "OPEN" });
      if (r.requestId !== requestId)
        this.ctx.stats.violation(
          "wrong_answer",
          `return request for ${requestId} answered for ${r.requestId}`,
        );
    } else if (a.status === 409) await this.readRequest(requestId);
  }

  /** The provider's approve or decline, or the buyer's confirmation of a red-letter reversal. */
  private async decideReturn(op: "return_approve" | "return_decline" | "return_confirm", id: string) {
    const { registry } = this.ctx;
    const known = registry.returns.get(id);
    // Required on ISSUED and ignored elsewhere (SPEC §13): sent for every e-invoice, since the
    // state this client last saw may be older than the request's.
    const electronic = known ? registry.requests.get(known.requestId)?.kind !== "PAPER" : true;
    const action = op === "return_approve" ? "approve" : op === "return_decline" ? "decline" : "confirm";
    const body =
      op === "return_decline"
        ? { reason: "混沌测试：不予退票 (chaos harness)" }
        : op === "return_approve" && electronic
          ? { redLetterNumber: digits(20) }
          : {};
    const a = await this.mutate(op, `/api/return-requests/${id}/${action}`, body);
    if (a.status === 200) {
      const r = this.seeReturn(a.body);
      registry.success({ kind: "return", id: r.id, requestId: r.requestId, status: r.status });
      registry.success({ kind: "request", id: r.requestId, status: r.requestStatus });
    } else if (a.status === 409) {
      await this.readReturns(op === "return_confirm" ? "AWAITING_BUYER" : "OPEN");
      if (known) await this.readRequest(known.requestId);
    }
  }

  private async readReturns(status: ReturnStatus) {
    const a = await this.call("read_returns", "GET", `/api/return-requests?status=${status}&limit=50`, {
      expect: [200],
    });
    if (a.status === 200) for (const r of (a.body as { items: ReturnBody[] }).items) this.seeReturn(r);
  }

  private async readRecords() {
    const a = await this.call("read_records", "GET", "/api/invoice-requests?limit=20", { expect: [200] });
    if (a.status === 200) for (const r of (a.body as { items: RequestBody[] }).items) this.seeRequest(r);
  }

  // ── provider staff ────────────────────────────────────────────────────────────────────────
  private async staffStep(provider: Fixtures["providers"][number]) {
    const { registry } = this.ctx;
    const r = Math.random();
    if (r < 0.4) {
      const id = registry.pickRequest("PENDING", { providerId: provider.id });
      if (id) return this.startProcessing(id);
    } else if (r < 0.74) {
      const id = registry.pickRequest("PROCESSING", { providerId: provider.id, kind: "PAPER" });
      if (id) return this.ship(id);
    } else if (r < 0.82) {
      const id = registry.pickRequest("PROCESSING", { providerId: provider.id, kind: "ELECTRONIC" });
      if (id) return this.issue(id);
    } else if (r < 0.85) {
      const id = registry.pickRequest(Math.random() < 0.5 ? "PENDING" : "PROCESSING", {
        providerId: provider.id,
      });
      if (id) return this.reject(id);
    } else if (r < 0.92) {
      const id = registry.pickReturn("OPEN", { providerId: provider.id });
      if (id) return this.decideReturn(Math.random() < 0.7 ? "return_approve" : "return_decline", id);
      return this.readReturns("OPEN");
    }
    const status = Math.random() < 0.5 ? "PENDING" : "PROCESSING";
    const a = await this.call("read_queue", "GET", `/api/invoice-requests?status=${status}&limit=50`, {
      expect: [200],
    });
    if (a.status === 200) for (const row of (a.body as { items: RequestBody[] }).items) this.seeRequest(row);
  }

  /** 驳回 (SPEC §13), granting an open return request with it. */
  private async reject(id: string) {
    const a = await this.mutate("reject", `/api/invoice-requests/${id}/reject`, {
      reason: "混沌测试：驳回 (chaos harness)",
    });
    if (a.status === 200) this.transitionSucceeded(a.body, "REJECTED");
    else if (a.status === 409) await this.readRequest(id);
  }

  /** An e-invoice: upload its PDF, then issue it with the 20-digit number (SPEC §12). */
  private async issue(id: string) {
    const form = new FormData();
    form.append("file", pdf(), `chaos-${id.slice(0, 8)}.pdf`);
    const key = this.ctx.registry.newKey("upload");
    const up = await this.call("upload", "POST", `/api/invoice-requests/${id}/files`, {
      form,
      key,
      expect: [201, 409],
    });
    if (up.status !== 201) {
      if (up.status === 409) await this.readRequest(id);
      return;
    }
    const fileId = (up.body as { id: string }).id;
    const invoiceNumber = digits(20);
    const a = await this.mutate("issue", `/api/invoice-requests/${id}/issue`, {
      invoiceNumber,
      issuedOn: chinaToday(),
      fileIds: [fileId],
    });
    if (a.status === 200) this.transitionSucceeded(a.body, "ISSUED");
    else if (a.status === 409) await this.readRequest(id);
  }

  private async startProcessing(id: string) {
    const a = await this.mutate("start_processing", `/api/invoice-requests/${id}/start-processing`);
    if (a.status === 200) this.transitionSucceeded(a.body, "PROCESSING");
    else if (a.status === 409) await this.readRequest(id);
  }

  private async ship(id: string) {
    const invoiceNumber = digits(8);
    const trackingNumber = `SF${digits(12)}`;
    const a = await this.mutate("ship", `/api/invoice-requests/${id}/ship`, {
      invoiceNumber,
      courier: "SF",
      trackingNumber,
    });
    if (a.status === 200) {
      this.transitionSucceeded(a.body, "MAILING");
      this.ctx.registry.success({ kind: "shipment", id, invoiceNumber, trackingNumber });
    } else if (a.status === 409) await this.readRequest(id);
  }

  // ── support ───────────────────────────────────────────────────────────────────────────────
  private async supportStep() {
    const r = Math.random();
    if (r < 0.5) {
      const id = this.ctx.registry.pickOpenTicket();
      if (id) return this.resolveTicket(id, r < 0.35 ? "void" : "reject");
    }
    if (r < 0.8) return this.refund();
    const a = await this.call("read_tickets", "GET", "/api/tickets?status=OPEN&limit=50", { expect: [200] });
    if (a.status === 200) for (const t of (a.body as { items: TicketBody[] }).items) this.seeTicketBody(t);
  }

  private seeTicketBody(t: TicketBody) {
    this.ctx.registry.seeTicket({ id: t.id, requestId: t.requestId, status: t.status });
  }

  private async resolveTicket(id: string, decision: "void" | "reject") {
    const op = decision === "void" ? "ticket_void" : "ticket_reject";
    const a = await this.mutate(op, `/api/tickets/${id}/${decision}`, { reason: "混沌测试 chaos harness" });
    if (a.status === 200) {
      const t = a.body as TicketBody;
      const status = decision === "void" ? "RESOLVED" : "REJECTED";
      this.seeTicketBody(t);
      this.ctx.registry.success({ kind: "ticket", id: t.id, requestId: t.requestId, status });
      if (decision === "void")
        this.ctx.registry.success({ kind: "request", id: t.requestId, status: "VOIDED" });
      const known = this.ctx.registry.requests.get(t.requestId);
      if (known)
        this.ctx.registry.seeRequest({ ...known, status: decision === "void" ? "VOIDED" : known.status });
    } else if (a.status === 409) {
      const known = this.ctx.registry.tickets.get(id);
      const q = known ? `requestId=${known.requestId}&` : "";
      const l = await this.call("read_tickets", "GET", `/api/tickets?${q}limit=20`, { expect: [200] });
      if (l.status === 200) for (const t of (l.body as { items: TicketBody[] }).items) this.seeTicketBody(t);
    }
  }

  private async refund() {
    const { fixtures, registry } = this.ctx;
    const tenant = fixtures.tenants[Math.floor(Math.random() * fixtures.tenants.length)]!;
    const tight = Math.random() < 0.3;
    const candidates = fixtures.providers.filter((p) => p.tight === tight);
    const provider = (candidates.length ? candidates : fixtures.providers)[
      Math.floor(Math.random() * (candidates.length || fixtures.providers.length))
    ]!;
    const amountFen = provider.tight ? between(100, 6_000) : between(100, 50_000);
    // The reference is the Idempotency-Key: each refund row names the request that asked for it.
    const key = registry.newKey("refund");
    const a = await this.call("refund", "POST", "/api/refunds", {
      key,
      body: { tenantId: tenant.id, providerId: provider.id, amount: yuan(amountFen), reference: key },
    });
    if (a.status === 201) {
      const e = a.body as {
        id: string;
        tenantId: string;
        providerId: string;
        amount: string;
        reference: string;
      };
      registry.success({
        kind: "refund",
        id: e.id,
        tenantId: e.tenantId,
        providerId: e.providerId,
        amountFen: fenOf(e.amount),
        reference: e.reference,
      });
      if (fenOf(e.amount) !== amountFen || e.reference !== key)
        this.ctx.stats.violation("wrong_answer", `refund ${key} answered ${e.amount} ${e.reference}`);
    }
  }
}
