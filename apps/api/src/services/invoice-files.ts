import { kindOf } from "@mic/domain";
import type { Db } from "@mic/db";
import { audit, type Actor } from "../lib/audit";
import { AppError, conflict, notFound } from "../lib/errors";
import { isUuid } from "../lib/pagination";
import { fileJson, fileSelect } from "../lib/serialize";
import type { Tx } from "../lib/tx";
import { lockRequest, type Scope } from "./transition-invoice";

/** Files one request may hold at once: enough for a PDF, an OFD and an XML with a few spares. */
export const MAX_FILES_PER_REQUEST = 10;

export interface ReceivedFile {
  name: string;
  contentType: string;
  content: Buffer;
  /** Lowercase hex. */
  sha256: string;
}

/**
 * The request a provider's staff attach files to or remove them from (SPEC §12): theirs (else
 * 404), electronic (paper: 409) and PROCESSING (else 409), read under its row lock so that an
 * issue running at the same moment is either entirely before or entirely after.
 */
async function processingElectronic(tx: Tx, requestId: string, providerId: string) {
  if (!isUuid(requestId)) throw notFound();
  await lockRequest(tx, requestId);
  const request = await tx.invoiceRequest.findFirst({ where: { id: requestId, providerId } });
  if (!request) throw notFound();
  if (kindOf(request.invoiceType) !== "ELECTRONIC") throw conflict("file.paper");
  if (request.status !== "PROCESSING") throw conflict("file.notProcessing", `status.${request.status}`);
  return request;
}

export async function attachFile(
  tx: Tx,
  o: { actor: Actor; requestId: string; providerId: string; file: ReceivedFile; now?: Date },
) {
  const request = await processingElectronic(tx, o.requestId, o.providerId);
  if ((await tx.invoiceFile.count({ where: { requestId: request.id } })) >= MAX_FILES_PER_REQUEST) {
    throw new AppError("CONFLICT", "file.tooMany", { args: [String(MAX_FILES_PER_REQUEST)] });
  }
  const row = await tx.invoiceFile.create({
    data: {
      requestId: request.id,
      name: o.file.name,
      contentType: o.file.contentType,
      size: o.file.content.length,
      sha256: o.file.sha256,
      content: new Uint8Array(o.file.content),
      uploadedById: o.actor.id,
      ...(o.now ? { createdAt: o.now } : {}),
    },
    select: fileSelect,
  });
  await audit(tx, {
    actor: o.actor,
    tenantId: request.tenantId,
    action: "CREATE",
    entityType: "InvoiceFile",
    entityId: row.id,
    after: {
      requestId: request.id,
      name: row.name,
      contentType: row.contentType,
      size: row.size,
      sha256: row.sha256,
    },
    ...(o.now ? { at: o.now } : {}),
  });
  return fileJson(row);
}

export async function removeFile(
  tx: Tx,
  o: { actor: Actor; requestId: string; fileId: string; providerId: string },
) {
  const request = await processingElectronic(tx, o.requestId, o.providerId);
  const file = isUuid(o.fileId)
    ? await tx.invoiceFile.findFirst({ where: { id: o.fileId, requestId: request.id }, select: fileSelect })
    : null;
  if (!file) throw notFound();
  await tx.invoiceFile.delete({ where: { id: file.id } });
  await audit(tx, {
    actor: o.actor,
    tenantId: request.tenantId,
    action: "DELETE",
    entityType: "InvoiceFile",
    entityId: file.id,
    before: { requestId: request.id, name: file.name, contentType: file.contentType, sha256: file.sha256 },
  });
  return { ok: true as const };
}

/** A file with its content, for whoever may see its request (admin: tenant, staff: provider, support); else 404. */
export async function readFile(db: Db, scope: Scope, requestId: string, fileId: string) {
  if (!isUuid(requestId) || !isUuid(fileId)) throw notFound();
  const file = await db.invoiceFile.findFirst({
    where: { id: fileId, requestId, request: scope },
    select: { name: true, contentType: true, size: true, sha256: true, content: true },
  });
  if (!file) throw notFound();
  return file;
}
