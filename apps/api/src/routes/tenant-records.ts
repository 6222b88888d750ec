import {
  idempotencyHeaders as headers,
  idParams,
  invoiceTitle,
  invoiceTitleInput,
  invoiceTitlePatch,
  listOf,
  mailingAddress,
  mailingAddressInput,
  mailingAddressPatch,
  okBody,
} from "@mic/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { tenantOf } from "../lib/guards";
import { sendMutation } from "../lib/idempotency";
import { addressJson, titleJson } from "../lib/serialize";
import { userOf } from "../plugins/authorization";
import {
  createRecord,
  deleteRecord,
  findRecord,
  listRecords,
  updateRecord,
} from "../services/tenant-records";

const config = { roles: ["ENTERPRISE_ADMIN"] } as const;

/** Invoice titles (发票抬头) and mailing addresses (邮寄地址): the same five routes each. */
export const tenantRecordRoutes: FastifyPluginAsyncZod = async (app) => {
  const resources = [
    {
      kind: "title",
      path: "/api/invoice-titles",
      tag: "invoice-titles",
      noun: "invoice title",
      plural: "invoice titles",
      item: invoiceTitle,
      input: invoiceTitleInput,
      patch: invoiceTitlePatch,
      json: titleJson,
    },
    {
      kind: "address",
      path: "/api/mailing-addresses",
      tag: "mailing-addresses",
      noun: "mailing address",
      plural: "mailing addresses",
      item: mailingAddress,
      input: mailingAddressInput,
      patch: mailingAddressPatch,
      json: addressJson,
    },
  ] as const;

  for (const r of resources) {
    const tags = [r.tag];
    app.get(
      r.path,
      {
        config,
        schema: {
          tags,
          summary: `The tenant's ${r.plural}, default first`,
          response: { 200: listOf(r.item) },
        },
      },
      async (request) => {
        const items = await listRecords(app.prisma, r.kind, tenantOf(userOf(request)));
        return { items, nextCursor: null };
      },
    );

    app.post(
      r.path,
      {
        config,
        schema: {
          tags,
          summary: `Add a ${r.noun}; the first one becomes the default`,
          headers,
          body: r.input,
          response: { 201: r.item },
        },
      },
      async (request, reply) => {
        const user = userOf(request);
        return sendMutation(request, reply, 201, (tx) =>
          createRecord(tx, r.kind, user, tenantOf(user), request.body),
        );
      },
    );

    app.get(
      `${r.path}/:id`,
      {
        config,
        schema: { tags, summary: `One ${r.noun}`, params: idParams, response: { 200: r.item } },
      },
      async (request) => {
        const row = await findRecord(app.prisma, r.kind, tenantOf(userOf(request)), request.params.id);
        return (r.json as (x: typeof row) => never)(row);
      },
    );

    app.patch(
      `${r.path}/:id`,
      {
        config,
        schema: {
          tags,
          summary: `Change a ${r.noun}; the result is checked as a whole`,
          headers,
          params: idParams,
          body: r.patch,
          response: { 200: r.item },
        },
      },
      async (request, reply) => {
        const user = userOf(request);
        return sendMutation(request, reply, 200, (tx) =>
          updateRecord(tx, r.kind, user, tenantOf(user), request.params.id, request.body),
        );
      },
    );

    app.delete(
      `${r.path}/:id`,
      {
        config,
        schema: {
          tags,
          summary: `Delete a ${r.noun}; deleting the default hands it to the newest remaining one`,
          headers,
          params: idParams,
          response: { 200: okBody },
        },
      },
      async (request, reply) => {
        const user = userOf(request);
        return sendMutation(request, reply, 200, (tx) =>
          deleteRecord(tx, r.kind, user, tenantOf(user), request.params.id),
        );
      },
    );
  }
};
