import {
  errorBody,
  idempotencyHeaders as headers,
  ledgerEntry,
  listOf,
  refundInput,
  refundListQuery,
  withdrawal,
  withdrawalInput,
  withdrawalListQuery,
} from "@mic/contracts";
import type { App, Ctx } from "../app";
import { tenantOf } from "../lib/guards";
import { sendMutation } from "../lib/idempotency";
import { authorize, userOf } from "../lib/session";
import { listRefunds, recordRefund } from "../services/record-refund";
import { listWithdrawals, withdraw } from "../services/withdraw";

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/** Refunds (退款, recorded by support) and withdrawals of refunded money (提现, by the tenant). */
export function ledgerRoutes(app: App, { prisma, sessions }: Ctx) {
  const admin = authorize(sessions, ["ENTERPRISE_ADMIN"]);
  const support = authorize(sessions, ["SUPPORT"]);

  app.get(
    "/api/refunds",
    {
      onRequest: support,
      schema: {
        tags: ["refunds"],
        summary: "Recorded refunds, newest first",
        querystring: refundListQuery,
        response: { 200: listOf(ledgerEntry), ...errors },
      },
    },
    async (request) => listRefunds(prisma, request.query),
  );

  app.post(
    "/api/refunds",
    {
      onRequest: support,
      schema: {
        tags: ["refunds"],
        summary: "Record a refund: a new REFUND ledger row; at most the remaining consumption",
        headers,
        body: refundInput,
        response: { 201: ledgerEntry, ...errors },
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      return sendMutation(prisma, request, reply, user.id, 201, (tx) => recordRefund(tx, user, request.body));
    },
  );

  app.get(
    "/api/withdrawals",
    {
      onRequest: admin,
      schema: {
        tags: ["withdrawals"],
        summary: "The tenant's withdrawals, newest first",
        querystring: withdrawalListQuery,
        response: { 200: listOf(withdrawal), ...errors },
      },
    },
    async (request) => listWithdrawals(prisma, tenantOf(userOf(request)), request.query),
  );

  app.post(
    "/api/withdrawals",
    {
      onRequest: admin,
      schema: {
        tags: ["withdrawals"],
        summary:
          "Withdraw refunded money at a provider (提现); 409 while over-invoiced there; send Idempotency-Key to make retries safe",
        headers,
        body: withdrawalInput,
        response: { 201: withdrawal, ...errors },
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      return sendMutation(prisma, request, reply, user.id, 201, (tx) =>
        withdraw(tx, user, tenantOf(user), request.body),
      );
    },
  );
}
