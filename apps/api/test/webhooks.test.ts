import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { useDeliverySettings } from "../src/lib/delivery-settings";
import { isPrivateAddress } from "../src/services/webhook-target";
import { deliverDueWebhooks } from "../src/services/webhooks-deliver";
import { apply, as, useDemo } from "./flow";
import { useHarness } from "./harness";

const h = useHarness();
const { ids, who } = useDemo(h);

/** A receiver in the test: records every request and answers as `answer` decides. */
interface Received {
  headers: Record<string, string>;
  body: string;
}
let server: Server;
let target: string;
let received: Received[] = [];
let answer: (req: IncomingMessage, res: ServerResponse, body: string) => void = (_q, res) => res.end("ok");

beforeAll(async () => {
  useDeliverySettings({ allowPrivateTargets: true, mailDir: "/tmp/mic-test-mail" });
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      received.push({ headers: req.headers as Record<string, string>, body });
      answer(req, res, body);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  target = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});
afterEach(async () => {
  received = [];
  answer = (_q, res) => res.end("ok");
  // Each test starts with no endpoints, so no test delivers another's events.
  await h.prisma.webhookEndpoint.deleteMany({});
});

async function register(cookie: string, events: string[], url = target) {
  const res = await as(h, cookie)("POST", "/api/webhook-endpoints", { url, events });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; secret: string; url: string; events: string[]; enabled: boolean }>();
}
const settings = { allowPrivateTargets: true };
const deliver = (at = new Date()) => deliverDueWebhooks(h.prisma, at, settings, 50);
type Delivery = {
  id: string;
  eventId: string;
  type: string;
  attempt: number;
  statusCode: number | null;
  status: string;
};
async function log(cookie: string, endpointId: string) {
  const res = await as(h, cookie)("GET", `/api/webhook-endpoints/${endpointId}/deliveries?limit=100`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: Delivery[] }>().items;
}

