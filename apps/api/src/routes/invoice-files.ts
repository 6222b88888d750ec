import { createHash } from "node:crypto";
import { basename } from "node:path/posix";
import fastifyMultipart from "@fastify/multipart";
import {
  fileParams,
  idempotencyHeaders as headers,
  idParams,
  invoiceFile,
  isStorableText,
  MAX_INVOICE_FILE_BYTES,
  okBody,
} from "@mic/contracts";
import { INVOICE_FILE_TYPES, recogniseInvoiceFile } from "@mic/domain";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { AppError, fieldError } from "../lib/errors";
import { providerOf } from "../lib/guards";
import { sendMutation } from "../lib/idempotency";
import { scopeOf } from "../lib/scope";
import { SIGNED_IN, userOf } from "../plugins/authorization";
import { attachFile, readFile, removeFile, type ReceivedFile } from "../services/invoice-files";

const tags = ["invoice-requests"];

const tooLarge = () =>
  new AppError("PAYLOAD_TOO_LARGE", "file.tooLarge", { fields: { file: "file.tooLarge" } });

/** A stored name: the last path segment, printable, at most 200 characters (the extension kept). */
function fileName(given: string | undefined, extension: string): string {
  const cleaned = basename((given ?? "").replaceAll("\\", "/"))
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"]/g, "")
    .trim();
  const name = isStorableText(cleaned) && cleaned !== "" ? cleaned : `invoice.${extension}`;
  if (name.length <= 200) return name;
  const dot = name.lastIndexOf(".");
  const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : "";
  return name.slice(0, 200 - ext.length) + ext;
}

/**
 * Reads the one `file` part as it streams in, hashing on the way, and stops at 5 MiB: busboy
 * cuts the part there (413), so at most 5 MiB is ever held, whatever the client sends.
 */
async function receiveFile(request: FastifyRequest): Promise<ReceivedFile> {
  if (!request.isMultipart()) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "body.multipart", { fields: { file: "file.required" } });
  }
  let part;
  try {
    part = await request.file({
      limits: { fileSize: MAX_INVOICE_FILE_BYTES, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
    });
  } catch (error) {
    throw multipartError(error);
  }
  if (!part || part.fieldname !== "file") {
    part?.file.resume();
    throw fieldError("file", "file.required");
  }
  const hash = createHash("sha256");
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of part.file) {
      hash.update(chunk as Buffer);
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    throw multipartError(error);
  }
  if (part.file.truncated) throw tooLarge();
  const content = Buffer.concat(chunks);
  if (content.length === 0) throw fieldError("file", "file.empty");
  const type = recogniseInvoiceFile(content);
  if (!type) throw fieldError("file", "file.type");
  const { contentType, extension } = INVOICE_FILE_TYPES[type];
  return { name: fileName(part.filename, extension), contentType, content, sha256: hash.digest("hex") };
}

function multipartError(error: unknown): unknown {
  const code = (error as { code?: string }).code;
  if (code === "FST_REQ_FILE_TOO_LARGE") return tooLarge();
  if (code === "FST_FILES_LIMIT" || code === "FST_PARTS_LIMIT" || code === "FST_FIELDS_LIMIT") {
    return new AppError("PAYLOAD_TOO_LARGE", "file.onlyOne", { fields: { file: "file.onlyOne" } });
  }
  if (error instanceof Error && /multipart|boundary|Unexpected end of form/i.test(error.message)) {
    return fieldError("file", "file.required");
  }
  return error;
}

/** `attachment` with the name in ASCII for old clients and in UTF-8 (RFC 5987/6266) for the rest. */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * The files of an electronic invoice (SPEC §12). The multipart parser is registered in this
 * plugin only, so every other route still takes JSON bodies alone; the CSRF check (Origin,
 * Sec-Fetch-Site) applies here as to every mutation.
 */
export const invoiceFileRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(fastifyMultipart, {
    limits: { fileSize: MAX_INVOICE_FILE_BYTES, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
  });

  app.post(
    "/api/invoice-requests/:id/files",
    {
      config: {
        roles: ["PROVIDER_STAFF"],
        upload: { field: "file", description: "The issued invoice: PDF, OFD or XML, at most 5 MiB" },
      },
      schema: {
        tags,
        summary:
          "Attach an issued e-invoice file to a PROCESSING electronic request (multipart/form-data, field file; PDF, OFD or XML by content; 5 MiB)",
        headers,
        params: idParams,
        response: { 201: invoiceFile },
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      const file = await receiveFile(request);
      // What an Idempotency-Key's retry must match: the file, by its digest (a multipart body is
      // not parsed into request.body).
      request.body = { file: { name: file.name, size: file.content.length, sha256: file.sha256 } };
      return sendMutation(request, reply, 201, (tx) =>
        attachFile(tx, { actor: user, requestId: request.params.id, providerId: providerOf(user), file }),
      );
    },
  );

  app.delete(
    "/api/invoice-requests/:id/files/:fileId",
    {
      config: { roles: ["PROVIDER_STAFF"] },
      schema: {
        tags,
        summary: "Remove an attached file while the request is still PROCESSING",
        params: fileParams,
        response: { 200: okBody },
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      return sendMutation(request, reply, 200, (tx) =>
        removeFile(tx, {
          actor: user,
          requestId: request.params.id,
          fileId: request.params.fileId,
          providerId: providerOf(user),
        }),
      );
    },
  );

  app.get(
    "/api/invoice-requests/:id/files/:fileId",
    {
      config: {
        roles: SIGNED_IN,
        download: { mediaType: "application/octet-stream", description: "The file, as an attachment" },
      },
      schema: {
        tags,
        summary: "Download a file: the tenant's admin, the provider's staff and support; anyone else 404",
        params: fileParams,
      },
    },
    async (request, reply) => {
      const file = await readFile(
        app.prisma,
        scopeOf(userOf(request)),
        request.params.id,
        request.params.fileId,
      );
      return reply
        .type(file.contentType)
        .header("content-disposition", contentDisposition(file.name))
        .header("content-length", String(file.size))
        .header("x-content-sha256", file.sha256)
        .send(Buffer.from(file.content));
    },
  );
};
