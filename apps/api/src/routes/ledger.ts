import {
  idempotencyHeaders as headers,
  ledgerEntry,
  listOf,
  refundInput,
  refundListQuery,
  withdrawal,
  withdrawalInput,
  withdrawalListQuery,
} from "@mic/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { tenantOf } from "../lib/guards";
import { sendMutation } from "../lib/idempotency";
import { userOf } from "../plugins/authorization";
import { listRefunds, recordRefund } from "../services/record-refund";
import { listWithdrawals, withdraw } from "../services/withdraw";

/** Refunds (退款, recorded by support) and withdrawals of refunded money (提现, by the tenant). */
export const ledgerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/refunds",
    {
      config: { roles: ["SUPPORT"] },
      schema: {
        tags: ["refunds"],
        summary: "Recorded refunds, newest first",
        querystring: refundListQuery,
        response: { 200: listOf(ledgerEntry) },
      },
    },
    async (request) => listRefunds(app.prisma, request.query),
  );

  app.post(
    "/api/refunds",
    {
      config: { roles: ["SUPPORT"] },
      schema: {
        tags: ["refunds"],
        summary: "Record a refund: a new REFUND ledger row; at most the remaining consumption",
        headers,
        body: refundInput,
        response: { 201: ledgerEntry },
      },
    },
    async (request, reply) =>
      sendMutation(request, reply, 201, (tx) => recordRefund(tx, userOf(request), request.body)),
  );

  app.get(
    "/api/withdrawals",
    {
      config: { roles: ["ENTERPRISE_ADMIN"] },
      schema: {
        tags: ["withdrawals"],
        summary: "The tenant's withdrawals, newest first",
        querystring: withdrawalListQuery,
        response: { 200: listOf(withdrawal) },
      },
    },
    async (request) => listWithdrawals(app.prisma, tenantOf(userOf(request)), request.query),
  );

  app.post(
    "/api/withdrawals",
    {
      config: { roles: ["ENTERPRISE_ADMIN"] },
      schema: {
        tags: ["withdrawals"],
        summary:
          "Withdraw refunded money at a provider (提现); 409 while over-invoiced there; send Idempotency-Key to make retries safe",
        headers,
        body: withdrawalInput,
        response: { 201: withdrawal },
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      return sendMutation(request, reply, 201, (tx) => withdraw(tx, user, tenantOf(user), request.body));
    },
  );
};
