import type { IssueInput } from "@mic/contracts";
import { chinaDate, checkTransition, isLayoutFile, kindOf } from "@mic/domain";
import { audit, type Actor } from "../lib/audit";
import { fieldError, notFound } from "../lib/errors";
import { isUuid } from "../lib/pagination";
import type { Tx } from "../lib/tx";
import { lockRequest, refusal, transitionInvoice } from "./transition-invoice";

interface IssueOptions {
  actor: Actor;
  requestId: string;
  providerId: string;
  input: IssueInput;
  now?: Date;
}

/**
 * PROCESSING → ISSUED for an electronic request (SPEC §12), in the caller's one transaction: the
 * request's row lock first (an upload or a file deletion waits, then finds it ISSUED), then the
 * checks, the removal of the files staff did not list, and the transition that moves the amount
 * from processing to issued. A crash at any point leaves the request PROCESSING with its files.
 */
export async function issueInvoice(tx: Tx, o: IssueOptions) {
  if (!isUuid(o.requestId)) throw notFound();
  await lockRequest(tx, o.requestId);
  const current = await tx.invoiceRequest.findFirst({ where: { id: o.requestId, providerId: o.providerId } });
  if (!current) throw notFound();
  const check = checkTransition(current.status, "ISSUE", o.actor.role, kindOf(current.invoiceType));
  if (!check.ok) throw refusal(check.reason, current.status, "ISSUE");

  const now = o.now ?? new Date();
  const submitted = chinaDate(current.createdAt);
  if (o.input.issuedOn > chinaDate(now)) throw fieldError("issuedOn", "issuedOn.future");
  if (o.input.issuedOn < submitted) throw fieldError("issuedOn", `issuedOn.beforeSubmission:${submitted}`);

  const files = await tx.invoiceFile.findMany({
    where: { requestId: current.id },
    select: { id: true, name: true, contentType: true },
  });
  const wanted = new Set(o.input.fileIds);
  if ([...wanted].some((id) => !files.some((f) => f.id === id)))
    throw fieldError("fileIds", "fileIds.unknown");
  const kept = files.filter((f) => wanted.has(f.id));
  if (!kept.some((f) => isLayoutFile(f.contentType))) throw fieldError("fileIds", "fileIds.needPdfOrOfd");

  // What was uploaded but not chosen is not part of the issued invoice: it goes, with its trail.
  const removed = files.filter((f) => !wanted.has(f.id));
  if (removed.length > 0) {
    await tx.invoiceFile.deleteMany({ where: { id: { in: removed.map((f) => f.id) } } });
    for (const f of removed) {
      await audit(tx, {
        actor: o.actor,
        tenantId: current.tenantId,
        action: "DELETE",
        entityType: "InvoiceFile",
        entityId: f.id,
        reason: "not among the issued files",
        before: { requestId: current.id, name: f.name, contentType: f.contentType },
        at: now,
      });
    }
  }
  return transitionInvoice(tx, {
    actor: o.actor,
    requestId: current.id,
    action: "ISSUE",
    scope: { providerId: o.providerId },
    data: { invoiceNumber: o.input.invoiceNumber, issuedOn: new Date(`${o.input.issuedOn}T00:00:00Z`) },
    auditAfter: { fileIds: kept.map((f) => f.id), removedFileIds: removed.map((f) => f.id) },
    now,
  });
}
