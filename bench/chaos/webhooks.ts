// The harness's webhook receiver (issue 10): one endpoint per harness provider, subscribed to every
// event type, pointing at an HTTP server in the harness that checks each Standard Webhooks signature,
// answers 500 to a few first attempts (so retries run under the faults), and records every id.
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { WEBHOOK_EVENT_TYPES } from "@mic/contracts";
import pg from "pg";
import { Webhook } from "standardwebhooks";
import type { Fixtures } from "./fixtures";

export class WebhookReceiver {
  /** Every webhook-id received with a valid signature, and how often. */
  readonly received = new Map<string, number>();
  badSignatures = 0;
  requests = 0;
  private readonly secret = `whsec_${randomBytes(24).toString("base64")}`;
  // The verifier a provider's ERP would use (the console's help shows the same snippet).
  private readonly verifier = new Webhook(this.secret);
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

  private signed(id: string, timestamp: string, body: string, signature: string): boolean {
    try {
      this.verifier.verify(body, {
        "webhook-id": id,
        "webhook-timestamp": timestamp,
        "webhook-signature": signature,
      });
      return true;
    } catch {
      return false;
    }
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
          [provider.id, this.url, WEBHOOK_EVENT_TYPES, this.secret],
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
