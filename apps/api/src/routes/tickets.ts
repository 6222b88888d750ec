import {
  idempotencyHeaders as headers,
  idParams,
  listOf,
  reasonInput,
  ticket,
  ticketInput,
  ticketListQuery,
} from "@mic/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { tenantOf } from "../lib/guards";
import { sendMutation } from "../lib/idempotency";
import { userOf } from "../plugins/authorization";
import { openTicket } from "../services/open-ticket";
import { resolveTicket } from "../services/resolve-ticket";
import { listTickets } from "../services/ticket-queries";

const tags = ["tickets"];

/** Void tickets (工单): a tenant asks, support voids the invoice or rejects the ticket (SPEC §4). */
export const ticketRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/tickets",
    {
      config: { roles: ["ENTERPRISE_ADMIN", "SUPPORT"] },
      schema: {
        tags,
        summary: "Void tickets, newest first: an admin its tenant's, support all",
        querystring: ticketListQuery,
        response: { 200: listOf(ticket) },
      },
    },
    async (request) => {
      const user = userOf(request);
      return listTickets(app.prisma, user.role === "SUPPORT" ? null : tenantOf(user), request.query);
    },
  );

  app.post(
    "/api/tickets",
    {
      config: { roles: ["ENTERPRISE_ADMIN"] },
      schema: {
        tags,
        summary: "Ask support to void a MAILING invoice that was mailed back (退票)",
        headers,
        body: ticketInput,
        response: { 201: ticket },
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      return sendMutation(request, reply, 201, (tx) => openTicket(tx, user, tenantOf(user), request.body));
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
        config: { roles: ["SUPPORT"] },
        schema: { tags, summary, headers, params: idParams, body: reasonInput, response: { 200: ticket } },
      },
      async (request, reply) =>
        sendMutation(request, reply, 200, (tx) =>
          resolveTicket(tx, {
            actor: userOf(request),
            ticketId: request.params.id,
            decision,
            reason: request.body.reason,
          }),
        ),
    );
  }
};
