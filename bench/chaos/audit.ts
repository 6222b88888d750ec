// The audits: SQL over one REPEATABLE READ snapshot, held against what the clients were told and
// against the bookkeeping rules of SPEC §3–§4. Run during the traffic and once at the end.
import pg from "pg";
import type { Fixtures } from "./fixtures";
import { HARNESS_APP_NAME } from "./postgres";
import {
  reachable,
  returnReachable,
  ticketReachable,
  type Registry,
  type RequestStatus,
  type ReturnStatus,
  type TicketStatus,
} from "./registry";
import type { Stats } from "./stats";

/** The audit event each edge of the state machine writes (SPEC §4, §12, §13). */
const ACTION_OF: Record<string, string> = {
  "-PENDING": "APPLY",
  "PENDING-CANCELLED": "CANCEL",
  "PENDING-PROCESSING": "START_PROCESSING",
  "PENDING-REJECTED": "REJECT",
  "PROCESSING-MAILING": "SHIP",
  "PROCESSING-ISSUED": "ISSUE",
  "PROCESSING-REJECTED": "REJECT",
  "PROCESSING-CANCELLED": "RETURN_CANCEL",
  "MAILING-VOIDED": "VOID",
  "ISSUED-VOIDED": "RED_LETTER_VOID",
};
/**
 * Events on the request that leave its state as it is: a return request opened, approved (on
 * MAILING, or on ISSUED awaiting the buyer), declined or expired (SPEC §13).
 */
const SAME_STATE_ACTIONS = new Set(["OPEN", "APPROVE", "DECLINE", "EXPIRE"]);
type Stamp = "processingAt" | "mailingAt" | "issuedAt" | "voidedAt" | "cancelledAt" | "rejectedAt";
const STAMPS: [RequestStatus, Stamp][] = [
  ["PROCESSING", "processingAt"],
  ["MAILING", "mailingAt"],
  ["ISSUED", "issuedAt"],
  ["VOIDED", "voidedAt"],
  ["CANCELLED", "cancelledAt"],
  ["REJECTED", "rejectedAt"],
];
/** Where the API stores the answer of a creating POST, by path. */
const CREATING_PATHS = {
  "/api/invoice-requests": "request",
  "/api/tickets": "ticket",
  "/api/refunds": "refund",
  "/api/withdrawals": "withdrawal",
} as const;

type Violate = (category: string, detail: string, key?: string) => void;

interface RequestRow {
  id: string;
  tenantId: string;
  providerId: string;
  amountFen: string;
  status: RequestStatus;
  invoiceNumber: string | null;
  trackingNumber: string | null;
  processingAt: boolean;
  mailingAt: boolean;
  issuedAt: boolean;
  voidedAt: boolean;
  cancelledAt: boolean;
  rejectedAt: boolean;
}

export class Auditor {
  private readonly pool: pg.Pool;
  private readonly tenantIds: string[];

  constructor(
    url: string,
    private readonly fixtures: Fixtures,
    private readonly registry: Registry,
    private readonly stats: Stats,
  ) {
    this.pool = new pg.Pool({ connectionString: url, max: 1, application_name: HARNESS_APP_NAME });
    this.pool.on("error", () => {});
    // A client checked out for an audit when PostgreSQL restarts emits `error` too: without a
    // listener of its own for its whole life that ends the harness (as it once did mid-audit).
    this.pool.on("connect", (client) => client.on("error", () => {}));
    this.tenantIds = fixtures.tenants.map((t) => t.id);
  }

  async close() {
    await this.pool.end().catch(() => {});
  }

  /** One audit; false when the database could not be read (a fault in progress), nothing judged. */
  async run(): Promise<boolean> {
    // Successes told before the snapshot began are committed, so the snapshot must show them.
    const told = this.registry.successes.length;
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch {
      this.stats.auditsSkipped++;
      return false;
    }
    // A problem found again by a later audit (with other figures) keeps its first key: counted once.
    const found: [string, string, string | undefined][] = [];
    const v = (category: string, detail: string, key?: string) => found.push([category, detail, key]);
    try {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      await this.balances(client, v);
      const requests = await this.requests(client, v);
      await this.tickets(client, requests, v);
      const returns = await this.returnRequests(client, requests, v);
      const { refunds, withdrawals } = await this.ledger(client, v);
      await this.keys(client, requests, returns, refunds, withdrawals, v);
      await this.successes(client, told, requests, returns, refunds, withdrawals, v);
      await this.outbox(client, v);
      await client.query("COMMIT");
      client.release();
    } catch (error) {
      client.release(true);
      if (isConnectionError(error)) {
        this.stats.auditsSkipped++;
        return false;
      }
      throw error;
    }
    for (const [category, detail, key] of found) this.stats.violation(category, detail, key);
    this.stats.auditsRun++;
    return true;
  }

