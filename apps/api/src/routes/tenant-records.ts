import {
  errorBody,
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
import type { App, Ctx } from "../app";
import { tenantOf } from "../lib/guards";
import { sendMutation } from "../lib/idempotency";
import { authorize, userOf } from "../lib/session";
import {
  createRecord,
  deleteRecord,
  findRecord,
  listRecords,
  updateRecord,
} from "../services/tenant-records";
import { addressJson, titleJson } from "../lib/serialize";

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/** Invoice titles (发票抬头) and mailing addresses (邮寄地址): the same five routes each. */
export function tenantRecordRoutes(app: App, { prisma, sessions }: Ctx) {
  const onRequest = authorize(sessions, ["ENTERPRISE_ADMIN"]);
  const resources = [
    {
      kind: "title",
      path: "/api/invoice-titles",
      tag: "invoice-titles",
      item: invoiceTitle,
      input: invoiceTitleInput,
      patch: invoiceTitlePatch,
      json: titleJson,
    },
    {
      kind: "address",
      path: "/api/mailing-addresses",
      tag: "mailing-addresses",
      item: mailingAddress,
      input: mailingAddressInput,
      patch: mailingAddressPatch,
      json: addressJson,
    },
  ] as const;

  for (const r of resources) {
    app.get(
      r.path,
      { onRequest, schema: { tags: [r.tag], response: { 200: listOf(r.item), ...errors } } },
      async (request) => {
        const items = await listRecords(prisma, r.kind, tenantOf(userOf(request)));
        return { items, nextCursor: null };
      },
    );

    app.post(
      r.path,
      { onRequest, schema: { tags: [r.tag], body: r.input, response: { 201: r.item, ...errors } } },
      async (request, reply) => {
        const user = userOf(request);
        return sendMutation(prisma, request, reply, user.id, 201, (tx) =>
          createRecord(tx, r.kind, user, tenantOf(user), request.body),
        );
      },
    );

    app.get(
      `${r.path}/:id`,
      { onRequest, schema: { tags: [r.tag], params: idParams, response: { 200: r.item, ...errors } } },
      async (request) => {
        const row = await findRecord(prisma, r.kind, tenantOf(userOf(request)), request.params.id);
        return (r.json as (x: typeof row) => never)(row);
      },
    );

    app.patch(
      `${r.path}/:id`,
      {
        onRequest,
        schema: { tags: [r.tag], params: idParams, body: r.patch, response: { 200: r.item, ...errors } },
      },
      async (request, reply) => {
        const user = userOf(request);
        return sendMutation(prisma, request, reply, user.id, 200, (tx) =>
          updateRecord(tx, r.kind, user, tenantOf(user), request.params.id, request.body),
        );
      },
    );

    app.delete(
      `${r.path}/:id`,
      { onRequest, schema: { tags: [r.tag], params: idParams, response: { 200: okBody, ...errors } } },
      async (request) => {
        const user = userOf(request);
        await deleteRecord(prisma, r.kind, user, tenantOf(user), request.params.id);
        return { ok: true as const };
      },
    );
  }
}