describe("webhook endpoints", () => {
  it("shows the secret once, lists without it, deletes; refuses bad input with 400", async () => {
    const created = await register(who.staff, ["invoice_request.created", "invoice_request.created"]);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(created.events).toEqual(["invoice_request.created"]);
    const list = await as(h, who.staff)("GET", "/api/webhook-endpoints");
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(created.secret);
    expect(list.json<{ items: { id: string }[] }>().items.map((e) => e.id)).toEqual([created.id]);

    const staff = as(h, who.staff);
    for (const body of [
      { url: "ftp://example.com/x", events: ["ticket.created"] },
      { url: "not a url", events: ["ticket.created"] },
      { url: target, events: [] },
      { url: target, events: ["invoice_request.exploded"] },
      { url: target },
    ]) {
      const res = await staff("POST", "/api/webhook-endpoints", body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await staff("DELETE", `/api/webhook-endpoints/${created.id}`)).statusCode).toBe(200);
    expect((await staff("DELETE", `/api/webhook-endpoints/${created.id}`)).statusCode).toBe(404);
    expect((await as(h, who.support)("GET", "/api/webhook-endpoints")).statusCode).toBe(403);
  });

  it("audits creating and deleting an endpoint, readable in the audit trail", async () => {
    const created = await register(who.admin, ["ticket.created"]);
    expect((await as(h, who.admin)("DELETE", `/api/webhook-endpoints/${created.id}`)).statusCode).toBe(200);
    const res = await as(h, who.admin)(
      "GET",
      `/api/audit-events?entityType=WebhookEndpoint&entityId=${created.id}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const actions = res.json<{ items: { action: string }[] }>().items.map((e) => e.action);
    expect(actions.sort()).toEqual(["CREATE", "DELETE"]);
    expect(res.body).not.toContain(created.secret);
  });

  it("refuses loopback and private targets unless WEBHOOK_ALLOW_PRIVATE_TARGETS=true", async () => {
    useDeliverySettings({ allowPrivateTargets: false, mailDir: "/tmp/mic-test-mail" });
    try {
      for (const url of [
        target,
        "http://10.1.2.3/x",
        "http://[::1]:8080/x",
        "http://192.168.1.1/",
        "http://localhost/x",
      ]) {
        const res = await as(h, who.admin)("POST", "/api/webhook-endpoints", {
          url,
          events: ["ticket.created"],
        });
        expect(res.statusCode, url).toBe(400);
        expect(res.json<{ error: { fields: Record<string, string> } }>().error.fields.url).toBeDefined();
      }
    } finally {
      useDeliverySettings({ allowPrivateTargets: true, mailDir: "/tmp/mic-test-mail" });
    }
    expect(isPrivateAddress("::ffff:127.0.0.1")).toBe(true);
    expect(isPrivateAddress("169.254.169.254")).toBe(true);
    expect(isPrivateAddress("93.184.216.34")).toBe(false);
    // A worker with private targets off does not connect to one, whatever the stored URL says.
    const endpoint = await register(who.admin, ["invoice_request.created"]);
    await apply(h, who.admin, ids.acme, ids.cloudsoft, "1.00");
    await deliverDueWebhooks(h.prisma, new Date(), { allowPrivateTargets: false }, 50);
    expect(received).toHaveLength(0);
    expect((await log(who.admin, endpoint.id))[0]?.statusCode ?? null).toBeNull();
  });

  it("nobody reaches another tenant's or provider's endpoints or deliveries: 404", async () => {
    const mine = await register(who.admin, ["invoice_request.processing"]);
    const theirs = await register(who.staff, ["invoice_request.created"]);
    await apply(h, who.admin, ids.acme, ids.cloudsoft, "1.00");
    const [delivery] = await log(who.staff, theirs.id);
    expect(delivery).toBeDefined();
    for (const [cookie, id] of [
      [who.globex, mine.id],
      [who.datawise, theirs.id],
      [who.admin, theirs.id],
      [who.staff, mine.id],
    ] as const) {
      const caller = as(h, cookie);
      expect((await caller("GET", `/api/webhook-endpoints/${id}/deliveries`)).statusCode).toBe(404);
      expect((await caller("DELETE", `/api/webhook-endpoints/${id}`)).statusCode).toBe(404);
      expect(
        (await caller("POST", `/api/webhook-endpoints/${id}/deliveries/${delivery!.id}/retry`)).statusCode,
      ).toBe(404);
      const list = (await caller("GET", "/api/webhook-endpoints")).json<{ items: { id: string }[] }>();
      expect(list.items.map((e) => e.id)).not.toContain(id);
    }
    // Another provider's staff never get this provider's events.
    const dw = await register(who.datawise, ["invoice_request.created"]);
    await apply(h, who.admin, ids.acme, ids.cloudsoft, "1.00");
    expect(await log(who.datawise, dw.id)).toEqual([]);
  });
});

describe("delivery", () => {
  it("signs per Standard Webhooks, retries after a 500 with the same webhook-id, logs every attempt", async () => {
    const endpoint = await register(who.staff, ["invoice_request.created"]);
    let calls = 0;
    answer = (_q, res) => {
      calls++;
      res.statusCode = calls === 1 ? 500 : 204;
      res.end(calls === 1 ? "boom" : "");
    };
    const requestId = await apply(h, who.admin, ids.acme, ids.cloudsoft, "1.00");
    expect(await deliver()).toBe(1);
    expect(received).toHaveLength(1);
    const first = received[0]!;
    const payload = new Webhook(endpoint.secret).verify(first.body, first.headers) as {
      type: string;
      timestamp: string;
      data: { id: string; status: string };
    };
    expect(payload.type).toBe("invoice_request.created");
    expect(payload.data).toMatchObject({ id: requestId, status: "PENDING" });
    expect(first.headers["webhook-signature"]).toMatch(/^v1,/);
    expect(() => new Webhook(endpoint.secret).verify(`${first.body} `, first.headers)).toThrow();

    // Not due yet; due within 10 s.
    expect(await deliver()).toBe(0);
    expect(await deliver(new Date(Date.now() + 10_000))).toBe(1);
    expect(received).toHaveLength(2);
    expect(received[1]!.headers["webhook-id"]).toBe(first.headers["webhook-id"]);
    new Webhook(endpoint.secret).verify(received[1]!.body, received[1]!.headers);

    const attempts = await log(who.staff, endpoint.id);
    expect(attempts.map((a) => [a.attempt, a.statusCode, a.status])).toEqual([
      [2, 204, "SUCCEEDED"],
      [1, 500, "FAILED"],
    ]);
    expect(attempts[0]!.type).toBe("invoice_request.created");
    const row = await h.prisma.webhookDelivery.findFirstOrThrow({
      where: { attempt: 1, endpointId: endpoint.id },
    });
    expect(row.responseExcerpt).toBe("boom");
    expect(row.durationMs).toBeGreaterThanOrEqual(0);

    // Manual redelivery: a third attempt of the same event, now.
    const retry = await as(h, who.staff)(
      "POST",
      `/api/webhook-endpoints/${endpoint.id}/deliveries/${attempts[1]!.id}/retry`,
    );
    expect(retry.statusCode, retry.body).toBe(202);
    expect(retry.json<Delivery>().attempt).toBe(3);
    expect(await deliver()).toBe(1);
    expect(received[2]!.headers["webhook-id"]).toBe(first.headers["webhook-id"]);
  });

  it("does not follow redirects, reads only the start of an answer, and a 410 disables the endpoint", async () => {
    const endpoint = await register(who.admin, ["invoice_request.processing"]);
    answer = (_q, res) => {
      res.statusCode = 302;
      res.setHeader("location", "http://127.0.0.1:1/elsewhere");
      res.end("x".repeat(100_000));
    };
    const id = await apply(h, who.admin, ids.acme, ids.cloudsoft, "1.00");
    expect((await as(h, who.staff)("POST", `/api/invoice-requests/${id}/start-processing`)).statusCode).toBe(
      200,
    );
    await deliver();
    expect(received).toHaveLength(1);
    const redirected = (await log(who.admin, endpoint.id)).find((d) => d.attempt === 1);
    expect(redirected!.statusCode).toBe(302);
    const row = await h.prisma.webhookDelivery.findUniqueOrThrow({ where: { id: redirected!.id } });
    expect(row.responseExcerpt!.length).toBeLessThanOrEqual(1000);

    answer = (_q, res) => {
      res.statusCode = 410;
      res.end("gone");
    };
    await deliver(new Date(Date.now() + 10_000));
    const disabled = (await as(h, who.admin)("GET", "/api/webhook-endpoints")).json<{
      items: { id: string; enabled: boolean; disabledReason: string | null }[];
    }>();
    expect(disabled.items[0]).toMatchObject({ id: endpoint.id, enabled: false });
    // Disabled: nothing more is queued or sent.
    const other = await apply(h, who.admin, ids.acme, ids.cloudsoft, "1.00");
    await as(h, who.staff)("POST", `/api/invoice-requests/${other}/start-processing`);
    await deliver(new Date(Date.now() + 3_600_000));
    expect(received).toHaveLength(2);
  });

  it("gives up on a receiver that does not answer in time, and tries again later", async () => {
    const endpoint = await register(who.staff, ["invoice_request.created"]);
    answer = () => {}; // never answers
    await apply(h, who.admin, ids.acme, ids.cloudsoft, "1.00");
    await deliverDueWebhooks(h.prisma, new Date(), { allowPrivateTargets: true, timeoutMs: 300 }, 50);
    const row = await h.prisma.webhookDelivery.findFirstOrThrow({
      where: { endpointId: endpoint.id, attempt: 1 },
    });
    expect(row).toMatchObject({
      status: "FAILED",
      statusCode: null,
      responseExcerpt: "timed out after 0.3 s",
    });
    expect(row.durationMs).toBeGreaterThanOrEqual(290);
    expect(await h.prisma.webhookDelivery.count({ where: { endpointId: endpoint.id, attempt: 2 } })).toBe(1);
  });

  it("two workers at once never send one attempt twice", async () => {
    await register(who.staff, ["invoice_request.created"]);
    answer = (_q, res) => setTimeout(() => res.end("ok"), 50);
    for (let i = 0; i < 6; i++) await apply(h, who.admin, ids.acme, ids.cloudsoft, "1.00");
    await Promise.all([deliver(), deliver(), deliver()]);
    const idsSeen = received.map((r) => r.headers["webhook-id"]);
    expect(idsSeen).toHaveLength(6);
    expect(new Set(idsSeen).size).toBe(6);
  });

  it("a worker killed with SIGKILL mid-delivery loses nothing: every event is delivered", async () => {
    const endpoint = await register(who.staff, ["invoice_request.created"]);
    const events = 5;
    for (let i = 0; i < events; i++) await apply(h, who.admin, ids.acme, ids.cloudsoft, "1.00");
    let held: (() => void) | undefined;
    const heldOne = new Promise<void>((r) => (held = r));
    let holding = true;
    answer = (_q, res) => {
      if (holding) {
        holding = false;
        held!();
        return; // never answered: the worker dies waiting
      }
      res.end("ok");
    };
    const first = startWorker();
    await heldOne;
    first.kill("SIGKILL");
    await new Promise((r) => first.once("exit", r));

    const second = startWorker();
    try {
      await waitFor(async () => {
        const done = await h.prisma.webhookDelivery.count({
          where: { endpointId: endpoint.id, status: "SUCCEEDED" },
        });
        return done === events;
      }, 30_000);
    } finally {
      second.kill("SIGKILL");
    }
    const outbox = await h.prisma.webhookDelivery.findMany({ where: { endpointId: endpoint.id } });
    expect(new Set(outbox.filter((d) => d.status === "SUCCEEDED").map((d) => d.eventId)).size).toBe(events);
    expect(outbox.every((d) => d.status === "SUCCEEDED")).toBe(true);
    const delivered = new Set(received.map((r) => r.headers["webhook-id"]));
    expect(delivered.size).toBe(events);
    // The attempt the dead worker held was sent again under the same webhook-id (so were any answers
    // it got but had no time to record): at least once, never lost.
    expect(received.length).toBeGreaterThan(events);
  });
});

function startWorker(): ChildProcess {
  const script = fileURLToPath(new URL("./webhook-worker.child.ts", import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", script, h.url, "1500"], {
    cwd: fileURLToPath(new URL("..", import.meta.url)),
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr.on("data", (d: Buffer) => process.stdout.write(`[worker] ${d.toString()}`));
  return child;
}

async function waitFor(check: () => Promise<boolean>, ms: number) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 200));
  }
}