  /**
   * Issue 10: every committed transition wrote exactly one outbox event of its type, in its own
   * transaction (so a snapshot never shows one without the other), and no event exists without one.
   */
  private async outbox(db: pg.PoolClient, v: Violate) {
    const { rows } = await db.query<{ requestId: string; type: string; audited: string; events: string }>(
      `WITH a AS (
         SELECT CASE WHEN "entityType" = 'Ticket' THEN after ->> 'requestId' ELSE "entityId" END AS "requestId",
                CASE WHEN "entityType" = 'Ticket' THEN
                       CASE action WHEN 'OPEN' THEN 'ticket.created' WHEN 'VOID' THEN 'ticket.resolved'
                                   WHEN 'REJECT' THEN 'ticket.resolved' END
                     ELSE
                       CASE action WHEN 'APPLY' THEN 'invoice_request.created'
                                   WHEN 'CANCEL' THEN 'invoice_request.cancelled'
                                   WHEN 'RETURN_CANCEL' THEN 'invoice_request.cancelled'
                                   WHEN 'START_PROCESSING' THEN 'invoice_request.processing'
                                   WHEN 'SHIP' THEN 'invoice_request.mailed'
                                   WHEN 'ISSUE' THEN 'invoice_request.issued'
                                   WHEN 'REJECT' THEN 'invoice_request.rejected'
                                   WHEN 'VOID' THEN 'invoice_request.voided'
                                   WHEN 'RED_LETTER_VOID' THEN 'invoice_request.voided' END
                END AS type
           FROM "AuditEvent"
          WHERE "tenantId" = ANY($1::uuid[]) AND "entityType" IN ('InvoiceRequest', 'Ticket')),
       audited AS (SELECT "requestId", type, count(*) AS n FROM a WHERE type IS NOT NULL GROUP BY 1, 2),
       events AS (SELECT "requestId"::text AS "requestId", type, count(*) AS n FROM "OutboxEvent"
                   WHERE "tenantId" = ANY($1::uuid[]) AND type NOT IN ('invoice_request.overdue', 'return_request.created', 'return_request.decided')
                   GROUP BY 1, 2)
       SELECT coalesce(audited."requestId", events."requestId") AS "requestId",
              coalesce(audited.type, events.type) AS type,
              coalesce(audited.n, 0)::text AS audited, coalesce(events.n, 0)::text AS events
         FROM audited FULL JOIN events ON events."requestId" = audited."requestId" AND events.type = audited.type
        WHERE audited.n IS DISTINCT FROM events.n`,
      [this.tenantIds],
    );
    for (const r of rows) {
      v(
        "outbox",
        `request ${r.requestId}: ${r.audited} committed ${r.type} transition(s) but ${r.events} outbox event(s)`,
        `outbox ${r.requestId} ${r.type}`,
      );
    }
  }

  /**
   * Issue 10, after the traffic: every outbox event of the harness's tenants was delivered at least
   * once to its provider's endpoint (a SUCCEEDED attempt, and the receiver saw its id). Waits up to
   * `waitMs` for attempts still pending (a killed process's lease runs out after 60 s).
   */
  async deliveries(received: ReadonlyMap<string, number>, waitMs: number) {
    const deadline = Date.now() + waitMs;
    const client = await this.pool.connect();
    try {
      for (;;) {
        const { rows } = await client.query<{ pending: string }>(
          `SELECT count(*)::text AS pending FROM "WebhookDelivery" WHERE status = 'PENDING'`,
        );
        if (rows[0]!.pending === "0" || Date.now() > deadline) break;
        await new Promise((r) => setTimeout(r, 2000));
      }
      const { rows } = await client.query<{ id: string; type: string; requestId: string; ok: boolean }>(
        `SELECT o.id, o.type, o."requestId",
                EXISTS (SELECT 1 FROM "WebhookDelivery" d WHERE d."eventId" = o.id AND d.status = 'SUCCEEDED') AS ok
           FROM "OutboxEvent" o
          WHERE o."tenantId" = ANY($1::uuid[])`,
        [this.tenantIds],
      );
      let delivered = 0;
      for (const e of rows) {
        const seen = (received.get(e.id) ?? 0) > 0;
        if (e.ok && seen) delivered++;
        else
          this.stats.violation(
            "webhook",
            `event ${e.id} (${e.type}, request ${e.requestId}) ${e.ok ? "marked delivered but never received" : "never delivered"}`,
            `webhook ${e.id}`,
          );
      }
      return { events: rows.length, delivered };
    } finally {
      client.release();
    }
  }

