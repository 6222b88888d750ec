import { invoiceTitleInput, mailingAddressInput } from "@mic/contracts";
import type { Db } from "@mic/db";
import type { z } from "zod";
import { audit, type Actor } from "../lib/audit";
import { AppError, notFound } from "../lib/errors";
import { isUuid } from "../lib/pagination";
import { addressJson, titleJson } from "../lib/serialize";
import type { Tx } from "../lib/tx";
import { lockUntilCommit } from "../lib/advisory-lock";

/**
 * Invoice titles and mailing addresses behave alike: owned by one tenant, one of them the default
 * (a partial unique index keeps it to one), edited with a PATCH that is checked as a whole.
 */
type Kind = "title" | "address";

const spec = {
  title: { entityType: "InvoiceTitle", schema: invoiceTitleInput, json: titleJson },
  address: { entityType: "MailingAddress", schema: mailingAddressInput, json: addressJson },
} as const;

type Row = Parameters<(typeof spec)["title"]["json"]>[0] | Parameters<(typeof spec)["address"]["json"]>[0];

function delegate(tx: Tx | Db, kind: Kind) {
  // Both delegates share the calls used here; the cast keeps one code path for both tables.
  return (kind === "title" ? tx.invoiceTitle : tx.mailingAddress) as unknown as {
    findMany(args: object): Promise<Row[]>;
    findFirst(args: object): Promise<Row | null>;
    count(args: object): Promise<number>;
    create(args: object): Promise<Row>;
    update(args: object): Promise<Row>;
    updateMany(args: object): Promise<{ count: number }>;
    delete(args: object): Promise<Row>;
  };
}

const toJson = (kind: Kind, row: Row) =>
  (spec[kind].json as (r: Row) => ReturnType<(typeof spec)[Kind]["json"]>)(row);

function validationError(error: z.ZodError) {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join(".") || "body"] ??= issue.message;
  return new AppError("VALIDATION", "validation", { fields });
}

export async function listRecords(db: Db, kind: Kind, tenantId: string) {
  const rows = await delegate(db, kind).findMany({
    where: { tenantId },
    orderBy: [{ isDefault: "desc" }, { createdAt: "desc" }, { id: "desc" }],
    take: 200,
  });
  return rows.map((r) => toJson(kind, r));
}

export async function findRecord(db: Db | Tx, kind: Kind, tenantId: string, id: string): Promise<Row> {
  const row = isUuid(id) ? await delegate(db, kind).findFirst({ where: { id, tenantId } }) : null;
  if (!row) throw notFound();
  return row;
}

/**
 * Serialises the changes to one tenant's titles (or addresses) until the transaction ends. The
 * default moves between rows and a row may vanish under a concurrent delete; one change at a
 * time, each seeing the last one committed, means the partial unique index ("one default per
 * tenant") is never violated and a deleted row is a plain 404, never a 500.
 */
async function lockTenantRecords(tx: Tx, kind: Kind, tenantId: string) {
  await lockUntilCommit(tx, kind === "title" ? "invoiceTitles" : "mailingAddresses", tenantId);
}

async function clearDefault(tx: Tx, kind: Kind, tenantId: string, exceptId?: string) {
  await delegate(tx, kind).updateMany({
    where: { tenantId, isDefault: true, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    data: { isDefault: false },
  });
}

export async function createRecord(tx: Tx, kind: Kind, actor: Actor, tenantId: string, body: unknown) {
  const parsed = spec[kind].schema.safeParse(body);
  if (!parsed.success) throw validationError(parsed.error);
  const records = delegate(tx, kind);
  await lockTenantRecords(tx, kind, tenantId);
  // The first record becomes the default, so applying always has something preselected.
  const isDefault = parsed.data.isDefault || (await records.count({ where: { tenantId } })) === 0;
  if (isDefault) await clearDefault(tx, kind, tenantId);
  const row = await records.create({ data: { ...parsed.data, isDefault, tenantId } });
  await audit(tx, {
    actor,
    tenantId,
    action: "CREATE",
    entityType: spec[kind].entityType,
    entityId: row.id,
    after: toJson(kind, row),
  });
  return toJson(kind, row);
}

export async function updateRecord(
  tx: Tx,
  kind: Kind,
  actor: Actor,
  tenantId: string,
  id: string,
  patch: Record<string, unknown>,
) {
  if (isUuid(id)) await lockTenantRecords(tx, kind, tenantId);
  const before = await findRecord(tx, kind, tenantId, id);
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const { id: _id, tenantId: _t, createdAt: _c, updatedAt: _u, ...current } = before;
  const parsed = spec[kind].schema.safeParse({ ...current, ...defined });
  if (!parsed.success) throw validationError(parsed.error);
  // A default stays a default until another one is chosen.
  const isDefault = before.isDefault || parsed.data.isDefault;
  if (isDefault && !before.isDefault) await clearDefault(tx, kind, tenantId, id);
  const row = await delegate(tx, kind).update({ where: { id }, data: { ...parsed.data, isDefault } });
  await audit(tx, {
    actor,
    tenantId,
    action: "UPDATE",
    entityType: spec[kind].entityType,
    entityId: id,
    before: toJson(kind, before),
    after: toJson(kind, row),
  });
  return toJson(kind, row);
}

export async function deleteRecord(tx: Tx, kind: Kind, actor: Actor, tenantId: string, id: string) {
  if (isUuid(id)) await lockTenantRecords(tx, kind, tenantId);
  const before = await findRecord(tx, kind, tenantId, id);
  await delegate(tx, kind).delete({ where: { id } });
  // Deleting the default hands the role to the newest remaining record.
  if (before.isDefault) {
    const next = await delegate(tx, kind).findFirst({
      where: { tenantId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    if (next) await delegate(tx, kind).update({ where: { id: next.id }, data: { isDefault: true } });
  }
  await audit(tx, {
    actor,
    tenantId,
    action: "DELETE",
    entityType: spec[kind].entityType,
    entityId: id,
    before: toJson(kind, before),
  });
  return { ok: true as const };
}
