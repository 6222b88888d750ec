import {
  errorBody,
  idempotencyHeaders as headers,
  idParams,
  listOf,
  reasonInput,
  ticket,
  ticketInput,
  ticketListQuery,
} from "@mic/contracts";
import type { App, Ctx } from "../app";
import { tenantOf } from "../lib/guards";
import { sendMutation } from "../lib/idempotency";
import { authorize, userOf } from "../lib/session";
import { openTicket } from "../services/open-ticket";
import { resolveTicket } from "../services/resolve-ticket";
import { listTickets } from "../services/ticket-queries";

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const tags = ["tickets"];

/** Void tickets (工单): a tenant asks, support voids the invoice or rejects the ticket (SPEC §4). */
export function ticketRoutes(app: App, { prisma, sessions }: Ctx) {
  const admin = authorize(sessions, ["ENTERPRISE_ADMIN"]);
  const support = authorize(sessions, ["SUPPORT"]);

  app.get(
    "/api/tickets",
    {
      onRequest: authorize(sessions, ["ENTERPRISE_ADMIN", "SUPPORT"]),
      schema: {
        tags,
        summary: "Void tickets, newest first: an admin its tenant's, support all",
        querystring: ticketListQuery,
        response: { 200: listOf(ticket), ...errors },
      },
    },
    async (request) => {
      const user = userOf(request);
      return listTickets(prisma, user.role === "SUPPORT" ? null : tenantOf(user), request.query);
    },
  );

  app.post(
    "/api/tickets",
    {
      onRequest: admin,
      schema: {
        tags,
        summary: "Ask support to void a MAILING invoice that was mailed back (退票)",
        headers,
        body: ticketInput,
        response: { 201: ticket, ...errors },
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      return sendMutation(prisma, request, reply, user.id, 201, (tx) =>
        openTicket(tx, user, tenantOf(user), request.body),
      );
    },
  );

  for (const decision of ["VOID", "REJECT"] as const) {
    const summary =
      decision === "VOID"
        ? "Void the invoice (MAILING → VOIDED, the amount is given back) and resolve the ticket"
        : "Reject the ticket; the invoice stays as it is";
    app.post(
      `/api/tickets/:id/${decision.toLowerCase()}`,
      {
        onRequest: support,
        schema: {
          tags,
          summary,
          headers,
          params: idParams,
          body: reasonInput,
          response: { 200: ticket, ...errors },
        },
      },
      async (request, reply) => {
        const user = userOf(request);
        return sendMutation(prisma, request, reply, user.id, 200, (tx) =>
          resolveTicket(tx, {
            actor: user,
            ticketId: request.params.id,
            decision,
            reason: request.body.reason,
          }),
        );
      },
    );
  }
}
