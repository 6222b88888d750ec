// The harness's webhook receiver (issue 10): one endpoint per harness provider, subscribed to every
// event type, pointing at an HTTP server in the harness that checks each Standard Webhooks signature,
// answers 500 to a few first attempts (so retries run under the faults), and records every id.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import type { Fixtures } from "./fixtures";

const EVENT_TYPES = [
  "invoice_request.created",
  "invoice_request.cancelled",
  "invoice_request.processing",
  "invoice_request.mailed",
  "invoice_request.issued",
  "invoice_request.rejected",
  "invoice_request.voided",
  "invoice_request.overdue",
  "return_request.created",
  "return_request.decided",
  "ticket.created",
  "ticket.resolved",
];

export class WebhookReceiver {
  /** Every webhook-id received with a valid signature, and how often. */
  readonly received = new Map<string, number>();
  badSignatures = 0;
  requests = 0;
  private readonly secret = `whsec_${randomBytes(24).toString("base64")}`;
  private readonly key = Buffer.from(this.secret.slice("whsec_".length), "base64");
  private server: Server | undefined;
  url = "";

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        this.requests++;
        const body = Buffer.concat(chunks).toString("utf8");
        const id = String(req.headers["webhook-id"] ?? "");
        const timestamp = String(req.headers["webhook-timestamp"] ?? "");
        if (!this.signed(id, timestamp, body, String(req.headers["webhook-signature"] ?? ""))) {
          this.badSignatures++;
          res.statusCode = 400;
          res.end("bad signature");
          return;
        }
        // One first attempt in twenty fails, so the retries run too (the next one comes 5 s later).
        if (!this.received.has(id) && Math.random() < 0.05) {
          this.received.set(id, 0);
          res.statusCode = 500;
          res.end("try again");
          return;
        }
        this.received.set(id, (this.received.get(id) ?? 0) + 1);
        res.statusCode = 204;
        res.end();
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  private signed(id: string, timestamp: string, body: string, header: string): boolean {
    const expected = createHmac("sha256", this.key).update(`${id}.${timestamp}.${body}`).digest();
    return header.split(" ").some((part) => {
      const [version, signature] = part.split(",");
      if (version !== "v1" || !signature) return false;
      const given = Buffer.from(signature, "base64");
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
  }

  /** Registers the endpoints (by SQL, as a provider's staff would through the API). */
  async register(url: string, fixtures: Fixtures): Promise<void> {
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      for (const provider of fixtures.providers) {
        await db.query(
          `INSERT INTO "WebhookEndpoint" (id, "providerId", url, events, secret, "createdById", "updatedAt")
           SELECT gen_random_uuid(), $1, $2, $3, $4, u.id, now()
             FROM "User" u WHERE u."providerId" = $1 ORDER BY u."createdAt" LIMIT 1`,
          [provider.id, this.url, EVENT_TYPES, this.secret],
        );
      }
    } finally {
      await db.end();
    }
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((r) => this.server?.close(r));
  }
}