  /** Balance rows = the ledger and the requests by state; invoiced ≤ consumed; withdrawn ≤ refunded. */
  private async balances(db: pg.PoolClient, v: Violate) {
    const { rows } = await db.query<Record<string, string | null>>(`
      WITH l AS (
        SELECT "tenantId", "providerId",
               sum("amountFen") FILTER (WHERE kind = 'CONSUMPTION') AS consumed,
               sum("amountFen") FILTER (WHERE kind = 'REFUND') AS refunded
          FROM "LedgerEntry" GROUP BY 1, 2),
      r AS (
        SELECT "tenantId", "providerId",
               sum("amountFen") FILTER (WHERE status = 'PENDING') AS pending,
               sum("amountFen") FILTER (WHERE status = 'PROCESSING') AS processing,
               sum("amountFen") FILTER (WHERE status = 'MAILING') AS mailing,
               sum("amountFen") FILTER (WHERE status = 'ISSUED') AS issued
          FROM "InvoiceRequest" GROUP BY 1, 2),
      w AS (SELECT "tenantId", "providerId", sum("amountFen") AS withdrawn FROM "Withdrawal" GROUP BY 1, 2),
      k AS (SELECT "tenantId", "providerId" FROM "Balance" UNION SELECT "tenantId", "providerId" FROM l
            UNION SELECT "tenantId", "providerId" FROM r UNION SELECT "tenantId", "providerId" FROM w)
      SELECT k."tenantId", k."providerId", (b."tenantId" IS NOT NULL)::text AS "hasBalance",
             b."consumedFen"::text AS "bConsumed", b."refundedFen"::text AS "bRefunded",
             b."pendingFen"::text AS "bPending", b."processingFen"::text AS "bProcessing",
             b."mailingFen"::text AS "bMailing", b."issuedFen"::text AS "bIssued", b."withdrawnFen"::text AS "bWithdrawn",
             coalesce(l.consumed, 0)::text AS consumed, coalesce(l.refunded, 0)::text AS refunded,
             coalesce(r.pending, 0)::text AS pending, coalesce(r.processing, 0)::text AS processing,
             coalesce(r.mailing, 0)::text AS mailing, coalesce(r.issued, 0)::text AS issued,
             coalesce(w.withdrawn, 0)::text AS withdrawn
        FROM k
        LEFT JOIN "Balance" b ON b."tenantId" = k."tenantId" AND b."providerId" = k."providerId"
        LEFT JOIN l ON l."tenantId" = k."tenantId" AND l."providerId" = k."providerId"
        LEFT JOIN r ON r."tenantId" = k."tenantId" AND r."providerId" = k."providerId"
        LEFT JOIN w ON w."tenantId" = k."tenantId" AND w."providerId" = k."providerId"`);
    for (const row of rows) {
      const pair = `tenant ${row.tenantId} × provider ${row.providerId}`;
      const n = (key: string) => BigInt(row[key] ?? "0");
      if (row.hasBalance !== "true") {
        v("balance", `${pair}: ledger or requests but no Balance row`);
        continue;
      }
      for (const [b, actual, what] of [
        ["bConsumed", "consumed", "consumption rows"],
        ["bRefunded", "refunded", "refund rows"],
        ["bPending", "pending", "PENDING requests"],
        ["bProcessing", "processing", "PROCESSING requests"],
        ["bMailing", "mailing", "MAILING requests"],
        ["bIssued", "issued", "ISSUED requests"],
        ["bWithdrawn", "withdrawn", "withdrawals"],
      ] as const) {
        if (n(b) !== n(actual))
          v(
            "balance",
            `${pair}: Balance.${b.slice(1).toLowerCase()}Fen ${n(b)} ≠ Σ ${what} ${n(actual)}`,
            `balance ${pair} ${b}`,
          );
      }
      const invoiced = n("pending") + n("processing") + n("mailing") + n("issued");
      if (invoiced > n("consumed")) {
        v(
          "over_invoiced",
          `${pair}: invoiced ${invoiced} > consumed ${n("consumed")} (more than refunds explain)`,
          `over ${pair}`,
        );
      } else if (invoiced > n("consumed") - n("refunded") && n("refunded") === 0n) {
        v(
          "over_invoiced",
          `${pair}: invoiced ${invoiced} > consumed − refunded without a refund`,
          `over ${pair}`,
        );
      }
      if (n("withdrawn") > n("refunded"))
        v(
          "withdrawal",
          `${pair}: withdrawn ${n("withdrawn")} > refunded ${n("refunded")}`,
          `withdrawal ${pair}`,
        );
    }
  }

