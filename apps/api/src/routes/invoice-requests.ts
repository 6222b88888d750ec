import { Readable } from "node:stream";
import {
  applyInvoiceInput,
  errorBody,
  idempotencyHeaders as headers,
  idParams,
  invoiceFilters,
  invoiceListQuery,
  invoiceQuote,
  invoiceRequest,
  listOf,
  shipInput,
} from "@mic/contracts";
import { chinaDate } from "@mic/domain";
import type { App, Ctx } from "../app";
import { tenantOf, providerOf } from "../lib/guards";
import { idempotencyOf, sendMutation, sendOutcome } from "../lib/idempotency";
import { scopeOf } from "../lib/scope";
import { authorize, userOf, type SessionUser } from "../lib/session";
import { applyForInvoice, quoteInvoice } from "../services/apply-for-invoice";
import { exportInvoiceRequests, getInvoiceRequest, listInvoiceRequests } from "../services/invoice-queries";
import { transitionInvoice } from "../services/transition-invoice";

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const tags = ["invoice-requests"];

export function invoiceRequestRoutes(app: App, { prisma, sessions }: Ctx) {
  const admin = authorize(sessions, ["ENTERPRISE_ADMIN"]);
  const staff = authorize(sessions, ["PROVIDER_STAFF"]);
  const anyone = authorize(sessions, ["ENTERPRISE_ADMIN", "PROVIDER_STAFF", "SUPPORT"]);

  app.post(
    "/api/invoice-requests/quote",
    {
      onRequest: admin,
      schema: {
        tags,
        summary: "Check an application and show what would be stored (确认开票信息)",
        body: applyInvoiceInput,
        response: { 200: invoiceQuote, ...errors },
      },
    },
    async (request) => quoteInvoice(prisma, tenantOf(userOf(request)), request.body),
  );

  app.post(
    "/api/invoice-requests",
    {
      onRequest: admin,
      schema: {
        tags,
        summary: "Apply for an invoice; send Idempotency-Key to make retries safe",
        headers,
        body: applyInvoiceInput,
        response: { 201: invoiceRequest, ...errors },
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      const outcome = await applyForInvoice(
        prisma,
        user,
        tenantOf(user),
        request.body,
        idempotencyOf(request),
      );
      return sendOutcome(reply, outcome);
    },
  );

  app.get(
    "/api/invoice-requests",
    {
      onRequest: anyone,
      schema: {
        tags,
        summary: "Invoice records (开票记录), newest first, keyset pagination",
        querystring: invoiceListQuery,
        response: { 200: listOf(invoiceRequest), ...errors },
      },
    },
    async (request) => listInvoiceRequests(prisma, scopeOf(userOf(request)), request.query),
  );

  app.get(
    "/api/invoice-requests/export.csv",
    {
      onRequest: anyone,
      schema: { tags, summary: "The filtered records as CSV (UTF-8 with BOM)", querystring: invoiceFilters },
    },
    async (request, reply) => {
      const stream = Readable.from(exportInvoiceRequests(prisma, scopeOf(userOf(request)), request.query));
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="invoice-records-${chinaDate(new Date())}.csv"`)
        .send(stream);
    },
  );

  app.get(
    "/api/invoice-requests/:id",
    { onRequest: anyone, schema: { tags, params: idParams, response: { 200: invoiceRequest, ...errors } } },
    async (request) => getInvoiceRequest(prisma, scopeOf(userOf(request)), request.params.id),
  );

  // The two transitions without a body: who may ask, and which requests they can reach.
  const simple = [
    {
      path: "cancel",
      action: "CANCEL",
      onRequest: admin,
      summary: "PENDING → CANCELLED (撤销); the amount is given back",
      scope: (user: SessionUser) => ({ tenantId: tenantOf(user) }),
    },
    {
      path: "start-processing",
      action: "START_PROCESSING",
      onRequest: staff,
      summary: "PENDING → PROCESSING (provider staff)",
      scope: (user: SessionUser) => ({ providerId: providerOf(user) }),
    },
  ] as const;
  for (const t of simple) {
    app.post(
      `/api/invoice-requests/:id/${t.path}`,
      {
        onRequest: t.onRequest,
        schema: {
          tags,
          summary: t.summary,
          headers,
          params: idParams,
          response: { 200: invoiceRequest, ...errors },
        },
      },
      async (request, reply) => {
        const user = userOf(request);
        return sendMutation(prisma, request, reply, user.id, 200, (tx) =>
          transitionInvoice(tx, {
            actor: user,
            requestId: request.params.id,
            action: t.action,
            scope: t.scope(user),
          }),
        );
      },
    );
  }

  app.post(
    "/api/invoice-requests/:id/ship",
    {
      onRequest: staff,
      schema: {
        tags,
        summary: "PROCESSING → MAILING with invoice number, courier and tracking number",
        headers,
        params: idParams,
        body: shipInput,
        response: { 200: invoiceRequest, ...errors },
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      const { invoiceNumber, courier, courierName, trackingNumber } = request.body;
      return sendMutation(prisma, request, reply, user.id, 200, (tx) =>
        transitionInvoice(tx, {
          actor: user,
          requestId: request.params.id,
          action: "SHIP",
          scope: { providerId: providerOf(user) },
          data: {
            invoiceNumber,
            courier: courier === "OTHER" ? (courierName ?? "OTHER") : courier,
            trackingNumber,
          },
        }),
      );
    },
  );
}
