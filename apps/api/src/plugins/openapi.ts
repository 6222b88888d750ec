import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import { errorBody } from "@mic/contracts";
import type { FastifySchema, RouteOptions } from "fastify";
import fp from "fastify-plugin";
import { jsonSchemaTransform } from "fastify-type-provider-zod";
import { MUTATING } from "../lib/rate-limit";

declare module "fastify" {
  interface FastifyContextConfig {
    /** A route that answers a file rather than JSON: its 200 in the OpenAPI document. */
    download?: { mediaType: string; description: string };
    /** A route that takes a multipart/form-data upload: its one file field, for the OpenAPI document. */
    upload?: { field: string; description: string };
  }
}

const TAGS = [
  { name: "auth", description: "Sign-in, sign-out and the signed-in user (cookie session)" },
  { name: "catalog", description: "Providers, tenants and the invoiceable amounts of SPEC §3" },
  { name: "invoice-requests", description: "Invoice applications (开票申请) and their state changes" },
  { name: "invoice-titles", description: "A tenant's invoice titles (发票抬头)" },
  { name: "mailing-addresses", description: "A tenant's mailing addresses (邮寄地址)" },
  { name: "return-requests", description: "Return requests (退票申请) and red-letter reversals (红冲)" },
  { name: "tickets", description: "Void tickets (作废工单) between a tenant and support" },
  { name: "refunds", description: "Refunds recorded by support (退款)" },
  { name: "withdrawals", description: "Withdrawals of refunded money (提现)" },
  { name: "audit", description: "The audit trail" },
  { name: "calendar", description: "Holidays and make-up workdays that due dates count on" },
  { name: "notifications", description: "In-app notifications (站内信) of the signed-in user" },
  {
    name: "webhooks",
    description: "Webhook endpoints of a tenant or provider, signed per Standard Webhooks",
  },
  { name: "sla", description: "The SLA clock: on-time rates per provider" },
];

/**
 * The error answers a route can give, read from what it declares, so no route lists them by hand:
 * 400 when it validates any input, 401/403 when it has roles, 403 (CSRF) and 429 (mutation limit)
 * when it mutates, 404 when it names an object by path, 409 when a signed-in mutation can meet a
 * state, a duplicate or a reused Idempotency-Key. A route's own response schemas win.
 */
export function errorStatuses(route: Pick<RouteOptions, "method" | "config">, schema: FastifySchema) {
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  const mutates = methods.some((m) => MUTATING.has(m));
  const guarded = route.config?.roles !== undefined;
  const statuses = new Set<number>();
  if (schema.body || schema.querystring || schema.params || schema.headers) statuses.add(400);
  if (guarded) statuses.add(401).add(403);
  if (mutates) statuses.add(403).add(429);
  if (schema.params) statuses.add(404);
  if (mutates && guarded) statuses.add(409);
  if (route.config?.upload) statuses.add(400).add(413).add(415);
  return [...statuses].sort();
}

/** `GET /api/invoice-requests/:id/cancel` → `getInvoiceRequestsByIdCancel`. */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .replace(/^\/api\//, "")
    .split(/[/.-]/)
    .filter(Boolean)
    .map((part) => (part.startsWith(":") ? `by-${part.slice(1)}` : part))
    .flatMap((part) => part.split("-"));
  return method.toLowerCase() + words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
}

/** The OpenAPI document (`/api/openapi.json`) and its UI (`/api/docs`). */
export const openapiPlugin = fp(
  async (app) => {
    await app.register(fastifySwagger, {
      openapi: {
        openapi: "3.0.3",
        info: {
          title: "Marketplace Invoicing Console API",
          description:
            "云市场开票控制台 REST API. Amounts are decimal strings with two places; lists use keyset pagination.",
          version: "1.0.0",
          license: { name: "Proprietary", url: "https://example.invalid/license" },
        },
        servers: [{ url: "/", description: "The console's own origin" }],
        tags: TAGS,
        components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "mic_session" } } },
        security: [{ session: [] }],
      },
      transform: (document) => {
        const { schema, route } = document;
        // The docs UI's and static files' routes: nothing to document.
        if (!schema) return jsonSchemaTransform(document);
        const method = Array.isArray(route.method) ? String(route.method[0]) : String(route.method);
        const derived = Object.fromEntries(errorStatuses(route, schema).map((s) => [s, errorBody]));
        const response = { ...derived, ...(schema.response as object | undefined) };
        const transformed = jsonSchemaTransform({
          ...document,
          schema: {
            ...schema,
            operationId: operationIdOf(method, route.url),
            ...(route.config?.public ? { security: [] } : {}),
            response,
          },
        });
        const upload = route.config?.upload;
        if (upload) {
          const body = {
            type: "object",
            required: [upload.field],
            properties: {
              [upload.field]: { type: "string", format: "binary", description: upload.description },
            },
          };
          return {
            ...transformed,
            schema: { ...transformed.schema, consumes: ["multipart/form-data"], body },
          };
        }
        const download = route.config?.download;
        if (!download) return transformed;
        const content = { [download.mediaType]: { schema: { type: "string", format: "binary" } } };
        const responses = { 200: { description: download.description, content } };
        return {
          ...transformed,
          schema: {
            ...transformed.schema,
            response: { ...responses, ...(transformed.schema.response as object) },
          },
        };
      },
    });
    await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });
    app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  },
  { name: "openapi" },
);