  /** The harness tenants' requests, each with exactly one audit event per state change. */
  private async requests(db: pg.PoolClient, v: Violate) {
    const { rows } = await db.query<RequestRow>(
      `SELECT id, "tenantId", "providerId", "amountFen"::text AS "amountFen", status::text AS status,
              "invoiceNumber", "trackingNumber",
              "processingAt" IS NOT NULL AS "processingAt", "mailingAt" IS NOT NULL AS "mailingAt",
              "issuedAt" IS NOT NULL AS "issuedAt", "voidedAt" IS NOT NULL AS "voidedAt",
              "cancelledAt" IS NOT NULL AS "cancelledAt", "rejectedAt" IS NOT NULL AS "rejectedAt"
         FROM "InvoiceRequest" WHERE "tenantId" = ANY($1::uuid[])`,
      [this.tenantIds],
    );
    const requests = new Map(rows.map((r) => [r.id, r]));
    const events = await db.query<{
      entityId: string;
      action: string;
      fromStatus: string | null;
      toStatus: string | null;
    }>(
      `SELECT "entityId", action, "fromStatus", "toStatus" FROM "AuditEvent"
        WHERE "entityType" = 'InvoiceRequest' AND "tenantId" = ANY($1::uuid[])`,
      [this.tenantIds],
    );
    const edges = new Map<string, Map<string, { count: number; actions: string[] }>>();
    for (const e of events.rows) {
      if (!requests.has(e.entityId)) {
        v("audit", `InvoiceRequest audit event ${e.action} for ${e.entityId}, which does not exist`);
        continue;
      }
      if (e.fromStatus !== null && e.fromStatus === e.toStatus) {
        if (!SAME_STATE_ACTIONS.has(e.action))
          v(
            "audit",
            `request ${e.entityId}: ${e.action} audited as a change ${e.fromStatus} → ${e.toStatus}`,
          );
        continue;
      }
      const edge = `${e.fromStatus ?? ""}-${e.toStatus ?? ""}`;
      let m = edges.get(e.entityId);
      if (!m) {
        m = new Map<string, { count: number; actions: string[] }>();
        edges.set(e.entityId, m);
      }
      const x = m.get(edge) ?? { count: 0, actions: [] };
      x.count++;
      x.actions.push(e.action);
      m.set(edge, x);
    }
    for (const r of requests.values()) {
      const m = edges.get(r.id) ?? new Map<string, { count: number; actions: string[] }>();
      // Walk the path from nothing to the current state: each step exactly one event, nothing else.
      let at = "";
      let steps = 0;
      const used = new Set<string>();
      const visited = new Set<string>();
      for (;;) {
        const out = [...m.entries()].filter(([edge]) => edge.startsWith(`${at}-`));
        if (out.length === 0) break;
        if (out.length > 1) {
          v(
            "audit",
            `request ${r.id}: audit events branch from ${at || "creation"}: ${out.map(([e]) => e).join(", ")}`,
          );
          break;
        }
        const [edge, x] = out[0]!;
        if (x.count !== 1)
          v("audit", `request ${r.id}: ${x.count} audit events for ${edge} (${x.actions.join(", ")})`);
        if (ACTION_OF[edge] === undefined || x.actions.some((a) => a !== ACTION_OF[edge]))
          v("audit", `request ${r.id}: edge ${edge} audited as ${x.actions.join(", ")}`);
        used.add(edge);
        at = edge.slice(edge.indexOf("-") + 1);
        visited.add(at);
        if (++steps > 10) break;
      }
      if (at !== r.status)
        v(
          "audit",
          `request ${r.id} is ${r.status} but its audit trail ends at ${at || "nothing"}`,
          `trail ${r.id}`,
        );
      for (const edge of m.keys())
        if (!used.has(edge)) v("audit", `request ${r.id}: audit event ${edge} off its path`);
      // A state's timestamp is set exactly when the request passed through that state.
      for (const [status, stamp] of STAMPS) {
        if (r[stamp] !== visited.has(status))
          v(
            "audit",
            `request ${r.id} is ${r.status} but ${stamp} is ${r[stamp] ? "set" : "empty"}`,
            `stamp ${r.id} ${stamp}`,
          );
      }
    }
    return requests;
  }

