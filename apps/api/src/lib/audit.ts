import type { AuditAction, AuditEntityType } from "@mic/contracts";
import type { Role } from "@mic/domain";
import type { Prisma } from "@mic/db";
import type { Tx } from "./tx";

export interface Actor {
  id: string;
  role: Role;
}

interface AuditInput {
  actor: Actor;
  tenantId: string | null;
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  reason?: string | null;
  before?: unknown;
  after?: unknown;
  /** When it happened; the database's clock when left out (the seed plays its stories in the past). */
  at?: Date;
}

const json = (v: unknown) =>
  v === undefined || v === null
    ? undefined
    : (JSON.parse(
        JSON.stringify(v, (_, x: unknown) => (typeof x === "bigint" ? x.toString() : x)),
      ) as Prisma.InputJsonValue);

/** The AuditEvent row of an event, as `audit` stores it (and mic_apply_invoice does in SQL). */
export function auditRow(e: AuditInput) {
  return {
    actorId: e.actor.id,
    actorRole: e.actor.role,
    tenantId: e.tenantId,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    fromStatus: e.fromStatus ?? null,
    toStatus: e.toStatus ?? null,
    reason: e.reason ?? null,
    before: json(e.before),
    after: json(e.after),
    ...(e.at ? { createdAt: e.at } : {}),
  };
}

/** Every mutation calls this inside its own transaction, so the change and its trail commit together. */
export async function audit(tx: Tx, e: AuditInput): Promise<void> {
  await tx.auditEvent.create({ data: auditRow(e) });
}
