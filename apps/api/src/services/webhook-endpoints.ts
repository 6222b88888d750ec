import { randomBytes } from "node:crypto";
import type {
  WebhookDelivery as DeliveryJson,
  WebhookEndpoint as EndpointJson,
  webhookEndpointInput,
} from "@mic/contracts";
import type { Db, WebhookDelivery, WebhookEndpoint } from "@mic/db";
import type { z } from "zod";
import { audit, type Actor } from "../lib/audit";
import { AppError, notFound } from "../lib/errors";
import { isUuid, newestPage } from "../lib/pagination";
import type { Tx } from "../lib/tx";
import { checkWebhookTarget } from "./webhook-target";

/** Whose endpoints: a tenant's (its admins) or a provider's (its staff). */
export type EndpointOwner = { tenantId: string } | { providerId: string };

function endpointJson(e: WebhookEndpoint): EndpointJson {
  return {
    id: e.id,
    url: e.url,
    events: e.events,
    enabled: e.enabled,
    disabledReason: e.disabledReason,
    createdAt: e.createdAt.toISOString(),
  };
}

function deliveryJson(d: WebhookDelivery & { event: { type: string } }): DeliveryJson {
  return {
    id: d.id,
    eventId: d.eventId,
    type: d.event.type,
    attempt: d.attempt,
    status: d.status,
    statusCode: d.statusCode,
    durationMs: d.durationMs,
    responseExcerpt: d.responseExcerpt,
    createdAt: d.createdAt.toISOString(),
  };
}

async function ownEndpoint(db: Db | Tx, owner: EndpointOwner, id: string) {
  const found = isUuid(id) ? await db.webhookEndpoint.findFirst({ where: { id, ...owner } }) : null;
  if (!found) throw notFound();
  return found;
}

export async function listEndpoints(db: Db, owner: EndpointOwner, q: { limit: number; cursor?: string }) {
  const { rows, nextCursor } = await newestPage(q, owner, (window) => db.webhookEndpoint.findMany(window));
  return { items: rows.map(endpointJson), nextCursor };
}

/** A new endpoint with its signing secret (`whsec_` + 24 random bytes), shown in this answer only. */
export async function createEndpoint(
  tx: Tx,
  actor: Actor,
  owner: EndpointOwner,
  input: z.output<typeof webhookEndpointInput>,
  allowPrivateTargets: boolean,
) {
  await checkWebhookTarget(input.url, allowPrivateTargets);
  const secret = `whsec_${randomBytes(24).toString("base64")}`;
  const endpoint = await tx.webhookEndpoint.create({
    data: { ...owner, url: input.url, events: input.events, secret, createdById: actor.id },
  });
  await audit(tx, {
    actor,
    tenantId: "tenantId" in owner ? owner.tenantId : null,
    action: "CREATE",
    entityType: "WebhookEndpoint",
    entityId: endpoint.id,
    after: { url: input.url, events: input.events },
  });
  return { ...endpointJson(endpoint), secret };
}

export async function deleteEndpoint(tx: Tx, actor: Actor, owner: EndpointOwner, id: string) {
  const endpoint = await ownEndpoint(tx, owner, id);
  await tx.webhookEndpoint.delete({ where: { id: endpoint.id } });
  await audit(tx, {
    actor,
    tenantId: endpoint.tenantId,
    action: "DELETE",
    entityType: "WebhookEndpoint",
    entityId: endpoint.id,
    before: { url: endpoint.url, events: endpoint.events },
  });
  return { ok: true as const };
}

/** The endpoint's delivery log, one row per attempt, newest first. */
export async function listDeliveries(
  db: Db,
  owner: EndpointOwner,
  id: string,
  q: { limit: number; cursor?: string },
) {
  const endpoint = await ownEndpoint(db, owner, id);
  const { rows, nextCursor } = await newestPage(q, { endpointId: endpoint.id }, (window) =>
    db.webhookDelivery.findMany({ ...window, include: { event: { select: { type: true } } } }),
  );
  return { items: rows.map(deliveryJson), nextCursor };
}

/**
 * Redelivers an event now, as a new attempt of the same event (the same `webhook-id`). A retry
 * already waiting is brought forward instead of adding a second.
 */
export async function retryDelivery(tx: Tx, owner: EndpointOwner, id: string, deliveryId: string) {
  const endpoint = await ownEndpoint(tx, owner, id);
  const delivery = isUuid(deliveryId)
    ? await tx.webhookDelivery.findFirst({ where: { id: deliveryId, endpointId: endpoint.id } })
    : null;
  if (!delivery) throw notFound();
  if (!endpoint.enabled) throw new AppError("CONFLICT", "webhook.disabled");
  const now = new Date();
  const waiting = await tx.webhookDelivery.findFirst({
    where: { eventId: delivery.eventId, endpointId: endpoint.id, status: "PENDING" },
  });
  const next = waiting
    ? await tx.webhookDelivery.update({ where: { id: waiting.id }, data: { runAt: now } })
    : await tx.webhookDelivery.create({
        data: {
          eventId: delivery.eventId,
          endpointId: endpoint.id,
          attempt:
            ((
              await tx.webhookDelivery.aggregate({
                where: { eventId: delivery.eventId, endpointId: endpoint.id },
                _max: { attempt: true },
              })
            )._max.attempt ?? 0) + 1,
          runAt: now,
        },
      });
  return deliveryJson({
    ...next,
    event: await tx.outboxEvent.findUniqueOrThrow({ where: { id: next.eventId }, select: { type: true } }),
  });
}