  /** Tickets: one OPEN event each, one VOID/REJECT event when decided; a void voided its request. */
  private async tickets(db: pg.PoolClient, requests: Map<string, RequestRow>, v: Violate) {
    const { rows } = await db.query<{
      id: string;
      requestId: string;
      status: TicketStatus;
      events: string[] | null;
    }>(
      `SELECT t.id, t."requestId", t.status::text AS status,
              (SELECT array_agg(e.action || ':' || coalesce(e."fromStatus", '') || '-' || coalesce(e."toStatus", '') ORDER BY e.action)
                 FROM "AuditEvent" e WHERE e."entityType" = 'Ticket' AND e."entityId" = t.id::text) AS events
         FROM "Ticket" t WHERE t."tenantId" = ANY($1::uuid[])`,
      [this.tenantIds],
    );
    const resolvedPerRequest = new Map<string, number>();
    for (const t of rows) {
      const events = t.events ?? [];
      const expected = ["OPEN:-OPEN"];
      if (t.status === "RESOLVED") expected.push("VOID:OPEN-RESOLVED");
      if (t.status === "REJECTED") expected.push("REJECT:OPEN-REJECTED");
      if (events.slice().sort().join(",") !== expected.sort().join(","))
        v(
          "audit",
          `ticket ${t.id} is ${t.status}; audit events [${events.join(", ")}], expected [${expected.join(", ")}]`,
          `ticket ${t.id}`,
        );
      const request = requests.get(t.requestId);
      if (!request) v("audit", `ticket ${t.id} for a request ${t.requestId} outside the harness tenants`);
      if (t.status === "RESOLVED") {
        resolvedPerRequest.set(t.requestId, (resolvedPerRequest.get(t.requestId) ?? 0) + 1);
        if (request && request.status !== "VOIDED")
          v(
            "audit",
            `ticket ${t.id} RESOLVED but request ${t.requestId} is ${request.status}`,
            `voided ${t.id}`,
          );
      }
    }
    for (const [requestId, n] of resolvedPerRequest)
      if (n > 1) v("audit", `request ${requestId} voided by ${n} tickets`);
    const orphans = await db.query<{ entityId: string }>(
      `SELECT e."entityId" FROM "AuditEvent" e WHERE e."entityType" = 'Ticket' AND e."tenantId" = ANY($1::uuid[])
          AND NOT EXISTS (SELECT 1 FROM "Ticket" t WHERE t.id::text = e."entityId")`,
      [this.tenantIds],
    );
    for (const o of orphans.rows) v("audit", `Ticket audit event for ${o.entityId}, which does not exist`);
  }

