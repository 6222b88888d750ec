import {
  approveReturnInput,
  declineReturnInput,
  idempotencyHeaders as headers,
  idParams,
  listOf,
  returnRequest,
  returnRequestInput,
  returnRequestListQuery,
} from "@mic/contracts";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { tenantOf } from "../lib/guards";
import { sendMutation } from "../lib/idempotency";
import { scopeOf } from "../lib/scope";
import { SIGNED_IN, userOf } from "../plugins/authorization";
import { listReturnRequests } from "../services/return-request-queries";
import { decideReturnRequest, openReturnRequest, type ReturnDecision } from "../services/return-requests";

const tags = ["return-requests"];

/** 退票申请 and 红冲 (SPEC §13): the tenant asks, the provider decides, the buyer confirms a reversal. */
export const returnRequestRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/api/invoice-requests/:id/return-requests",
    {
      config: { roles: ["ENTERPRISE_ADMIN"] },
      schema: {
        tags,
        summary:
          "Ask the provider to take back a PROCESSING, MAILING or ISSUED invoice (退票申请); one open at a time",
        headers,
        params: idParams,
        body: returnRequestInput,
        response: { 201: returnRequest },
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      return sendMutation(request, reply, 201, (tx) =>
        openReturnRequest(tx, {
          actor: user,
          tenantId: tenantOf(user),
          requestId: request.params.id,
          reason: request.body.reason,
        }),
      );
    },
  );

  app.get(
    "/api/return-requests",
    {
      config: { roles: SIGNED_IN },
      schema: {
        tags,
        summary: "Return requests, newest first: an admin its tenant's, staff their provider's, support all",
        querystring: returnRequestListQuery,
        response: { 200: listOf(returnRequest) },
      },
    },
    async (request) => listReturnRequests(app.prisma, scopeOf(userOf(request)), request.query),
  );

  /** The three decisions differ in who may take them and what they carry; the step is one. */
  const decide =
    (action: ReturnDecision) =>
    async (
      request: FastifyRequest<{
        Params: { id: string };
        Body?: { reason?: string; redLetterNumber?: string };
      }>,
      reply: FastifyReply,
    ) => {
      const user = userOf(request);
      return sendMutation(request, reply, 200, (tx) =>
        decideReturnRequest(tx, {
          actor: user,
          returnRequestId: request.params.id,
          action,
          scope: scopeOf(user),
          redLetterNumber: request.body?.redLetterNumber,
          reason: request.body?.reason,
        }),
      );
    };

  app.post(
    "/api/return-requests/:id/approve",
    {
      config: { roles: ["PROVIDER_STAFF"] },
      schema: {
        tags,
        summary:
          "Approve: a PROCESSING request is cancelled; a MAILING one goes on to the void ticket; an ISSUED one (redLetterNumber required) awaits the buyer's confirmation for 72 hours",
        headers,
        params: idParams,
        body: approveReturnInput,
        response: { 200: returnRequest },
      },
    },
    decide("APPROVE"),
  );

  app.post(
    "/api/return-requests/:id/decline",
    {
      config: { roles: ["PROVIDER_STAFF"] },
      schema: {
        tags,
        summary: "Decline with a reason; the invoice request is unchanged",
        headers,
        params: idParams,
        body: declineReturnInput,
        response: { 200: returnRequest },
      },
    },
    decide("DECLINE"),
  );

  app.post(
    "/api/return-requests/:id/confirm",
    {
      config: { roles: ["ENTERPRISE_ADMIN"] },
      schema: {
        tags,
        summary:
          "The buyer confirms the red-letter reversal before it expires: ISSUED → VOIDED, the amount returns",
        headers,
        params: idParams,
        response: { 200: returnRequest },
      },
    },
    decide("CONFIRM"),
  );
};
