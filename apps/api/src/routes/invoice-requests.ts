import { Readable } from "node:stream";
import {
  applyInvoiceInput,
  idempotencyHeaders as headers,
  idParams,
  invoiceFilters,
  invoiceListQuery,
  invoiceQuote,
  courierOf,
  invoiceRequest,
  issueInput,
  langFrom,
  listOf,
  rejectInput,
  shipInput,
} from "@mic/contracts";
import { chinaDate } from "@mic/domain";
import type { FastifyContextConfig } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { providerOf, tenantOf } from "../lib/guards";
import { idempotencyOf, sendMutation, sendOutcome } from "../lib/idempotency";
import { scopeOf } from "../lib/scope";
import type { SessionUser } from "../lib/session";
import { SIGNED_IN, userOf } from "../plugins/authorization";
import { applyForInvoice, quoteInvoice } from "../services/apply-for-invoice";
import { exportInvoiceRequests, getInvoiceRequest, listInvoiceRequests } from "../services/invoice-queries";
import { issueInvoice } from "../services/issue-invoice";
import { rejectInvoice } from "../services/reject-invoice";
import { transitionInvoice } from "../services/transition-invoice";

const tags = ["invoice-requests"];
const admin: FastifyContextConfig = { roles: ["ENTERPRISE_ADMIN"] };
const staff: FastifyContextConfig = { roles: ["PROVIDER_STAFF"] };
const anyone: FastifyContextConfig = { roles: SIGNED_IN };

export const invoiceRequestRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/api/invoice-requests/quote",
    {
      config: admin,
      schema: {
        tags,
        summary: "Check an application and show what would be stored (确认开票信息)",
        body: applyInvoiceInput,
        response: { 200: invoiceQuote },
      },
    },
    async (request) => quoteInvoice(app.prisma, tenantOf(userOf(request)), request.body),
  );

  app.post(
    "/api/invoice-requests",
    {
      config: admin,
      schema: {
        tags,
        summary: "Apply for an invoice; send Idempotency-Key to make retries safe",
        headers,
        body: applyInvoiceInput,
        response: { 201: invoiceRequest },
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      const outcome = await applyForInvoice(
        app.prisma,
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
      config: anyone,
      schema: {
        tags,
        summary: "Invoice records (开票记录), newest first, keyset pagination",
        querystring: invoiceListQuery,
        response: { 200: listOf(invoiceRequest) },
      },
    },
    async (request) => listInvoiceRequests(app.prisma, scopeOf(userOf(request)), request.query),
  );

  app.get(
    "/api/invoice-requests/export.csv",
    {
      config: {
        ...anyone,
        download: { mediaType: "text/csv", description: "The records, UTF-8 with BOM, one per line" },
      },
      schema: { tags, summary: "The filtered records as CSV (UTF-8 with BOM)", querystring: invoiceFilters },
    },
    async (request, reply) => {
      const stream = Readable.from(
        exportInvoiceRequests(
          app.prisma,
          scopeOf(userOf(request)),
          request.query,
          langFrom(request.headers["accept-language"]),
        ),
      );
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="invoice-records-${chinaDate(new Date())}.csv"`)
        .send(stream);
    },
  );

  app.get(
    "/api/invoice-requests/:id",
    {
      config: anyone,
      schema: { tags, summary: "One invoice request", params: idParams, response: { 200: invoiceRequest } },
    },
    async (request) => getInvoiceRequest(app.prisma, scopeOf(userOf(request)), request.params.id),
  );

  // The two transitions without a body: who may ask, and which requests they can reach.
  const simple = [
    {
      path: "cancel",
      action: "CANCEL",
      config: admin,
      summary: "PENDING → CANCELLED (撤销); the amount is given back",
      scope: (user: SessionUser) => ({ tenantId: tenantOf(user) }),
    },
    {
      path: "start-processing",
      action: "START_PROCESSING",
      config: staff,
      summary: "PENDING → PROCESSING (provider staff)",
      scope: (user: SessionUser) => ({ providerId: providerOf(user) }),
    },
  ] as const;
  for (const t of simple) {
    app.post(
      `/api/invoice-requests/:id/${t.path}`,
      {
        config: t.config,
        schema: {
          tags,
          summary: t.summary,
          headers,
          params: idParams,
          response: { 200: invoiceRequest },
        },
      },
      async (request, reply) => {
        const user = userOf(request);
        return sendMutation(request, reply, 200, (tx) =>
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
      config: staff,
      schema: {
        tags,
        summary:
          "PROCESSING → MAILING (paper) with invoice number, courier (a name, or a code such as SF) and tracking number",
        headers,
        params: idParams,
        body: shipInput,
        response: { 200: invoiceRequest },
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      const { invoiceNumber, courier, courierName, trackingNumber } = request.body;
      return sendMutation(request, reply, 200, (tx) =>
        transitionInvoice(tx, {
          actor: user,
          requestId: request.params.id,
          action: "SHIP",
          scope: { providerId: providerOf(user) },
          // The courier's name is stored (顺丰速运 for SF); its code is derived when read.
          data: {
            invoiceNumber,
            courier: courierOf(courier === "OTHER" ? (courierName ?? courier) : courier).name,
            trackingNumber,
          },
        }),
      );
    },
  );

  app.post(
    "/api/invoice-requests/:id/issue",
    {
      config: staff,
      schema: {
        tags,
        summary:
          "PROCESSING → ISSUED (electronic) with the 20-digit invoice number, the issue date and the files issued; attached files not listed are removed",
        headers,
        params: idParams,
        body: issueInput,
        response: { 200: invoiceRequest },
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      return sendMutation(request, reply, 200, (tx) =>
        issueInvoice(tx, {
          actor: user,
          requestId: request.params.id,
          providerId: providerOf(user),
          input: request.body,
        }),
      );
    },
  );

  app.post(
    "/api/invoice-requests/:id/reject",
    {
      config: staff,
      schema: {
        tags,
        summary: "PENDING or PROCESSING → REJECTED (驳回) with a reason; the amount is given back",
        headers,
        params: idParams,
        body: rejectInput,
        response: { 200: invoiceRequest },
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      return sendMutation(request, reply, 200, (tx) =>
        rejectInvoice(tx, {
          actor: user,
          requestId: request.params.id,
          providerId: providerOf(user),
          reason: request.body.reason,
        }),
      );
    },
  );
};