  /**
   * Return requests (SPEC §13): one OPEN event, then one event per decision, ending at the state it
   * holds; at most one active per request; an approval took effect on the request (a PROCESSING one
   * cancelled, or closed by a reject or a ticket's void), a confirmation voided an ISSUED one.
   */
  private async returnRequests(db: pg.PoolClient, requests: Map<string, RequestRow>, v: Violate) {
    const { rows } = await db.query<{
      id: string;
      requestId: string;
      status: ReturnStatus;
      events: string[] | null;
    }>(
      `SELECT r.id, r."requestId", r.status::text AS status,
              (SELECT array_agg(coalesce(e."fromStatus", '') || '-' || coalesce(e."toStatus", '') ORDER BY e."createdAt", e.id)
                 FROM "AuditEvent" e WHERE e."entityType" = 'ReturnRequest' AND e."entityId" = r.id::text) AS events
         FROM "ReturnRequest" r WHERE r."tenantId" = ANY($1::uuid[])`,
      [this.tenantIds],
    );
    const active = new Map<string, number>();
    for (const r of rows) {
      const events = r.events ?? [];
      // Each event starts where the one before ended, from creation to the state held.
      let at = "";
      let ok = events.length > 0;
      for (const e of events) {
        const [from, to] = e.split("-");
        if (from !== at || (at !== "" && !returnReachable(at as ReturnStatus, to as ReturnStatus)))
          ok = false;
        at = to!;
      }
      if (!ok || at !== r.status)
        v(
          "audit",
          `return request ${r.id} is ${r.status}; audit events [${events.join(", ")}]`,
          `return ${r.id}`,
        );
      if (r.status === "OPEN" || r.status === "AWAITING_BUYER")
        active.set(r.requestId, (active.get(r.requestId) ?? 0) + 1);
      const request = requests.get(r.requestId);
      if (!request) {
        v("audit", `return request ${r.id} for a request ${r.requestId} outside the harness tenants`);
        continue;
      }
      const allowed: Partial<Record<ReturnStatus, RequestStatus[]>> = {
        APPROVED: ["CANCELLED", "REJECTED", "MAILING", "VOIDED"],
        AWAITING_BUYER: ["ISSUED"],
        CONFIRMED: ["VOIDED"],
      };
      const states = allowed[r.status];
      if (states && !states.includes(request.status))
        v(
          "audit",
          `return request ${r.id} is ${r.status} but request ${r.requestId} is ${request.status}`,
          `return effect ${r.id}`,
        );
    }
    for (const [requestId, n] of active)
      if (n > 1) v("audit", `request ${requestId} has ${n} active return requests`);
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** Refunds and withdrawals: one audit event each. */
  private async ledger(db: pg.PoolClient, v: Violate) {
    const refunds = new Map(
      (
        await db.query<{
          id: string;
          tenantId: string;
          providerId: string;
          amountFen: string;
          reference: string;
          events: string;
        }>(
          `SELECT l.id, l."tenantId", l."providerId", l."amountFen"::text AS "amountFen", l.reference,
                  (SELECT count(*) FROM "AuditEvent" e WHERE e."entityType" = 'LedgerEntry'
                      AND e."entityId" = l.id::text AND e.action = 'REFUND')::text AS events
             FROM "LedgerEntry" l WHERE l.kind = 'REFUND' AND l."tenantId" = ANY($1::uuid[])`,
          [this.tenantIds],
        )
      ).rows.map((r) => [r.id, r]),
    );
    for (const r of refunds.values())
      if (r.events !== "1") v("audit", `refund ${r.id} (${r.reference}) has ${r.events} REFUND audit events`);
    const withdrawals = new Map(
      (
        await db.query<{
          id: string;
          tenantId: string;
          providerId: string;
          amountFen: string;
          events: string;
        }>(
          `SELECT w.id, w."tenantId", w."providerId", w."amountFen"::text AS "amountFen",
                  (SELECT count(*) FROM "AuditEvent" e WHERE e."entityType" = 'Withdrawal'
                      AND e."entityId" = w.id::text AND e.action = 'WITHDRAW')::text AS events
             FROM "Withdrawal" w WHERE w."tenantId" = ANY($1::uuid[])`,
          [this.tenantIds],
        )
      ).rows.map((r) => [r.id, r]),
    );
    for (const w of withdrawals.values())
      if (w.events !== "1") v("audit", `withdrawal ${w.id} has ${w.events} WITHDRAW audit events`);
    const orphans = await db.query<{ entityType: string; entityId: string }>(
      `SELECT e."entityType", e."entityId" FROM "AuditEvent" e WHERE e."tenantId" = ANY($1::uuid[]) AND (
          (e."entityType" = 'LedgerEntry' AND NOT EXISTS (SELECT 1 FROM "LedgerEntry" l WHERE l.id::text = e."entityId"))
       OR (e."entityType" = 'Withdrawal' AND NOT EXISTS (SELECT 1 FROM "Withdrawal" w WHERE w.id::text = e."entityId")))`,
      [this.tenantIds],
    );
    for (const o of orphans.rows)
      v("audit", `${o.entityType} audit event for ${o.entityId}, which does not exist`);
    return { refunds, withdrawals };
  }

  /**
   * Every object the harness tenants have was asked for: exactly one stored Idempotency-Key answer
   * names it, and every stored key is one a client sent (so at most one object per key).
   */
  private async keys(
    db: pg.PoolClient,
    requests: Map<string, RequestRow>,
    returns: Map<string, { id: string }>,
    refunds: Map<string, { id: string; reference: string }>,
    withdrawals: Map<string, { id: string }>,
    v: Violate,
  ) {
    const { rows } = await db.query<{
      key: string;
      method: string;
      path: string;
      statusCode: number;
      objectId: string | null;
    }>(
      `SELECT k.key, k.method, k.path, k."statusCode", k."responseBody"->>'id' AS "objectId"
         FROM "IdempotencyKey" k JOIN "User" u ON u.id = k."userId" WHERE u.email LIKE '%@chaos.test'`,
    );
    const named = {
      request: new Map<string, string[]>(),
      returnRequest: new Map<string, string[]>(),
      ticket: new Map<string, string[]>(),
      refund: new Map<string, string[]>(),
      withdrawal: new Map<string, string[]>(),
    };
    for (const k of rows) {
      if (!this.registry.keys.has(k.key))
        v("unrequested", `stored Idempotency-Key ${k.key} that no client sent`);
      // The key row is written first with status 0 and completed in the same transaction.
      if (k.statusCode < 100)
        v(
          "unrequested",
          `stored Idempotency-Key ${k.key} (${k.method} ${k.path}) committed without its answer (status ${k.statusCode})`,
        );
      const kind = /^\/api\/invoice-requests\/[^/]+\/return-requests$/.test(k.path)
        ? "returnRequest"
        : CREATING_PATHS[k.path as keyof typeof CREATING_PATHS];
      if (kind && k.objectId) {
        const list = named[kind].get(k.objectId) ?? [];
        list.push(k.key);
        named[kind].set(k.objectId, list);
      }
    }
    const tickets = await db.query<{ id: string }>(
      `SELECT id FROM "Ticket" WHERE "tenantId" = ANY($1::uuid[])`,
      [this.tenantIds],
    );
    const check = (kind: keyof typeof named, ids: Iterable<string>) => {
      for (const id of ids) {
        const keys = named[kind].get(id) ?? [];
        if (keys.length === 0)
          v("unrequested", `${kind} ${id} exists, but no client's Idempotency-Key created it`);
        if (keys.length > 1)
          v("unrequested", `${kind} ${id} is the answer of ${keys.length} keys: ${keys.join(", ")}`);
      }
    };
    check("request", requests.keys());
    check("returnRequest", returns.keys());
    check(
      "ticket",
      tickets.rows.map((t) => t.id),
    );
    check("refund", refunds.keys());
    check("withdrawal", withdrawals.keys());
    for (const r of refunds.values()) {
      const keys = named.refund.get(r.id) ?? [];
      if (keys.length === 1 && keys[0] !== r.reference)
        v("unrequested", `refund ${r.id} has reference ${r.reference} but was created by key ${keys[0]}`);
    }
    for (const [kind, map] of Object.entries(named) as [keyof typeof named, Map<string, string[]>][]) {
      const exists =
        kind === "request"
          ? requests
          : kind === "returnRequest"
            ? returns
            : kind === "refund"
              ? refunds
              : kind === "withdrawal"
                ? withdrawals
                : new Set(tickets.rows.map((t) => t.id));
      for (const [id, keys] of map)
        if (!exists.has(id))
          v("success_missing", `key ${keys.join(", ")} stored a ${kind} ${id} that does not exist`);
    }
  }

  /** What clients were told succeeded is in the database, at least as far along as they were told. */
  private async successes(
    db: pg.PoolClient,
    told: number,
    requests: Map<string, RequestRow>,
    returns: Map<string, { id: string; requestId: string; status: ReturnStatus }>,
    refunds: Map<
      string,
      { id: string; tenantId: string; providerId: string; amountFen: string; reference: string }
    >,
    withdrawals: Map<string, { id: string; tenantId: string; providerId: string; amountFen: string }>,
    v: Violate,
  ) {
    const tickets = new Map(
      (
        await db.query<{ id: string; requestId: string; status: TicketStatus }>(
          `SELECT id, "requestId", status::text AS status FROM "Ticket" WHERE "tenantId" = ANY($1::uuid[])`,
          [this.tenantIds],
        )
      ).rows.map((t) => [t.id, t]),
    );
    const list = this.registry.successes;
    for (let i = 0; i < told; i++) {
      const s = list[i]!;
      if (s.kind === "request") {
        const r = requests.get(s.id);
        if (!r) v("success_missing", `request ${s.id} was answered ${s.status} but does not exist`);
        else {
          if (!reachable(s.status, r.status))
            v(
              "success_missing",
              `request ${s.id} was answered ${s.status} but is ${r.status}`,
              `seen ${s.id} ${s.status}`,
            );
          if (s.amountFen !== undefined && BigInt(s.amountFen) !== BigInt(r.amountFen))
            v(
              "success_missing",
              `request ${s.id} was answered with ${s.amountFen} fen but holds ${r.amountFen}`,
            );
          if (s.tenantId && (s.tenantId !== r.tenantId || s.providerId !== r.providerId))
            v("success_missing", `request ${s.id} changed tenant or provider`);
        }
      } else if (s.kind === "shipment") {
        const r = requests.get(s.id);
        if (r && (r.invoiceNumber !== s.invoiceNumber || r.trackingNumber !== s.trackingNumber))
          v(
            "success_missing",
            `request ${s.id} was shipped as ${s.invoiceNumber}/${s.trackingNumber} but holds ${r.invoiceNumber}/${r.trackingNumber}`,
          );
      } else if (s.kind === "ticket") {
        const t = tickets.get(s.id);
        if (!t) v("success_missing", `ticket ${s.id} was answered ${s.status} but does not exist`);
        else if (!ticketReachable(s.status, t.status) || t.requestId !== s.requestId)
          v(
            "success_missing",
            `ticket ${s.id} was answered ${s.status} (request ${s.requestId}) but is ${t.status} (request ${t.requestId})`,
            `seen ticket ${s.id} ${s.status}`,
          );
      } else if (s.kind === "refund") {
        const r = refunds.get(s.id);
        if (!r) v("success_missing", `refund ${s.id} (${s.reference}) was answered 201 but does not exist`);
        else if (
          BigInt(r.amountFen) !== BigInt(s.amountFen) ||
          r.reference !== s.reference ||
          r.tenantId !== s.tenantId ||
          r.providerId !== s.providerId
        )
          v("success_missing", `refund ${s.id} differs from its 201 answer`);
      } else if (s.kind === "return") {
        const r = returns.get(s.id);
        if (!r) v("success_missing", `return request ${s.id} was answered ${s.status} but does not exist`);
        else if (!returnReachable(s.status, r.status) || r.requestId !== s.requestId)
          v(
            "success_missing",
            `return request ${s.id} was answered ${s.status} (request ${s.requestId}) but is ${r.status} (request ${r.requestId})`,
            `seen return ${s.id} ${s.status}`,
          );
      } else {
        const w = withdrawals.get(s.id);
        if (!w) v("success_missing", `withdrawal ${s.id} was answered 201 but does not exist`);
        else if (
          BigInt(w.amountFen) !== BigInt(s.amountFen) ||
          w.tenantId !== s.tenantId ||
          w.providerId !== s.providerId
        )
          v("success_missing", `withdrawal ${s.id} differs from its 201 answer`);
      }
    }
  }
}

export function isConnectionError(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    ["57P01", "57P02", "57P03", "08000", "08003", "08006", "ECONNREFUSED", "ECONNRESET", "EPIPE"].includes(
      e?.code ?? "",
    ) ||
    /Connection terminated|terminating connection|not queryable|Client has encountered a connection error|connect ECONNREFUSED/i.test(
      String(e?.message ?? ""),
    )
  );
}
