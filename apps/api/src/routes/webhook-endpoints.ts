import {
  deliveryParams,
  idempotencyHeaders as headers,
  idParams,
  listOf,
  okBody,
  pageQuery,
  webhookDelivery,
  webhookEndpoint,
  webhookEndpointCreated,
  webhookEndpointInput,
} from "@mic/contracts";
import type { FastifyContextConfig, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { deliverySettings } from "../lib/delivery-settings";
import { AppError } from "../lib/errors";
import { sendMutation } from "../lib/idempotency";
import { userOf } from "../plugins/authorization";
import {
  createEndpoint,
  deleteEndpoint,
  listDeliveries,
  listEndpoints,
  retryDelivery,
  type EndpointOwner,
} from "../services/webhook-endpoints";

const tags = ["webhooks"];
const owners: FastifyContextConfig = { roles: ["ENTERPRISE_ADMIN", "PROVIDER_STAFF"] };

/** A tenant's admins manage the tenant's endpoints, a provider's staff the provider's (SPEC §14). */
function ownerOf(request: FastifyRequest): EndpointOwner {
  const user = userOf(request);
  if (user.role === "ENTERPRISE_ADMIN" && user.tenantId) return { tenantId: user.tenantId };
  if (user.role === "PROVIDER_STAFF" && user.providerId) return { providerId: user.providerId };
  throw new AppError("FORBIDDEN", "forbidden.role");
}

export const webhookEndpointRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/webhook-endpoints",
    {
      config: owners,
      schema: {
        tags,
        summary: "Your webhook endpoints, newest first (secrets are never shown again)",
        querystring: pageQuery,
        response: { 200: listOf(webhookEndpoint) },
      },
    },
    async (request) => listEndpoints(app.prisma, ownerOf(request), request.query),
  );

  app.post(
    "/api/webhook-endpoints",
    {
      config: owners,
      schema: {
        tags,
        summary: "Register an endpoint; the answer shows its signing secret (whsec_…) once",
        headers,
        body: webhookEndpointInput,
        response: { 201: webhookEndpointCreated },
      },
    },
    async (request, reply) =>
      sendMutation(request, reply, 201, (tx) =>
        createEndpoint(
          tx,
          userOf(request),
          ownerOf(request),
          request.body,
          deliverySettings().allowPrivateTargets,
        ),
      ),
  );

  app.delete(
    "/api/webhook-endpoints/:id",
    {
      config: owners,
      schema: {
        tags,
        summary: "Delete an endpoint and its log",
        headers,
        params: idParams,
        response: { 200: okBody },
      },
    },
    async (request, reply) =>
      sendMutation(request, reply, 200, (tx) =>
        deleteEndpoint(tx, userOf(request), ownerOf(request), request.params.id),
      ),
  );

  app.get(
    "/api/webhook-endpoints/:id/deliveries",
    {
      config: owners,
      schema: {
        tags,
        summary: "The endpoint's delivery log: one row per attempt, newest first",
        params: idParams,
        querystring: pageQuery,
        response: { 200: listOf(webhookDelivery) },
      },
    },
    async (request) => listDeliveries(app.prisma, ownerOf(request), request.params.id, request.query),
  );

  app.post(
    "/api/webhook-endpoints/:id/deliveries/:deliveryId/retry",
    {
      config: owners,
      schema: {
        tags,
        summary: "Deliver the event again now (the same webhook-id, a new attempt)",
        headers,
        params: deliveryParams,
        response: { 202: webhookDelivery },
      },
    },
    async (request, reply) =>
      sendMutation(request, reply, 202, (tx) =>
        retryDelivery(tx, ownerOf(request), request.params.id, request.params.deliveryId),
      ),
  );
};
